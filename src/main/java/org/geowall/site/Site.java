package org.geowall.site;

import java.net.URI;

/** One site to measure, as a site list row gives it. */
public record Site(URI url, String name, String province, String level, int line) {

    public String host() {
        return url.getHost();
    }
}
