package org.geowall.config;

import java.time.Duration;

/**
 * Time and concurrency budgets of a run.
 *
 * @param navigationSeconds how long a navigation may take until the load event
 * @param settleSeconds     how long to wait for the network to go idle after the load event
 * @param probeSeconds      how long the plain probe may wait for the proxy's answer
 * @param workers           how many browsers measure at once, each in its own thread
 */
public record Budgets(Integer navigationSeconds, Integer settleSeconds, Integer probeSeconds, Integer workers) {

    public static Budgets defaults() {
        return new Budgets(30, 3, 15, 2);
    }

    /** Returns these budgets with every missing value taken from {@code base}. */
    public Budgets over(Budgets base) {
        return new Budgets(navigationSeconds == null ? base.navigationSeconds : navigationSeconds,
                settleSeconds == null ? base.settleSeconds : settleSeconds,
                probeSeconds == null ? base.probeSeconds : probeSeconds,
                workers == null ? base.workers : workers);
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
}
