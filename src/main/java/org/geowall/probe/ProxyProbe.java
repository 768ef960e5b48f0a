package org.geowall.probe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.geowall.engine.ProxySettings;
import org.geowall.http.HttpHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a vantage's proxy for a site without a browser and keeps the proxy's own answer. Through a
 * proxy, Chromium reports every upstream failure as {@code net::ERR_TUNNEL_CONNECTION_FAILED};
 * the answer to CONNECT, with the provider's error header, names the cause.
 *
 * <p>Written on raw sockets because HTTP client libraries hide a failed CONNECT's status and headers.
 */
public final class ProxyProbe {

    private static final Logger log = LoggerFactory.getLogger(ProxyProbe.class);

    private ProxyProbe() {
    }

    /** Probes a URL through a proxy; failures are returned as data, never thrown. */
    public static ProbeResult probe(URI url, ProxySettings proxy, String errorHeader, Duration timeout) {
        int timeoutMillis = (int) timeout.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(proxy.server().getHost(), proxy.server().getPort()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request(url, proxy).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Optional<HttpHead> head = HttpHead.read(new BufferedInputStream(socket.getInputStream()));
            if (head.isEmpty()) {
                return new ProbeResult(true, null, null, "proxy closed the connection without an answer");
            }
            Integer status = statusOf(head.get().startLine());
            String cause = head.get().header(errorHeader).orElse(null);
            return new ProbeResult(true, status, cause, null);
        } catch (SocketTimeoutException e) {
            return new ProbeResult(true, null, null, "timeout: no answer from the proxy within " + timeoutMillis + " ms");
        } catch (IOException e) {
            log.debug("Probe of {} through {} failed: {}", url, proxy, e.toString());
            return ProbeResult.unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String request(URI url, ProxySettings proxy) {
        int port = url.getPort() > 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
        String authorization = proxy.hasCredentials()
                ? "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
                        (proxy.username() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8)) + "\r\n"
                : "";
        if (url.getScheme().equals("https")) {
            String authority = url.getHost() + ":" + port;
            return "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n" + authorization + "\r\n";
        }
        return "HEAD " + url + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n" + authorization
                + "Connection: close\r\n\r\n";
    }

    private static Integer statusOf(String statusLine) {
        String[] parts = statusLine.split(" ");
        try {
            return parts.length > 1 ? Integer.valueOf(parts[1]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
