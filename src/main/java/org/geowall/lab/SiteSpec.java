package org.geowall.lab;

import java.net.URI;

/**
 * A site the lab should play: its URL (whose host name the lab takes over), a name, a scenario,
 * and the latency it adds to every response, in milliseconds.
 */
public record SiteSpec(URI url, String name, Scenario scenario, int latencyMillis) {

    /** Creates a site that answers without added latency. */
    public SiteSpec(URI url, String name, Scenario scenario) {
        this(url, name, scenario, 0);
    }

    public String host() {
        return url.getHost();
    }
}
