package org.geowall.lab;

import java.net.InetAddress;

/**
 * One virtual site of the lab: a real host name, the scenario it plays for foreign clients, and
 * where it listens. The lab maps ports 80 and 443 of {@code address} to the two listener ports.
 */
public record LabSite(String host, String name, Scenario scenario, String homeCountry,
                      InetAddress address, int httpPort, int httpsPort, int latencyMillis) {

    /** Returns the listener port that stands for the given well-known port, or -1 for any other. */
    public int listenerPortFor(int port) {
        if (port == 80) {
            return httpPort;
        }
        if (port == 443) {
            return httpsPort;
        }
        return -1;
    }
}
