package org.geowall.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

public class SecretScrubberTest {

    private final SecretScrubber scrubber = new SecretScrubber(Arrays.asList("hunter2", null, "", "aHVudGVyMg=="));

    @Test
    public void harProxyAuthorizationValueRedacted() {
        String har = "{\"name\": \"Proxy-Authorization\", \"value\": \"Basic Zm9vOmJhcg==\"}";

        assertThat(scrubber.scrub(har))
                .isEqualTo("{\"name\": \"Proxy-Authorization\", \"value\": \"[redacted]\"}");
    }

    @Test
    public void rawHeaderLineRedacted() {
        assertThat(scrubber.scrub("CONNECT a:443 HTTP/1.1\r\nproxy-authorization: Basic Zm9vOmJhcg==\r\n"))
                .isEqualTo("CONNECT a:443 HTTP/1.1\r\nproxy-authorization: [redacted]\r\n");
    }

    @Test
    public void knownSecretsRedactedAnywhere() {
        assertThat(scrubber.scrub("user=lab-us&pw=hunter2; auth aHVudGVyMg=="))
                .isEqualTo("user=lab-us&pw=[redacted]; auth [redacted]");
    }

    @Test
    public void fileRewrittenOnlyWhenNeeded() throws IOException {
        Path clean = Files.createTempFile("clean", ".txt");
        Files.writeString(clean, "nothing secret 页面");
        Path dirty = Files.createTempFile("dirty", ".txt");
        Files.writeString(dirty, "password hunter2 页面");

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
