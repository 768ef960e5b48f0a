package org.geowall.engine;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A proxy server and its credentials, kept apart so that the password never appears in a URL
 * that might be logged. {@link #toString()} leaves the password out.
 */
public record ProxySettings(URI server, String username, String password) {

    /** Parses {@code scheme://[user[:password]@]host:port}; the user and password may be percent-encoded. */
    public static ProxySettings parse(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("invalid proxy URL: expected scheme://[user:password@]host:port");
        }
        URI server = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new ProxySettings(server, null, null);
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? null : userInfo.substring(colon + 1);
        return new ProxySettings(server, decode(user), password == null ? null : decode(password));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public boolean hasCredentials() {
        return username != null;
    }

    @Override
    public String toString() {
        return hasCredentials() ? server.getScheme() + "://" + username + ":***@" + server.getAuthority()
                : server.toString();
    }
}
