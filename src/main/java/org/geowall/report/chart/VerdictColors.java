package org.geowall.report.chart;

import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;
import org.geowall.verdict.Verdict;

/**
 * The fill colour of each verdict in charts: green for accessible, amber for partial blocks, reds
 * for blocks, violet for timeouts and greys for excluded loads, so families read at a glance.
 */
final class VerdictColors {

    private static final Map<Verdict, Color> COLORS = new EnumMap<>(Verdict.class);

    static {
        COLORS.put(Verdict.ACCESSIBLE, new Color(0x2E7D32));
        COLORS.put(Verdict.SUBRESOURCE_BLOCKED, new Color(0xF9A825));
        COLORS.put(Verdict.CONTENT_BLOCKED, new Color(0xEF6C00));
        COLORS.put(Verdict.CAPTCHA_WALL, new Color(0xFF8F00));
        COLORS.put(Verdict.BLOCK_PAGE, new Color(0xB71C1C));
        COLORS.put(Verdict.CLIENT_REDIRECT_BLOCK, new Color(0xD32F2F));
        COLORS.put(Verdict.DNS_FAILURE, new Color(0x880E4F));
        COLORS.put(Verdict.CONNECTION_RESET, new Color(0xE53935));
        COLORS.put(Verdict.CONNECTION_REFUSED, new Color(0xAD1457));
        COLORS.put(Verdict.TLS_FAILURE, new Color(0xC2185B));
        COLORS.put(Verdict.TIMEOUT, new Color(0x6A1B9A));
        COLORS.put(Verdict.SITE_DOWN, new Color(0x9E9E9E));
        COLORS.put(Verdict.PROXY_ERROR, new Color(0x757575));
        COLORS.put(Verdict.HARNESS_ERROR, new Color(0x424242));
    }

    private VerdictColors() {
    }

    /** Returns the verdict's colour; a verdict added later without one gets mid grey. */
    static Color of(Verdict verdict) {
        return COLORS.getOrDefault(verdict, Color.GRAY);
    }
}
