package org.geowall.lab;

import java.util.Locale;
import org.geowall.verdict.Verdict;

/**
 * A behaviour that a lab site plays for foreign clients. Clients from the site's home country
 * (the control vantage's country) always get the ordinary page.
 */
public enum Scenario {
    /** The ordinary page for everyone. */
    ACCESSIBLE(Verdict.ACCESSIBLE),
    /** HTTP 403 with a Chinese denial page. */
    HTTP_403_DENIAL(Verdict.BLOCK_PAGE),
    /** The connection is accepted, then torn down with a TCP reset once the client sends its first bytes. */
    TCP_RESET(Verdict.CONNECTION_RESET),
    /** The connection is accepted and never answered. */
    SILENT_DROP(Verdict.TIMEOUT),
    /** The geo DNS answers NXDOMAIN to foreign resolvers. */
    NXDOMAIN(Verdict.DNS_FAILURE);

    private final Verdict foreignVerdict;

    Scenario(Verdict foreignVerdict) {
        this.foreignVerdict = foreignVerdict;
    }

    /** Returns the verdict a load from outside the site's home country should get. */
    public Verdict foreignVerdict() {
        return foreignVerdict;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
