package org.geowall.lab;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lab's own hosts that scenario pages load from: asset hosts, data and geolocation APIs, and
 * a host of denial pages. Every lab world serves them, from every country, under the reserved
 * {@code .test} top-level domain, so their names can never clash with a real site of a list.
 * Some of them block foreign clients, which is what the scenarios of the sites using them rely on.
 */
public enum SupportHost {
    /** Images for {@link Scenario#HEAVY_PAGE}. */
    IMAGES("img.geowall-lab.test", Scenario.ACCESSIBLE),
    /** Stylesheets and scripts for {@link Scenario#HEAVY_PAGE}. */
    STATIC("static.geowall-lab.test", Scenario.ACCESSIBLE),
    /** The stylesheet and content script of {@link Scenario#STATIC_HOST_BLOCKED}; resets foreign clients. */
    STATIC_HOME_ONLY("static-cn.geowall-lab.test", Scenario.TCP_RESET),
    /** The JSON data API of {@link Scenario#DATA_API_BLOCKED}; responds with 403 to foreign clients. */
    DATA_API_HOME_ONLY("api-cn.geowall-lab.test", Scenario.HTTP_403_DENIAL),
    /** Returns the client's GeoIP country as JSON, for {@link Scenario#SCRIPTED_GEO_REDIRECT}. */
    GEOLOCATION("geo.geowall-lab.test", Scenario.ACCESSIBLE),
    /** Denial pages that {@link Scenario#HTTP_REDIRECT_DENIAL} and {@link Scenario#SCRIPTED_GEO_REDIRECT} lead to. */
    DENIAL("deny.geowall-lab.test", Scenario.ACCESSIBLE);

    private final String host;
    private final Scenario scenario;

    SupportHost(String host, Scenario scenario) {
        this.host = host;
        this.scenario = scenario;
    }

    public String host() {
        return host;
    }

    /** Returns the scenario the host plays for foreign clients. */
    public Scenario scenario() {
        return scenario;
    }

    /** Returns a URL on this host with the page's own scheme ({@code //host/path}), so http and https pages both work. */
    String schemeRelative(String path) {
        return "//" + host + path;
    }

    /** Returns the support host of a host name, or empty for a site of the list. */
    static Optional<SupportHost> of(String host) {
        return Arrays.stream(values()).filter(support -> support.host.equalsIgnoreCase(host)).findFirst();
    }
}
