package org.geowall.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the plain probe saw when it fetched the URL without a browser, through the same proxy.
 *
 * @param proxyReached  whether the probe could talk to the proxy at all
 * @param connectStatus the proxy's answer to CONNECT (https URLs), or null
 * @param proxyError    the value of the proxy provider's error header, such as {@code dns_nxdomain}, or null
 * @param tls           the negotiated TLS protocol and cipher suite, or null
 * @param tlsError      why the TLS handshake failed, or null
 * @param status        the HTTP status of the last response, or null when none came
 * @param headers       the header fields of the last response, names in lower case, repeated fields joined by ", "
 * @param redirects     the URLs of the redirects followed, in order
 * @param finalUrl      the URL of the last response
 * @param bodyBytes     the number of body bytes read (up to the cap)
 * @param bodyTruncated whether the body was longer than the cap
 * @param charset       the charset label the body was decoded with
 * @param charsetSource where that label came from: header, bom, meta, detected or default
 * @param title         the decoded body's {@code <title>}, or null
 * @param textLength    the length of the decoded body's visible text
 * @param error         what went wrong, such as {@code connection_reset} or {@code timeout}, or null
 * @param durationMs    how long the probe took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeResult(boolean proxyReached, Integer connectStatus, String proxyError, String tls,
                          String tlsError, Integer status, Map<String, String> headers, List<String> redirects,
                          String finalUrl, Long bodyBytes, Boolean bodyTruncated, String charset,
                          String charsetSource, String title, Integer textLength, String error, long durationMs) {

    /** Returns a result for a probe that could not reach the proxy. */
    public static ProbeResult unreachable(String error, long durationMs) {
        return new ProbeResult(false, null, null, null, null, null, null, List.of(), null, null, null, null, null,
                null, null, error, durationMs);
    }
}
