package org.geowall.site;

import java.net.URI;
import java.util.List;

/** One site to measure, as a site list row gives it, with its optional tags. */
public record Site(URI url, String name, String province, String level, List<String> tags, int line) {

    public String host() {
        return url.getHost();
    }
}
