package org.geowall.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Time, repeat and concurrency budgets of a run. A null value means "not given" until
 * {@link #over(Budgets)} fills it from the defaults.
 *
 * @param navigationSeconds        how long a navigation may take until the load event
 * @param settleSeconds            how long to wait for the network to go idle after the load event
 * @param probeSeconds             how long the plain probe may wait for the proxy's answer, per redirect hop
 * @param workers                  how many browsers measure at once, each in its own thread
 * @param connectSeconds           how long the connection to the site (through the proxy) may take, counted from
 *                                 the start of the request; 0 for no limit of its own
 * @param tlsSeconds               how long until the TLS handshake with the site has ended, counted from the start
 *                                 of the request; 0 for no limit of its own
 * @param responseSeconds          how long until the main document's first byte, counted from the start of the
 *                                 navigation; 0 for no limit of its own
 * @param domContentLoadedSeconds  how long until DOMContentLoaded, counted from the start of the navigation; 0
 *                                 for no limit of its own
 * @param repeats                  how many attempts a (site, vantage) pair may get
 * @param repeatAccessible         whether a pair whose first attempt was accessible is tried again too
 */
public record Budgets(Integer navigationSeconds, Integer settleSeconds, Integer probeSeconds, Integer workers,
                      Integer connectSeconds, Integer tlsSeconds, Integer responseSeconds,
                      Integer domContentLoadedSeconds, Integer repeats, Boolean repeatAccessible) {

    /** Budgets with the time and worker values only; phases, repeats and the repeat policy are not given. */
    public Budgets(Integer navigationSeconds, Integer settleSeconds, Integer probeSeconds, Integer workers) {
        this(navigationSeconds, settleSeconds, probeSeconds, workers, null, null, null, null, null, null);
    }

    public static Budgets defaults() {
        return new Budgets(30, 3, 15, 2, 0, 0, 0, 0, 1, false);
    }

    /** Returns these budgets with every missing value taken from {@code base}. */
    public Budgets over(Budgets base) {
        return new Budgets(or(navigationSeconds, base.navigationSeconds), or(settleSeconds, base.settleSeconds),
                or(probeSeconds, base.probeSeconds), or(workers, base.workers),
                or(connectSeconds, base.connectSeconds), or(tlsSeconds, base.tlsSeconds),
                or(responseSeconds, base.responseSeconds),
                or(domContentLoadedSeconds, base.domContentLoadedSeconds), or(repeats, base.repeats),
                or(repeatAccessible, base.repeatAccessible));
    }

    /** Returns these budgets with {@code repeats} replaced, as a suite parameter or {@code -Drepeats} does. */
    public Budgets withRepeats(int newRepeats) {
        return new Budgets(navigationSeconds, settleSeconds, probeSeconds, workers, connectSeconds, tlsSeconds,
                responseSeconds, domContentLoadedSeconds, newRepeats, repeatAccessible);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    public Duration navigation() {
        return Duration.ofSeconds(navigationSeconds);
    }

    public Duration settle() {
        return Duration.ofSeconds(settleSeconds);
    }

    public Duration probe() {
        return Duration.ofSeconds(probeSeconds);
    }

    /** Returns the connect budget, or empty when only the navigation (or probe) budget limits it. */
    public Optional<Duration> connect() {
        return phase(connectSeconds);
    }

    /** Returns the TLS handshake budget, or empty when only the navigation (or probe) budget limits it. */
    public Optional<Duration> tls() {
        return phase(tlsSeconds);
    }

    /** Returns the budget until the main document's first byte, or empty when only the navigation limits it. */
    public Optional<Duration> response() {
        return phase(responseSeconds);
    }

    /** Returns the budget until DOMContentLoaded, or empty when only the navigation limits it. */
    public Optional<Duration> domContentLoaded() {
        return phase(domContentLoadedSeconds);
    }

    /** Returns the number of attempts per (site, vantage) pair; 1 when not given. */
    public int attempts() {
        return repeats == null ? 1 : repeats;
    }

    /** Returns whether an accessible first attempt is tried again; false when not given. */
    public boolean repeatsAccessible() {
        return Boolean.TRUE.equals(repeatAccessible);
    }

    /**
     * Returns the keys of the phase budgets that are set but not shorter than
     * {@code navigation_seconds}, so they have no effect in the browser.
     */
    public java.util.List<String> phasesWithoutEffect() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        java.util.Map<String, Integer> phases = new java.util.LinkedHashMap<>();
        phases.put("response_seconds", responseSeconds);
        phases.put("dom_content_loaded_seconds", domContentLoadedSeconds);
        phases.forEach((key, seconds) -> {
            if (seconds != null && seconds > 0 && navigationSeconds != null && seconds >= navigationSeconds) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static Optional<Duration> phase(Integer seconds) {
        return seconds == null || seconds <= 0 ? Optional.empty()
                : Optional.of(Duration.ofSeconds(seconds));
    }
}
