package org.geowall.lab;

import java.util.Locale;
import org.geowall.verdict.Verdict;

/**
 * A behaviour that a lab site plays. Most scenarios play for foreign clients only, and clients
 * from the site's home country (the control vantage's country) get the ordinary page. Scenarios
 * of {@link Audience#EVERYONE} play for every client, the home country's included.
 */
public enum Scenario {
    /** The ordinary page for everyone. */
    ACCESSIBLE(Audience.FOREIGN, Verdict.ACCESSIBLE),
    /** HTTP 403 with a Chinese denial page. */
    HTTP_403_DENIAL(Audience.FOREIGN, Verdict.BLOCK_PAGE),
    /** The connection is accepted, then torn down with a TCP reset once the client sends its first bytes. */
    TCP_RESET(Audience.FOREIGN, Verdict.CONNECTION_RESET),
    /** The connection is accepted and never answered. */
    SILENT_DROP(Audience.FOREIGN, Verdict.TIMEOUT),
    /** The geo DNS answers NXDOMAIN to foreign resolvers. */
    NXDOMAIN(Audience.FOREIGN, Verdict.DNS_FAILURE),

    /** A page with more than 30 images, stylesheets and scripts from its own host and two lab asset hosts. */
    HEAVY_PAGE(Audience.EVERYONE, Verdict.ACCESSIBLE),
    /** The connection from a foreign proxy is refused: a real connect to a port nothing listens on. */
    CONNECTION_REFUSED(Audience.FOREIGN, Verdict.CONNECTION_REFUSED),
    /** The connection from a foreign proxy never completes, so the proxy gives up after its connect timeout. */
    BLACKHOLE_CONNECT(Audience.FOREIGN, Verdict.TIMEOUT),
    /** HTTP 200 with a slider CAPTCHA in the style of Chinese cloud WAFs, which sets a challenge cookie and reloads. */
    CAPTCHA_WALL(Audience.FOREIGN, Verdict.CAPTCHA_WALL),
    /** The page loads its stylesheet and content script from a lab static host that resets foreign clients. */
    STATIC_HOST_BLOCKED(Audience.EVERYONE, Verdict.SUBRESOURCE_BLOCKED),
    /** The page's script fetches its list from a lab data API that responds with 403 to foreign clients. */
    DATA_API_BLOCKED(Audience.EVERYONE, Verdict.CONTENT_BLOCKED),
    /** The page queries a lab geolocation API for the client's country and redirects foreign visitors by script. */
    SCRIPTED_GEO_REDIRECT(Audience.EVERYONE, Verdict.CLIENT_REDIRECT_BLOCK),
    /** HTTP 302 to a 403 denial page on the lab's denial host. */
    HTTP_REDIRECT_DENIAL(Audience.FOREIGN, Verdict.BLOCK_PAGE),
    /** HTTP 403 with a denial page in GBK, declared only by a meta element, never in Content-Type. */
    GBK_DENIAL(Audience.FOREIGN, Verdict.BLOCK_PAGE),
    /** The TLS handshake ends with a fatal alert after the ClientHello; plain HTTP still serves the page. */
    TLS_ABORT(Audience.FOREIGN, Verdict.TLS_FAILURE),
    /** The page arrives after a delay ({@link LabOptions#slowResponseMillis()}), but arrives. */
    SLOW(Audience.EVERYONE, Verdict.ACCESSIBLE),
    /** HTTP 503 for everyone: the site is down, not blocked. */
    DOWN_EVERYWHERE(Audience.EVERYONE, Verdict.SITE_DOWN, Verdict.SITE_DOWN),
    /**
     * The connection is accepted and never responded to, for everyone: the site is down, not blocked,
     * and its timeouts abroad are global ones.
     */
    DROP_EVERYWHERE(Audience.EVERYONE, Verdict.SITE_DOWN, Verdict.SITE_DOWN),
    /**
     * A seeded share of connections ({@link LabOptions#flakyFailureShare()}) is reset once the
     * request arrives, for everyone.
     * Its ground truth is {@code accessible} from every vantage, because the site works when tried
     * again, and the scenario id {@code flaky} lets a scorer treat its pairs apart.
     */
    FLAKY(Audience.EVERYONE, Verdict.ACCESSIBLE),
    /** The geo DNS answers SERVFAIL to foreign resolvers. */
    DNS_SERVFAIL(Audience.FOREIGN, Verdict.DNS_FAILURE),
    /** The geo DNS answers foreign resolvers with no address record (NOERROR, empty answer). */
    DNS_NO_ANSWER(Audience.FOREIGN, Verdict.DNS_FAILURE);

    /** The clients a scenario plays for. */
    public enum Audience {
        /** Clients outside the site's home country; home clients get the ordinary page. */
        FOREIGN,
        /** Every client. */
        EVERYONE
    }

    private final Audience audience;
    private final Verdict foreignVerdict;
    private final Verdict homeVerdict;

    Scenario(Audience audience, Verdict foreignVerdict) {
        this(audience, foreignVerdict, Verdict.ACCESSIBLE);
    }

    Scenario(Audience audience, Verdict foreignVerdict, Verdict homeVerdict) {
        this.audience = audience;
        this.foreignVerdict = foreignVerdict;
        this.homeVerdict = homeVerdict;
    }

    public Audience audience() {
        return audience;
    }

    /** Returns the verdict a load from outside the site's home country should get. */
    public Verdict foreignVerdict() {
        return foreignVerdict;
    }

    /** Returns the verdict a load from the site's home country (the control) should get. */
    public Verdict homeVerdict() {
        return homeVerdict;
    }

    /** Returns the verdict a load should get from a vantage inside ({@code home}) or outside the home country. */
    public Verdict verdictFor(boolean home) {
        return home ? homeVerdict : foreignVerdict;
    }

    /** Returns the scenario a site plays for one client: itself, or {@link #ACCESSIBLE} for a spared home client. */
    public Scenario playedFor(boolean foreignClient) {
        return foreignClient || audience == Audience.EVERYONE ? this : ACCESSIBLE;
    }

    /**
     * Returns why loads of this scenario time out from a vantage inside ({@code home}) or outside
     * the home country: {@code geo}, {@code global}, or null when they do not time out.
     */
    public String timeoutCauseFor(boolean home) {
        if (this == DROP_EVERYWHERE) {
            return "global";
        }
        return !home && foreignVerdict == Verdict.TIMEOUT ? "geo" : null;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a scenario id such as {@code tcp_reset}, naming the valid ids in the error. */
    public static Scenario fromId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Unknown lab scenario '" + id
                + "'. Known scenarios: " + ids()));
    }

    /** Returns the scenario with the given id, such as {@code tcp_reset}, if there is one. */
    public static java.util.Optional<Scenario> find(String id) {
        return java.util.Arrays.stream(values()).filter(scenario -> scenario.id().equals(id)).findFirst();
    }

    /** Returns the ids of all scenarios, in declaration order. */
    public static java.util.List<String> ids() {
        return java.util.Arrays.stream(values()).map(Scenario::id).toList();
    }
}
