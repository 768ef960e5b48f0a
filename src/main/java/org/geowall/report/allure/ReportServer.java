package org.geowall.report.allure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a generated report folder read-only over HTTP on 127.0.0.1, because a multi-file Allure
 * report loads its data with requests that browsers block from {@code file://}. Java 17 has no
 * {@code SimpleFileServer} (it came in Java 18), so this is a small one. Every response forbids
 * content sniffing, and a content security policy lets the page run scripts only from the
 * report's own files, so neither inline script in a measured page's text nor a third-party
 * script can run in it.
 */
public final class ReportServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportServer.class);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; frame-src 'self'; base-uri 'none'";

    /** Content types by file extension; any other file is served as bytes to download. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("eot", "application/vnd.ms-fontobject"));

    private final Path root;
    private final HttpServer server;

    private ReportServer(Path root, HttpServer server) {
        this.root = root;
        this.server = server;
    }

    /** Starts serving {@code root} on 127.0.0.1 at {@code port}; port 0 picks a free one. */
    public static ReportServer start(Path root, int port) throws IOException {
        Path realRoot = root.toRealPath();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ReportServer reportServer = new ReportServer(realRoot, server);
        server.createContext("/", reportServer::handle);
        server.start();
        log.info("Serving {} at {}", realRoot, reportServer.url());
        return reportServer;
    }

    /** Returns the address of the report's index page, such as {@code http://127.0.0.1:8080/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD are served.\n".getBytes());
                return;
            }
            Path file = resolve(exchange.getRequestURI().getPath());
            if (file == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found.\n".getBytes());
                return;
            }
            send(exchange, 200, typeOf(file), Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            log.error("Failed to serve {}", exchange.getRequestURI(), e);
        }
    }

    /** Returns the regular file a request path names inside the root, or null for anything else. */
    private Path resolve(String requestPath) throws IOException {
        String relative = requestPath == null ? "" : requestPath.replaceFirst("^/+", "");
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
            return null;
        }
        // A symbolic link inside the report must not lead out of it.
        return candidate.toRealPath().startsWith(root) ? candidate : null;
    }

    private static String typeOf(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        log.info("Stopped serving {}", root);
    }
}
