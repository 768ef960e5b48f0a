package org.geowall.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.GZIPOutputStream;

/**
 * Makes a HAR fit to keep: binary response bodies left out, text bodies cut at a size cap,
 * {@code Proxy-Authorization} headers and known secrets removed, optionally gzip-compressed.
 * Entries are marked where content was left out or cut, so a reader knows the HAR is not whole.
 */
public final class HarCompactor {

    /** Marks a response content whose binary body was left out. */
    public static final String OMITTED = "_geowall_omitted";
    /** Marks a response content whose text was cut, with the original length in characters. */
    public static final String TRUNCATED_FROM = "_geowall_truncated_from";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HarCompactor() {
    }

    /**
     * Compacts a HAR file and returns the file that contains the result: {@code page.har.gz} when
     * compressing (the plain file is deleted), else the same path rewritten.
     */
    public static Path compact(Path har, SecretScrubber scrubber, int maxTextChars, boolean compress)
            throws IOException {
        JsonNode root = MAPPER.readTree(har.toFile());
        for (JsonNode entry : root.path("log").path("entries")) {
            removeProxyAuthorization(entry.path("request").path("headers"));
            compactContent(entry.path("response").path("content"), maxTextChars);
        }
        scrubber.scrubJson(root);
        byte[] json = MAPPER.writeValueAsBytes(root);
        if (!compress) {
            Files.write(har, json);
            return har;
        }
        Path compressed = har.resolveSibling(har.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            out.write(json);
        }
        Files.delete(har);
        return compressed;
    }

    private static void removeProxyAuthorization(JsonNode headers) {
        if (!(headers instanceof ArrayNode array)) {
            return;
        }
        Iterator<JsonNode> iterator = array.iterator();
        while (iterator.hasNext()) {
            if (iterator.next().path("name").asText().equalsIgnoreCase("proxy-authorization")) {
                iterator.remove();
            }
        }
    }

    private static void compactContent(JsonNode node, int maxTextChars) {
        if (!(node instanceof ObjectNode content) || !content.has("text")) {
            return;
        }
        if ("base64".equals(content.path("encoding").asText())) {
            content.remove("text");
            content.remove("encoding");
            content.put(OMITTED, "binary body left out");
            return;
        }
        String text = content.path("text").asText();
        if (text.length() > maxTextChars) {
            content.put("text", text.substring(0, maxTextChars));
            content.put(TRUNCATED_FROM, text.length());
        }
    }
}
