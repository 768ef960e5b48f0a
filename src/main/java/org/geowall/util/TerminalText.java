package org.geowall.util;

/** Makes site-controlled text safe to print in a terminal or a log line. */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Replaces control characters and Unicode bidirectional overrides with {@code ?}, so a title or
     * header cannot send escape sequences to the terminal or reorder the text around it.
     */
    public static String safe(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) || bidiControl(c) ? '?' : c));
        return clean.toString();
    }

    private static boolean bidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }
}
