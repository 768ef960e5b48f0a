package org.geowall.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

public class SecretScrubberTest {

    private final SecretScrubber scrubber = new SecretScrubber(
            Arrays.asList("hunter2-long", null, "", "aHVudGVyMg==", "2026", "a\"b&c<d>secret"));

    @Test
    public void rawHeaderLineRedacted() {
        assertThat(scrubber.scrub("CONNECT a:443 HTTP/1.1\r\nproxy-authorization: Basic Zm9vOmJhcg==\r\n"))
                .isEqualTo("CONNECT a:443 HTTP/1.1\r\nproxy-authorization: [redacted]\r\n");
    }

    @Test
    public void longSecretsRedactedAnywhere() {
        assertThat(scrubber.scrub("user=lab-us&pw=hunter2-long; auth aHVudGVyMg=="))
                .isEqualTo("user=lab-us&pw=[redacted]; auth [redacted]");
    }

    @Test
    public void escapedFormsRedacted() {
        assertThat(scrubber.scrub("json: a\\\"b&c<d>secret html: a&quot;b&amp;c&lt;d&gt;secret"))
                .isEqualTo("json: [redacted] html: [redacted]");
    }

    @Test
    public void shortSecretLeavesOtherTextAlone() {
        assertThat(scrubber.scrub("started 2026-12-04")).isEqualTo("started 2026-12-04");
    }

    @Test
    public void jsonValuesScrubbedKeysKept() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(
                "{\"started_at\": \"2026-12-04T10:00:00Z\", \"password\": \"2026\", \"list\": [\"2026\", "
                        + "\"x hunter2-long y\"], \"hunter2-long\": 1}");

        scrubber.scrubJson(tree);

        assertThat(tree.path("started_at").asText()).isEqualTo("2026-12-04T10:00:00Z");
        assertThat(tree.path("password").asText()).isEqualTo(SecretScrubber.REDACTED);
        assertThat(tree.path("list").get(0).asText()).isEqualTo(SecretScrubber.REDACTED);
        assertThat(tree.path("list").get(1).asText()).isEqualTo("x [redacted] y");
        assertThat(tree.has("hunter2-long")).isTrue();
    }

    @Test
    public void fileRewrittenOnlyWhenNeeded() throws IOException {
        Path clean = Files.createTempFile("clean", ".txt");
        Files.writeString(clean, "nothing secret 页面");
        Path dirty = Files.createTempFile("dirty", ".txt");
        Files.writeString(dirty, "password hunter2-long 页面");

        scrubber.scrubFile(clean);
        scrubber.scrubFile(dirty);

        assertThat(Files.readString(clean)).isEqualTo("nothing secret 页面");
        assertThat(Files.readString(dirty)).isEqualTo("password [redacted] 页面");
    }

    @Test
    public void nullTextStaysNull() {
        assertThat(new SecretScrubber(List.of()).scrub(null)).isNull();
    }
}
