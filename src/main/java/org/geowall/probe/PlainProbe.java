package org.geowall.probe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.geowall.config.Budgets;
import org.geowall.engine.ProxySettings;
import org.geowall.http.HttpHead;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a URL without a browser through the vantage's proxy, as a plain HTTP probe does: the
 * proxy's response to CONNECT with the provider's error header, the TLS outcome, the status,
 * headers and body of each response, following up to five redirects.
 *
 * <p>Written on raw sockets because HTTP client libraries hide a failed CONNECT's status and
 * headers, which name the cause of a failure at the proxy's exit.
 */
public final class PlainProbe {

    private static final Logger log = LoggerFactory.getLogger(PlainProbe.class);
    private static final int MAX_REDIRECTS = 5;

    /** The probe's result, and the decoded body of its last response (null when there was none). */
    public record Outcome(ProbeResult result, String bodyText) {
    }

    /** The outcome of one request through the proxy. */
    private record Hop(boolean proxyReached, Integer connectStatus, String proxyError, String tls, String tlsError,
                       HttpResponseReader.Response response, String error) {
    }

    private final SSLContext tls;
    private final String userAgent;
    private final int maxBodyBytes;

    /**
     * @param tls          the TLS context whose trust decides what a valid certificate is
     * @param userAgent    the User-Agent header, the same the browser sends
     * @param maxBodyBytes how many body bytes to keep per response
     */
    public PlainProbe(SSLContext tls, String userAgent, int maxBodyBytes) {
        this.tls = tls;
        this.userAgent = userAgent;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Probes a URL within the budgets' probe_seconds per wait and, where set, their connect, tls and
     * response budgets per redirect hop. Network and proxy failures are returned as data, not thrown.
     */
    public Outcome probe(URI url, ProxySettings proxy, String errorHeader, Budgets budgets) {
        long started = System.nanoTime();
        ProbeTimeouts timeouts = new ProbeTimeouts(budgets);
        List<String> redirects = new ArrayList<>();
        URI current = url;
        Hop hop = fetch(current, proxy, errorHeader, timeouts);
        while (hop.response() != null && isRedirect(hop.response()) && redirects.size() < MAX_REDIRECTS) {
            Optional<URI> next = location(current, hop.response());
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
            redirects.add(current.toString());
            hop = fetch(current, proxy, errorHeader, timeouts);
        }
        return outcome(hop, current, redirects, (System.nanoTime() - started) / 1_000_000);
    }

    private Hop fetch(URI url, ProxySettings proxy, String errorHeader, ProbeTimeouts timeouts) {
        PhaseClock clock = new PhaseClock(timeouts, System.nanoTime());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(proxy.server().getHost(), proxy.server().getPort()),
                    timeouts.connectMillis(0));
            socket.setSoTimeout(timeouts.readMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            return new Hop(false, null, null, null, null, null, "proxy_unreachable: " + e.getMessage());
        }
        try (socket) {
            return url.getScheme().equals("https") ? fetchThroughTunnel(socket, url, proxy, errorHeader, clock)
                    : fetchThroughForwarding(socket, url, proxy, errorHeader, clock);
        } catch (IOException e) {
            log.debug("Probe of {} through {} failed: {}", url, proxy, e.toString());
            return new Hop(true, null, null, null, null, null, failureName(e));
        }
    }

    private Hop fetchThroughTunnel(Socket socket, URI url, ProxySettings proxy, String errorHeader,
                                   PhaseClock clock) throws IOException {
        int port = url.getPort() > 0 ? url.getPort() : 443;
        String authority = url.getHost() + ":" + port;
        socket.setSoTimeout(clock.timeouts().connectMillis(clock.elapsedMillis()));
        OutputStream out = socket.getOutputStream();
        out.write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n" + proxyAuthorization(proxy)
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        Optional<HttpHead> answer = HttpHead.read(in);
        if (answer.isEmpty()) {
            return new Hop(true, null, null, null, null, null, "proxy closed the connection without an answer");
        }
        int connectStatus = HttpResponseReader.statusOf(answer.get().startLine());
        String proxyError = answer.get().header(errorHeader).orElse(null);
        if (connectStatus != 200) {
            return new Hop(true, connectStatus, proxyError, null, null, null, null);
        }
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, url.getHost(), port, true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        socket.setSoTimeout(clock.timeouts().tlsMillis(clock.elapsedMillis()));
        try {
            secure.startHandshake();
        } catch (SSLException e) {
            return new Hop(true, connectStatus, proxyError, null, e.getMessage(), null, "tls_failure");
        } catch (IOException e) {
            return new Hop(true, connectStatus, proxyError, null, null, null, failureName(e));
        }
        String negotiated = secure.getSession().getProtocol() + " " + secure.getSession().getCipherSuite();
        Optional<HttpResponseReader.Response> response;
        try {
            sendRequest(secure.getOutputStream(), originForm(url), url.getHost(), "");
            response = readResponse(socket, new BufferedInputStream(secure.getInputStream()), clock);
        } catch (IOException e) {
            // Keep the CONNECT status and the TLS outcome, which tell that the load got as far as the request.
            log.debug("Probe of {} through {} failed after the handshake: {}", url, proxy, e.toString());
            return new Hop(true, connectStatus, proxyError, negotiated, null, null, failureName(e));
        }
        return new Hop(true, connectStatus, proxyError, negotiated, null, response.orElse(null),
                response.isEmpty() ? "connection_closed" : null);
    }

    private Hop fetchThroughForwarding(Socket socket, URI url, ProxySettings proxy, String errorHeader,
                                       PhaseClock clock) throws IOException {
        sendRequest(socket.getOutputStream(), url.toString(), url.getHost(), proxyAuthorization(proxy));
        Optional<HttpResponseReader.Response> response = readResponse(socket,
                new BufferedInputStream(socket.getInputStream()), clock);
        String proxyError = response.flatMap(r -> r.head().header(errorHeader)).orElse(null);
        return new Hop(true, null, proxyError, null, null, response.orElse(null),
                response.isEmpty() ? "connection_closed" : null);
    }

    /**
     * Reads a response whose first byte must come within the response budget; the rest is read
     * with the per-read timeout. {@code socket} is the TCP socket under {@code in}.
     */
    private Optional<HttpResponseReader.Response> readResponse(Socket socket, BufferedInputStream in,
                                                               PhaseClock clock) throws IOException {
        socket.setSoTimeout(clock.timeouts().firstByteMillis(clock.elapsedMillis()));
        in.mark(1);
        if (in.read() >= 0) {
            in.reset();
        }
        socket.setSoTimeout(clock.timeouts().readMillis());
        return HttpResponseReader.read(in, maxBodyBytes, false);
    }

    private void sendRequest(OutputStream out, String target, String host, String extraHeaders) throws IOException {
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + userAgent + "\r\n"
                + "Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\nAccept-Encoding: identity\r\n"
                + extraHeaders + "Connection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String originForm(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static String proxyAuthorization(ProxySettings proxy) {
        if (!proxy.hasCredentials()) {
            return "";
        }
        String credentials = proxy.username() + ":" + (proxy.password() == null ? "" : proxy.password());
        return "Proxy-Authorization: Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private static boolean isRedirect(HttpResponseReader.Response response) {
        return response.status() >= 300 && response.status() < 400 && response.head().header("Location").isPresent();
    }

    private static Optional<URI> location(URI base, HttpResponseReader.Response response) {
        try {
            URI next = base.resolve(response.head().header("Location").orElseThrow().trim());
            boolean web = "http".equals(next.getScheme()) || "https".equals(next.getScheme());
            return web && next.getHost() != null ? Optional.of(next) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Names a socket failure as the verdict data does: connection_reset, timeout, or the exception. */
    static String failureName(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "timeout";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SocketException && message.contains("reset")) {
            return "connection_reset";
        }
        if (message.contains("remote host terminated") || message.contains("closed")) {
            return "connection_closed";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Outcome outcome(Hop hop, URI url, List<String> redirects, long durationMs) {
        if (!hop.proxyReached()) {
            return new Outcome(ProbeResult.unreachable(hop.error(), durationMs), null);
        }
        HttpResponseReader.Response response = hop.response();
        if (response == null) {
            return new Outcome(new ProbeResult(true, hop.connectStatus(), hop.proxyError(), hop.tls(), hop.tlsError(),
                    null, null, redirects, url.toString(), null, null, null, null, null, null, hop.error(),
                    durationMs), null);
        }
        BodyDecoder.Decoded decoded = BodyDecoder.decode(response.body(),
                response.head().header("Content-Type").orElse(null));
        Document document = Jsoup.parse(decoded.text(), url.toString());
        ProbeResult result = new ProbeResult(true, hop.connectStatus(), hop.proxyError(), hop.tls(), hop.tlsError(),
                response.status(), headers(response.head()), redirects, url.toString(), (long) response.body().length,
                response.truncated(), decoded.charset(), decoded.source().name().toLowerCase(Locale.ROOT),
                document.title().isEmpty() ? null : document.title(), document.body().text().length(), hop.error(),
                durationMs);
        return new Outcome(result, decoded.text());
    }

    private static Map<String, String> headers(HttpHead head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String[] header : head.headers()) {
            headers.merge(header[0].toLowerCase(Locale.ROOT), header[1], (a, b) -> a + ", " + b);
        }
        return headers;
    }

    /** The timeouts of one request and the time it started, since phase budgets count from there. */
    private record PhaseClock(ProbeTimeouts timeouts, long startedNanos) {

        long elapsedMillis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing was sent on this socket, so there is nothing to clean up.
        }
    }
}
