package org.geowall.lab;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a country's proxy (HTTP or SOCKS5) to a lab site from the country's loopback address,
 * and names the cause when it cannot, as residential-proxy gateways do: {@code dns_nxdomain},
 * {@code dns_servfail}, {@code dns_no_answer}, {@code connection_refused}, {@code connect_timeout},
 * {@code connection_reset} or {@code connection_failed}.
 */
final class UpstreamDialer {

    private static final Logger log = LoggerFactory.getLogger(UpstreamDialer.class);

    /** Either a connected socket or the cause of the failure. */
    record Connection(Socket socket, String failure) {
        boolean connected() {
            return socket != null;
        }

        /** Returns true when the failure is a timeout, which gateways report as 504 rather than 502. */
        boolean timedOut() {
            return "connect_timeout".equals(failure);
        }
    }

    private final String country;
    private final InetAddress sourceAddress;
    private final LabNetwork network;
    private final int connectTimeoutMillis;

    UpstreamDialer(String country, InetAddress sourceAddress, LabNetwork network, int connectTimeoutMillis) {
        this.country = country;
        this.sourceAddress = sourceAddress;
        this.network = network;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    Connection dial(String host, int port) throws IOException {
        LabNetwork.Route route = network.route(host, port, country);
        if (route.failure() == LabNetwork.RouteFailure.CONNECT_TIMEOUT) {
            waitOutConnectTimeout(host, port);
            return failed(route.failure().id());
        }
        if (!route.found()) {
            log.debug("Lab exit {}: {}:{} failed: {}", country, host, port, route.failure().id());
            return failed(route.failure().id());
        }
        Socket upstream = new Socket();
        try {
            upstream.bind(new InetSocketAddress(sourceAddress, 0));
            upstream.connect(route.address(), connectTimeoutMillis);
            return new Connection(upstream, null);
        } catch (SocketTimeoutException e) {
            LabThreads.closeQuietly(upstream);
            log.info("Lab exit {}: connect to {}:{} timed out", country, host, port);
            return failed("connect_timeout");
        } catch (ConnectException e) {
            LabThreads.closeQuietly(upstream);
            log.info("Lab exit {}: connect to {}:{} rejected: {}", country, host, port, e.toString());
            return failed("connection_refused");
        } catch (SocketException e) {
            // A site that resets at accept time can beat the end of connect(): report it as the reset it is.
            LabThreads.closeQuietly(upstream);
            log.info("Lab exit {}: connect to {}:{} failed: {}", country, host, port, e.toString());
            return failed(String.valueOf(e.getMessage()).contains("reset") ? "connection_reset" : "connection_failed");
        }
    }

    private static Connection failed(String cause) {
        return new Connection(null, cause);
    }

    /**
     * Waits as long as a connect to a blackholed address would, before the proxy gives up.
     * Making the kernel drop SYNs on loopback needs root firewall rules, so the lab simulates the
     * wait here instead of connecting at all.
     */
    private void waitOutConnectTimeout(String host, int port) throws IOException {
        log.info("Lab exit {}: connect to {}:{} blackholed, failing after {} ms", country, host, port,
                connectTimeoutMillis);
        try {
            Thread.sleep(connectTimeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Lab exit " + country + " stopped while connecting to " + host + ":"
                    + port);
        }
    }
}
