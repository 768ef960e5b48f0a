package org.geowall.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.testng.annotations.Test;

public class HarCompactorTest {

    private static final String HAR = """
            {"log": {"version": "1.2", "entries": [
              {"request": {"url": "https://www.gov.cn/", "headers": [
                  {"name": "Proxy-Authorization", "value": "Basic bGFiOmh1bnRlcjI="},
                  {"name": "Accept", "value": "text/html"}]},
               "response": {"status": 200, "content": {"mimeType": "text/html", "text": "%s"}}},
              {"request": {"url": "https://www.gov.cn/logo.png", "headers": []},
               "response": {"status": 200, "content": {"mimeType": "image/png", "encoding": "base64",
                                                       "text": "iVBORw0KGgo="}}},
              {"request": {"url": "https://www.gov.cn/x", "headers": []},
               "response": {"status": -1, "_failureText": "net::ERR_CONNECTION_RESET", "content": {}}}
            ]}}
            """;

    private static Path writeHar(String body) throws IOException {
        Path har = Files.createTempDirectory("har").resolve("page.har");
        Files.writeString(har, HAR.formatted(body));
        return har;
    }

    private static JsonNode readGzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    public void compressedAndPlainFileRemoved() throws IOException {
        Path har = writeHar("政务公开");

        Path result = HarCompactor.compact(har, new SecretScrubber(List.of()), 1000, true);

        assertThat(result.getFileName().toString()).isEqualTo("page.har.gz");
        assertThat(har).doesNotExist();
        assertThat(readGzip(result).at("/log/entries/0/response/content/text").asText()).isEqualTo("政务公开");
    }

    @Test
    public void binaryBodyLeftOutAndMarked() throws IOException {
        JsonNode root = readGzip(HarCompactor.compact(writeHar("x"), new SecretScrubber(List.of()), 1000, true));
        JsonNode image = root.at("/log/entries/1/response/content");

        assertThat(image.has("text")).isFalse();
        assertThat(image.has("encoding")).isFalse();
        assertThat(image.path(HarCompactor.OMITTED).asText()).isNotBlank();
    }

    @Test
    public void longTextCutAtCap() throws IOException {
        JsonNode root = readGzip(HarCompactor.compact(writeHar("a".repeat(50)), new SecretScrubber(List.of()), 10,
                true));
        JsonNode content = root.at("/log/entries/0/response/content");

        assertThat(content.path("text").asText()).hasSize(10);
        assertThat(content.path(HarCompactor.TRUNCATED_FROM).asInt()).isEqualTo(50);
    }

    @Test
    public void proxyAuthorizationAndSecretsRemoved() throws IOException {
        Path result = HarCompactor.compact(writeHar("password hunter2-long"),
                new SecretScrubber(List.of("hunter2-long")), 1000, false);
        String text = Files.readString(result);

        assertThat(text).doesNotContainIgnoringCase("proxy-authorization").doesNotContain("hunter2-long")
                .doesNotContain("bGFiOmh1bnRlcjI=");
        assertThat(text).contains("Accept").contains("net::ERR_CONNECTION_RESET");
    }
}
