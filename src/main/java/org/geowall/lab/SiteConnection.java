package org.geowall.lab;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.geowall.http.HttpHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One accepted client connection to a lab site: optional TLS, then HTTP/1.1 with keep-alive. */
final class SiteConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SiteConnection.class);
    private static final int IDLE_TIMEOUT_MILLIS = 15_000;

    private final Socket socket;
    private final LabSite site;
    private final SSLContext tls;
    private final Scenario scenario;
    private final String clientCountry;
    private final int slowResponseMillis;
    private final Predicate<HttpHead> resetsPage;

    /**
     * Serves one connection; {@code tls} is null for plain HTTP, {@code slowResponseMillis} delays
     * each main document when the scenario is {@link Scenario#SLOW}, and {@code resetsPage} decides
     * for each request of the main page whether to reset the connection instead of responding.
     */
    SiteConnection(Socket socket, LabSite site, SSLContext tls, Scenario scenario, String clientCountry,
                   int slowResponseMillis, Predicate<HttpHead> resetsPage) {
        this.socket = socket;
        this.site = site;
        this.tls = tls;
        this.scenario = scenario;
        this.clientCountry = clientCountry;
        this.slowResponseMillis = slowResponseMillis;
        this.resetsPage = resetsPage;
    }

    @Override
    public void run() {
        Socket connection = socket;
        try {
            connection.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.getSocketFactory()
                        .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                secure.setUseClientMode(false);
                secure.startHandshake();
                connection = secure;
            }
            serveRequests(connection);
        } catch (SocketTimeoutException e) {
            log.trace("Idle connection to {} from {} timed out", site.host(), clientCountry);
        } catch (IOException e) {
            log.debug("Connection to {} from {} ended: {}", site.host(), clientCountry, e.toString());
        } finally {
            LabThreads.closeQuietly(connection);
        }
    }

    private void serveRequests(Socket connection) throws IOException {
        InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = new BufferedOutputStream(connection.getOutputStream());
        while (true) {
            var head = HttpHead.read(in);
            if (head.isEmpty()) {
                return;
            }
            in.skipNBytes(head.get().contentLength());
            String path = SiteRouter.path(head.get().target());
            if (SiteRouter.isIndex(path) && resetsPage.test(head.get())) {
                Relay.reset(socket);
                return;
            }
            SitePages.Document document = SiteRouter.route(
                    new SiteRouter.Request(site, scenario, path, tls != null, clientCountry));
            if (scenario == Scenario.SLOW && SiteRouter.isIndex(path)) {
                pause(slowResponseMillis);
            }
            if (site.latencyMillis() > 0) {
                pause(site.latencyMillis());
            }
            boolean headOnly = head.get().method().equals("HEAD");
            write(out, document, headOnly, clientLabel());
            if (head.get().header("Connection").map(v -> v.equalsIgnoreCase("close")).orElse(false)) {
                return;
            }
        }
    }

    private void pause(int millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Lab stopped while " + site.host() + " delayed its page for "
                    + clientCountry);
        }
    }

    /** Returns the client address and its GeoIP country, which every response carries for review. */
    private String clientLabel() {
        return socket.getInetAddress().getHostAddress() + " " + clientCountry;
    }

    private static void write(OutputStream out, SitePages.Document document, boolean headOnly, String client)
            throws IOException {
        String head = "HTTP/1.1 " + document.status() + " " + reason(document.status()) + "\r\n"
                + "Content-Type: " + document.contentType() + "\r\n"
                + "Content-Length: " + document.body().length + "\r\n"
                + "Server: geowall-lab\r\n"
                + "X-Geowall-Lab-Client: " + client + "\r\n"
                + "Cache-Control: no-store\r\n"
                + extraHeaders(document)
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            out.write(document.body());
        }
        out.flush();
    }

    private static String extraHeaders(SitePages.Document document) {
        StringBuilder lines = new StringBuilder();
        for (String header : document.extraHeaders()) {
            lines.append(header).append("\r\n");
        }
        return lines.toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 302 -> "Found";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
