package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

public class ReportServerTest {

    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private Path root;
    private ReportServer server;

    @BeforeClass
    public void serve() throws IOException {
        Path parent = Files.createTempDirectory("served");
        root = Files.createDirectories(parent.resolve("report"));
        Files.writeString(parent.resolve("secret.txt"), "outside the report");
        Files.writeString(root.resolve("index.html"), "<html>report</html>");
        Files.createDirectories(root.resolve("data/attachments"));
        Files.writeString(root.resolve("data/attachments/a.har"), "{\"log\": {}}");
        Files.writeString(root.resolve("data/attachments/b.txt"), "<script>alert(1)</script>");
        server = ReportServer.start(root, 0);
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void boundToLoopback() {
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    public void indexServedWithPolicy() throws Exception {
        HttpResponse<String> response = get("");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<html>report</html>");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self';");
    }

    @Test
    public void textAttachmentServedAsText() throws Exception {
        assertThat(get("data/attachments/b.txt").headers().firstValue("Content-Type"))
                .hasValue("text/plain; charset=utf-8");
    }

    @Test
    public void unknownTypeServedAsBytes() throws Exception {
        assertThat(get("data/attachments/a.har").headers().firstValue("Content-Type"))
                .hasValue("application/octet-stream");
    }

    @Test
    public void pathOutsideRootNotFound() throws Exception {
        assertThat(get("../secret.txt").statusCode()).isEqualTo(404);
        assertThat(get("%2e%2e/secret.txt").statusCode()).isEqualTo(404);
        assertThat(get("data/../../secret.txt").statusCode()).isEqualTo(404);
    }

    @Test
    public void missingFileNotFound() throws Exception {
        assertThat(get("nothing.js").statusCode()).isEqualTo(404);
    }
}
