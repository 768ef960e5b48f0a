package org.geowall.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The closed set of page-load verdicts. Each constant is written to the data under its snake_case
 * {@link #id()}, which never changes once released, so that figures from different runs compare.
 */
public enum Verdict {
    ACCESSIBLE(Family.ACCESSIBLE),
    SUBRESOURCE_BLOCKED(Family.PARTIAL),
    CONTENT_BLOCKED(Family.BLOCK),
    CAPTCHA_WALL(Family.BLOCK),
    BLOCK_PAGE(Family.EXPLICIT_BLOCK),
    CLIENT_REDIRECT_BLOCK(Family.EXPLICIT_BLOCK),
    DNS_FAILURE(Family.EXPLICIT_BLOCK),
    CONNECTION_RESET(Family.EXPLICIT_BLOCK),
    CONNECTION_REFUSED(Family.EXPLICIT_BLOCK),
    TLS_FAILURE(Family.EXPLICIT_BLOCK),
    TIMEOUT(Family.TIMEOUT),
    SITE_DOWN(Family.EXCLUDED),
    PROXY_ERROR(Family.EXCLUDED),
    HARNESS_ERROR(Family.EXCLUDED);

    /** How a verdict counts in summaries. */
    public enum Family {
        ACCESSIBLE, PARTIAL, BLOCK, EXPLICIT_BLOCK, TIMEOUT, EXCLUDED
    }

    private final Family family;

    Verdict(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** Returns true when the verdict states that the site is not usable from the vantage. */
    public boolean isBlocking() {
        return family == Family.PARTIAL || family == Family.BLOCK
                || family == Family.EXPLICIT_BLOCK || family == Family.TIMEOUT;
    }

    /** Returns the stable snake_case name used in results, reports and ground truth. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a snake_case verdict name, as written by {@link #id()}. */
    @JsonCreator
    public static Verdict fromId(String id) {
        for (Verdict verdict : values()) {
            if (verdict.id().equals(id)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("Unknown verdict '" + id + "': expected one of "
                + java.util.Arrays.stream(values()).map(Verdict::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
