package org.geowall.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds Chromium's network error code, such as {@code net::ERR_CONNECTION_RESET}, in an error message. */
public final class NetErrors {

    private static final Pattern NET_ERROR = Pattern.compile("net::ERR_[A-Z0-9_]+");

    private NetErrors() {
    }

    /** Returns the first {@code net::ERR_*} code in the text, or null when there is none. */
    public static String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = NET_ERROR.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }
}
