package org.geowall.lab;

import java.net.URI;

/** A site the lab should play: its URL (whose host name the lab takes over), a name, a scenario. */
public record SiteSpec(URI url, String name, Scenario scenario) {

    public String host() {
        return url.getHost();
    }
}
