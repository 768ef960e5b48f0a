package org.geowall.probe;

import java.time.Duration;
import java.util.Optional;
import org.geowall.config.Budgets;

/**
 * The socket timeouts of one probe request (one redirect hop). Every wait gets at most
 * probe_seconds, as the probe has always had. The connect, tls and response budgets, where set,
 * also end their phase a fixed time after the request's start, as in the browser.
 */
final class ProbeTimeouts {

    private final int readMillis;
    private final Optional<Duration> connect;
    private final Optional<Duration> tls;
    private final Optional<Duration> response;

    ProbeTimeouts(Budgets budgets) {
        this.readMillis = (int) Math.min(Integer.MAX_VALUE, budgets.probe().toMillis());
        this.connect = budgets.connect();
        this.tls = budgets.tls();
        this.response = budgets.response();
    }

    /** Returns the timeout of each read and of the TCP connect when no phase budget applies. */
    int readMillis() {
        return readMillis;
    }

    /** Returns the timeout for the TCP connect to the proxy and for the proxy's response to CONNECT. */
    int connectMillis(long elapsedMillis) {
        return within(connect, elapsedMillis);
    }

    /** Returns the timeout for the TLS handshake with the site. */
    int tlsMillis(long elapsedMillis) {
        return within(tls, elapsedMillis);
    }

    /** Returns the timeout for the first byte of the response. */
    int firstByteMillis(long elapsedMillis) {
        return within(response, elapsedMillis);
    }

    /**
     * Returns what is left of a phase budget after {@code elapsedMillis}, at most {@link #readMillis()}
     * and at least 1 ms, because a socket timeout of 0 means "wait forever".
     */
    private int within(Optional<Duration> phase, long elapsedMillis) {
        if (phase.isEmpty()) {
            return readMillis;
        }
        long left = phase.get().toMillis() - elapsedMillis;
        return (int) Math.max(1, Math.min(readMillis, left));
    }
}
