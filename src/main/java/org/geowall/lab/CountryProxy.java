package org.geowall.lab;

import java.io.BufferedInputStream;
import org.geowall.http.HttpHead;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP proxy that exits in one country: CONNECT tunnels and absolute-form requests, optional
 * Basic authentication, and upstream connections made from the country's own loopback address.
 * When the upstream fails it responds 502 or 504 with an error header naming the cause, as
 * commercial residential-proxy gateways do.
 */
final class CountryProxy implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(CountryProxy.class);

    private final String country;
    private final InetAddress sourceAddress;
    private final UpstreamDialer dialer;
    private final String expectedAuthorization;
    private final String errorHeader;
    private final ServerSocket server;
    private final ExecutorService workers;
    private volatile boolean running = true;

    CountryProxy(String country, InetAddress sourceAddress, LabNetwork network, String username, String password,
                 String errorHeader, int connectTimeoutMillis) throws IOException {
        this.country = country;
        this.sourceAddress = sourceAddress;
        this.dialer = new UpstreamDialer(country, sourceAddress, network, connectTimeoutMillis);
        this.expectedAuthorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.errorHeader = errorHeader;
        this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        this.workers = Executors.newCachedThreadPool(LabThreads.named("lab-proxy-" + country));
    }

    int port() {
        return server.getLocalPort();
    }

    void start() {
        Thread acceptor = LabThreads.named("lab-proxy-" + country + "-acceptor").newThread(this::acceptLoop);
        acceptor.start();
        log.info("Lab proxy for {} listening on 127.0.0.1:{}, exiting from {}", country, port(),
                sourceAddress.getHostAddress());
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket client = server.accept();
                workers.execute(() -> handle(client));
            } catch (IOException e) {
                if (running) {
                    log.error("Lab proxy for {} failed to accept a connection", country, e);
                }
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            Optional<HttpHead> head = HttpHead.read(in);
            if (head.isEmpty()) {
                return;
            }
            if (expectedAuthorization != null
                    && !head.get().header("Proxy-Authorization").map(expectedAuthorization::equals).orElse(false)) {
                writeAuthenticationRequired(client.getOutputStream());
                return;
            }
            if (head.get().method().equals("CONNECT")) {
                tunnel(client, in, head.get());
            } else {
                forward(client, in, head.get());
            }
        } catch (IOException e) {
            log.debug("Lab proxy for {}: client connection ended: {}", country, e.toString());
        }
    }

    private void tunnel(Socket client, InputStream clientIn, HttpHead head) throws IOException {
        String authority = head.target();
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 ? authority.substring(0, colon) : authority;
        int port = colon > 0 ? Integer.parseInt(authority.substring(colon + 1)) : 443;
        Socket upstream = connectUpstream(client.getOutputStream(), host, port);
        if (upstream == null) {
            return;
        }
        try (upstream) {
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
            Relay.both(client, clientIn, upstream, workers);
        }
    }

    private void forward(Socket client, InputStream clientIn, HttpHead head) throws IOException {
        URI uri;
        try {
            uri = URI.create(head.target());
        } catch (IllegalArgumentException e) {
            writeError(client.getOutputStream(), 400, "Bad Request", "invalid_request");
            return;
        }
        if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
            writeError(client.getOutputStream(), 400, "Bad Request", "invalid_request");
            return;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        Socket upstream = connectUpstream(client.getOutputStream(), uri.getHost(), port);
        if (upstream == null) {
            return;
        }
        try (upstream) {
            OutputStream out = upstream.getOutputStream();
            out.write(originFormHead(head, uri).getBytes(StandardCharsets.ISO_8859_1));
            long length = head.contentLength();
            if (length > 0) {
                out.write(clientIn.readNBytes((int) Math.min(length, Integer.MAX_VALUE)));
            }
            out.flush();
            Relay.response(upstream, client);
        }
    }

    private static String originFormHead(HttpHead head, URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder text = new StringBuilder(head.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
        for (String[] header : head.headers()) {
            String name = header[0];
            if (name.regionMatches(true, 0, "Proxy-", 0, 6) || name.equalsIgnoreCase("Connection")
                    || name.equalsIgnoreCase("Keep-Alive")) {
                continue;
            }
            text.append(name).append(": ").append(header[1]).append("\r\n");
        }
        return text.append("Connection: close\r\n\r\n").toString();
    }

    /** Connects to the site from this country's address, or sends the client the cause and returns null. */
    private Socket connectUpstream(OutputStream clientOut, String host, int port) throws IOException {
        UpstreamDialer.Connection connection = dialer.dial(host, port);
        if (connection.connected()) {
            return connection.socket();
        }
        if (connection.timedOut()) {
            writeError(clientOut, 504, "Gateway Timeout", connection.failure());
        } else {
            writeError(clientOut, 502, "Bad Gateway", connection.failure());
        }
        return null;
    }

    private void writeError(OutputStream out, int status, String reason, String cause) throws IOException {
        byte[] body = ("Proxy error: " + cause + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + errorHeader + ": " + cause + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void writeAuthenticationRequired(OutputStream out) throws IOException {
        String head = "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"geowall-lab\"\r\n"
                + "Content-Length: 0\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        LabThreads.closeQuietly(server);
        workers.shutdownNow();
        log.info("Lab proxy for {} stopped", country);
    }
}
