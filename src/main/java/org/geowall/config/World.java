package org.geowall.config;

import java.util.Locale;

/** Where a run measures: the real internet through real proxies, or the embedded lab. */
public enum World {
    REAL, LAB;

    /** Parses {@code real} or {@code lab}, naming the source of the value in the error. */
    public static World parse(String value, String source) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": invalid world '" + value + "'. Use 'real' or 'lab'.");
        }
    }
}
