package org.geowall.engine;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A proxy server and its credentials, kept apart so that the password never appears in a URL
 * that might be logged. {@link #toString()} leaves the password out.
 */
public record ProxySettings(URI server, String username, String password) {

    private static final java.util.List<String> SCHEMES = java.util.List.of("http", "https", "socks5");

    /** Parses {@code scheme://[user[:password]@]host:port}; the user and password may be percent-encoded. */
    public static ProxySettings parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            // The parser's message quotes the URL, password included, so only the position is kept.
            throw new IllegalArgumentException("invalid proxy URL (a character at index " + e.getIndex()
                    + " is not allowed; percent-encode it): expected scheme://[user:password@]host:port");
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("invalid proxy URL: expected scheme://[user:password@]host:port "
                    + "with a port from 1 to 65535");
        }
        if (!SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("invalid proxy URL: the scheme must be one of " + SCHEMES);
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

    /** Decodes percent-encoding only: URLDecoder alone is form decoding and would turn '+' into a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
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
