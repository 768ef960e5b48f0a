package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geowall.report.ResultLine;
import org.geowall.report.SampleResults;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;

public class AllureResultsFolderTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static void writeResult(Path folder, String uuid, String url, String vantage) throws IOException {
        Files.writeString(folder.resolve(uuid + "-result.json"), """
                {"uuid": "%s", "name": "x", "attachments": [],
                 "parameters": [{"name": "url", "value": "%s"}, {"name": "vantage", "value": "%s"},
                                {"name": "attempt", "value": "1"}]}
                """.formatted(uuid, url, vantage));
    }

    private static Path runFolderWithScreenshot() throws IOException {
        Path run = Files.createTempDirectory("run");
        Files.createDirectories(run.resolve("evidence/CN/a.example/attempt-1"));
        Files.write(run.resolve("evidence/CN/a.example/attempt-1/screenshot.png"), PNG);
        return run;
    }

    private static List<ResultLine> lines() {
        return List.of(
                SampleResults.line("https://a.example/", "CN", true, Verdict.ACCESSIBLE, "HTTP 200",
                        Map.of("screenshot", "evidence/CN/a.example/attempt-1/screenshot.png")),
                SampleResults.line("https://a.example/", "US", false, Verdict.BLOCK_PAGE, "HTTP 403", Map.of()));
    }

    private static JsonNode read(Path file) throws IOException {
        return AllureResultsFolder.ALLURE_JSON.readTree(file.toFile());
    }

    @Test
    public void clearKeepsOtherFiles() throws IOException {
        Path folder = Files.createTempDirectory("results");
        Files.writeString(folder.resolve("a-result.json"), "{}");
        Files.writeString(folder.resolve("b-container.json"), "{}");
        Files.writeString(folder.resolve("c-attachment.png"), "");
        Files.writeString(folder.resolve("categories.json"), "[]");
        Files.createDirectories(folder.resolve("history"));
        Files.writeString(folder.resolve("history/history.json"), "{}");
        Files.writeString(folder.resolve("notes.md"), "mine");

        new AllureResultsFolder(folder).clear();

        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes.md");
        }
    }

    @Test
    public void controlScreenshotAddedToForeignLoadOnce() throws IOException {
        Path folder = Files.createTempDirectory("results");
        writeResult(folder, "us", "https://a.example/", "US");
        writeResult(folder, "cn", "https://a.example/", "CN");
        Path run = runFolderWithScreenshot();
        AllureResultsFolder results = new AllureResultsFolder(folder);

        int first = ControlScreenshots.add(results, lines(), run);
        int second = ControlScreenshots.add(results, lines(), run);

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        JsonNode us = read(folder.resolve("us-result.json"));
        assertThat(us.path("attachments").findValuesAsText("name")).containsExactly("control screenshot (CN)");
        String source = us.path("attachments").get(0).path("source").asText();
        assertThat(Files.readAllBytes(folder.resolve(source))).isEqualTo(PNG);
        assertThat(read(folder.resolve("cn-result.json")).path("attachments")).isEmpty();
    }

    @Test
    public void summaryContainerHoldsEveryResult() throws IOException {
        Path folder = Files.createTempDirectory("results");
        writeResult(folder, "us", "https://a.example/", "US");
        writeResult(folder, "cn", "https://a.example/", "CN");
        Path png = Files.write(Files.createTempFile("chart", ".png"), PNG);
        Path svg = Files.writeString(Files.createTempFile("chart", ".svg"), "<svg/>");

        RunSummaryAttachment.write(new AllureResultsFolder(folder), "20261201-100000-cn-gov", png, svg, "table");

        JsonNode container = read(folder.resolve("geowall-run-20261201-100000-cn-gov-container.json"));
        assertThat(container.path("children").findValuesAsText("")).isEmpty();
        assertThat(container.path("children").toString()).contains("\"us\"", "\"cn\"");
        JsonNode fixture = container.path("afters").get(0);
        assertThat(fixture.path("name").asText()).isEqualTo(RunSummaryAttachment.FIXTURE_NAME);
        assertThat(fixture.path("attachments").findValuesAsText("type"))
                .containsExactly("image/png", "image/svg+xml", "text/plain");
    }
}
