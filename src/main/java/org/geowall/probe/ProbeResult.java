package org.geowall.probe;

/**
 * What the plain probe saw when it asked the vantage's proxy for the site without a browser.
 *
 * @param proxyReached whether the probe could talk to the proxy at all
 * @param status       the proxy's answer to CONNECT (or to the request, for http URLs), or null
 * @param proxyError   the value of the proxy provider's error header, such as {@code dns_nxdomain}, or null
 * @param error        what went wrong talking to the proxy, or null
 */
public record ProbeResult(boolean proxyReached, Integer status, String proxyError, String error) {

    static ProbeResult unreachable(String error) {
        return new ProbeResult(false, null, null, error);
    }
}
