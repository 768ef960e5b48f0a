package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

public class MailableResultsTest {

    private Path copy;

    @BeforeClass
    public void copyResults() throws IOException {
        Path results = Files.createTempDirectory("results");
        ImageIO.write(new BufferedImage(1366, 4000, BufferedImage.TYPE_INT_RGB), "png",
                results.resolve("s-attachment.png").toFile());
        Files.writeString(results.resolve("h-attachment.har"), "{\"log\": {}}");
        Files.writeString(results.resolve("d-attachment.txt"), "<html></html>");
        Files.writeString(results.resolve("p-attachment.json"), "{\"status\": 200}");
        Files.writeString(results.resolve("u-result.json"), """
                {"uuid": "u", "attachments": [
                  {"name": "screenshot", "source": "s-attachment.png", "type": "image/png"},
                  {"name": "HAR (page.har)", "source": "h-attachment.har", "type": "application/json"},
                  {"name": "final DOM (as text)", "source": "d-attachment.txt", "type": "text/plain"},
                  {"name": "plain probe result", "source": "p-attachment.json", "type": "application/json"},
                  {"name": "result line", "source": "missing-attachment.json", "type": "application/json"}]}
                """);
        Files.writeString(results.resolve("c-container.json"), """
                {"uuid": "c", "children": ["u"], "afters": [{"name": "summary", "attachments": [
                  {"name": "verdict counts", "source": "p-attachment.json", "type": "text/plain"}]}]}
                """);
        Files.writeString(results.resolve("categories.json"), "[]");
        Files.createDirectories(results.resolve("history"));
        Files.writeString(results.resolve("history/history-trend.json"), "[]");
        copy = Files.createTempDirectory("mailable");

        MailableResults.copy(results, copy);
    }

    private JsonNode read(String name) throws IOException {
        return AllureResultsFolder.ALLURE_JSON.readTree(copy.resolve(name).toFile());
    }

    @Test
    public void harAndDomLeftOut() throws IOException {
        assertThat(read("u-result.json").path("attachments").findValuesAsText("name"))
                .containsExactly("screenshot, thumbnail", "plain probe result");
        assertThat(copy.resolve("h-attachment.har")).doesNotExist();
        assertThat(copy.resolve("d-attachment.txt")).doesNotExist();
    }

    @Test
    public void screenshotBecomesThumbnail() throws IOException {
        JsonNode screenshot = read("u-result.json").path("attachments").get(0);
        BufferedImage thumbnail = ImageIO.read(copy.resolve(screenshot.path("source").asText()).toFile());

        assertThat(screenshot.path("type").asText()).isEqualTo("image/jpeg");
        assertThat(thumbnail.getWidth()).isEqualTo(Thumbnails.WIDTH);
        assertThat(thumbnail.getHeight()).isEqualTo(Thumbnails.MAX_HEIGHT);
    }

    @Test
    public void fixtureAttachmentsAndExtrasKept() throws IOException {
        assertThat(read("c-container.json").path("afters").get(0).path("attachments").findValuesAsText("name"))
                .containsExactly("verdict counts");
        assertThat(copy.resolve("p-attachment.json")).exists();
        assertThat(copy.resolve("categories.json")).exists();
        assertThat(copy.resolve("history/history-trend.json")).exists();
    }
}
