package org.geowall.engine.selenium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import net.lightbody.bmp.core.har.Har;
import org.geowall.capture.FailedRequest;

/**
 * The HAR of one load as Geowall keeps it: BrowserMob's recording without its {@code CONNECT}
 * entries and the browser's own service requests, plus an entry for each request that got no
 * response, marked as Playwright marks them ({@code status: -1}, {@code _failureText}), so that
 * the evidence reads the same whichever engine ran.
 */
final class HarDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_REDIRECTS = 20;

    private final ObjectNode root;

    private HarDocument(ObjectNode root) {
        this.root = root;
    }

    static HarDocument of(Har har) throws IOException {
        StringWriter text = new StringWriter();
        har.writeTo(text);
        HarDocument document = new HarDocument((ObjectNode) MAPPER.readTree(text.toString()));
        document.dropProxyEntries();
        return document;
    }

    static HarDocument parse(String json) throws IOException {
        return new HarDocument((ObjectNode) MAPPER.readTree(json));
    }

    ArrayNode entries() {
        JsonNode log = root.path("log");
        if (!log.has("entries")) {
            ((ObjectNode) log).putArray("entries");
        }
        return (ArrayNode) log.get("entries");
    }

    private void dropProxyEntries() {
        Iterator<JsonNode> iterator = entries().iterator();
        while (iterator.hasNext()) {
            JsonNode request = iterator.next().path("request");
            boolean connect = request.path("method").asText().equals("CONNECT");
            if (connect || BrowserServiceFilter.isServiceHost(request.path("url").asText())) {
                iterator.remove();
            }
        }
    }

    /**
     * Marks every failed request on its entry, adding an entry where BrowserMob recorded none
     * (the browser never sent a request whose tunnel failed).
     */
    void markFailures(List<FailedRequest> failures) {
        for (FailedRequest failure : failures) {
            ObjectNode entry = entryFor(failure.url()).orElseGet(() -> newEntry(failure));
            ObjectNode response = entry.with("response");
            response.put("status", -1);
            response.put("statusText", "");
            response.put("_failureText", failure.failure());
        }
    }

    private ObjectNode newEntry(FailedRequest failure) {
        ObjectNode entry = entries().addObject();
        entry.put("startedDateTime", Instant.now().toString());
        entry.put("time", -1);
        ObjectNode request = entry.putObject("request");
        request.put("method", failure.method());
        request.put("url", failure.url());
        request.put("httpVersion", "HTTP/1.1");
        request.putArray("cookies");
        request.putArray("headers");
        request.putArray("queryString");
        request.put("headersSize", -1);
        request.put("bodySize", -1);
        ObjectNode response = entry.putObject("response");
        response.put("httpVersion", "HTTP/1.1");
        response.putArray("cookies");
        response.putArray("headers");
        response.putObject("content").put("size", -1).put("mimeType", "x-unknown");
        response.put("redirectURL", "");
        response.put("headersSize", -1);
        response.put("bodySize", -1);
        entry.putObject("cache");
        entry.putObject("timings").put("send", -1).put("wait", -1).put("receive", -1);
        return entry;
    }

    /** Returns the first entry recorded for a URL, comparing normalized URLs. */
    Optional<ObjectNode> entryFor(String url) {
        String wanted = normalize(url);
        for (JsonNode entry : entries()) {
            if (normalize(entry.path("request").path("url").asText()).equals(wanted)) {
                return Optional.of((ObjectNode) entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the entries of a navigation: the document at {@code url}, then each redirect target
     * in turn, up to the first target that the HAR does not contain.
     */
    List<ObjectNode> navigationChain(String url) {
        List<ObjectNode> chain = new ArrayList<>();
        String current = url;
        while (current != null && chain.size() < MAX_REDIRECTS) {
            Optional<ObjectNode> entry = entryFor(current);
            if (entry.isEmpty() || chain.contains(entry.get())) {
                break;
            }
            chain.add(entry.get());
            current = redirectTarget(current, entry.get().path("response"));
        }
        return chain;
    }

    /** Returns the final status of a navigation, or null when it got no HTTP response. */
    Integer mainStatus(String url) {
        List<ObjectNode> chain = navigationChain(url);
        if (chain.isEmpty()) {
            return null;
        }
        int status = chain.get(chain.size() - 1).path("response").path("status").asInt(0);
        return status > 0 ? status : null;
    }

    private static String redirectTarget(String from, JsonNode response) {
        int status = response.path("status").asInt(0);
        if (status < 300 || status >= 400) {
            return null;
        }
        String location = response.path("redirectURL").asText("");
        for (JsonNode header : response.path("headers")) {
            if (location.isEmpty() && header.path("name").asText().equalsIgnoreCase("location")) {
                location = header.path("value").asText("");
            }
        }
        return location.isEmpty() ? null : URI.create(from).resolve(location).toString();
    }

    static String normalize(String url) {
        try {
            URI uri = URI.create(url).normalize();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 443 && "https".equals(uri.getScheme()))
                    || (port == 80 && "http".equals(uri.getScheme()));
            String authority = uri.getHost() + (defaultPort ? "" : ":" + port);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return uri.getScheme() + "://" + authority + path + query;
        } catch (IllegalArgumentException | NullPointerException e) {
            return url;
        }
    }

    void write(Path file) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
