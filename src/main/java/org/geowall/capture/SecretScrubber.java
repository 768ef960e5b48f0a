package org.geowall.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes proxy secrets from evidence before it is kept: {@code Proxy-Authorization} values and
 * every given secret (callers pass passwords and their Basic-encoded credentials), also in their
 * JSON- and HTML-escaped forms, as a page that echoes them would show them.
 *
 * <p>Secrets shorter than {@value #MIN_SUBSTRING_LENGTH} characters are replaced only where a JSON
 * string value is exactly the secret: replacing them inside other text would corrupt timestamps,
 * keys and words that happen to contain them. NOTE: a short password that a page echoes inside
 * longer text therefore stays in that text; use proxy passwords of 8 characters or more.
 */
public final class SecretScrubber {

    public static final String REDACTED = "[redacted]";
    static final int MIN_SUBSTRING_LENGTH = 8;

    private static final Pattern PROXY_AUTHORIZATION_LINE = Pattern.compile(
            "(proxy-authorization\\s*:\\s*)[^\\r\\n\"]+", Pattern.CASE_INSENSITIVE);

    private final List<String> longSecrets;
    private final Set<String> shortSecrets;

    /** Creates a scrubber for the given secrets; null and blank ones are ignored. */
    public SecretScrubber(Collection<String> secrets) {
        Set<String> variants = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                variants.add(secret);
                variants.add(jsonEscaped(secret));
                variants.add(htmlEscaped(secret));
            }
        }
        List<String> longOnes = new ArrayList<>();
        Set<String> shortOnes = new LinkedHashSet<>();
        for (String variant : variants) {
            if (variant.length() >= MIN_SUBSTRING_LENGTH) {
                longOnes.add(variant);
            } else {
                shortOnes.add(variant);
            }
        }
        // Longer variants first, so a secret inside another secret does not leave a remainder.
        longOnes.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.longSecrets = List.copyOf(longOnes);
        this.shortSecrets = Set.copyOf(shortOnes);
    }

    /** Removes {@code Proxy-Authorization} values and the secrets long enough to find safely inside text. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = PROXY_AUTHORIZATION_LINE.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
        for (String secret : longSecrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    /** Scrubs every string value of a JSON tree in place (never its field names), short secrets included. */
    public void scrubJson(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(scrubValue(field.getValue().asText())));
                } else {
                    scrubJson(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(scrubValue(array.get(i).asText())));
                } else {
                    scrubJson(array.get(i));
                }
            }
        }
    }

    private String scrubValue(String value) {
        return shortSecrets.contains(value) ? REDACTED : scrub(value);
    }

    /** Scrubs a UTF-8 text file in place; a file that needs no change is left untouched. */
    public void scrubFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String scrubbed = scrub(text);
        if (!scrubbed.equals(text)) {
            Files.writeString(file, scrubbed, StandardCharsets.UTF_8);
        }
    }

    private static String jsonEscaped(String secret) {
        return secret.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String htmlEscaped(String secret) {
        return secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
