package org.geowall.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes proxy secrets from evidence text before it is kept: {@code Proxy-Authorization} values
 * and every given secret (callers pass passwords and their Basic-encoded credentials).
 */
public final class SecretScrubber {

    public static final String REDACTED = "[redacted]";

    private static final Pattern PROXY_AUTHORIZATION = Pattern.compile(
            "(\"name\"\\s*:\\s*\"proxy-authorization\"\\s*,\\s*\"value\"\\s*:\\s*\")[^\"]*(\")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROXY_AUTHORIZATION_LINE = Pattern.compile(
            "(proxy-authorization\\s*:\\s*)[^\\r\\n\"]+", Pattern.CASE_INSENSITIVE);

    private final List<String> secrets;

    /** Creates a scrubber for the given secrets; null and blank ones are ignored. */
    public SecretScrubber(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).distinct().toList();
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = PROXY_AUTHORIZATION.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(REDACTED) + "$2");
        result = PROXY_AUTHORIZATION_LINE.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    /** Scrubs a UTF-8 text file in place; a file that needs no change is left untouched. */
    public void scrubFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String scrubbed = scrub(text);
        if (!scrubbed.equals(text)) {
            Files.writeString(file, scrubbed, StandardCharsets.UTF_8);
        }
    }
}
