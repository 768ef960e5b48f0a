package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geowall.report.ResultLine;
import org.geowall.report.SampleResults;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;

public class EvidenceTablesTest {

    private static ResultLine lineWithEvidence(Path run) throws IOException {
        Files.writeString(run.resolve("console.json"),
                "[{\"type\": \"error\", \"text\": \"<b>bad</b>\", \"location\": \"https://a.example/app.js:1\"}]");
        Files.writeString(run.resolve("page-errors.json"), "[\"TypeError: x is undefined\"]");
        Files.writeString(run.resolve("failed-requests.json"), "[{\"url\": \"https://a.example/a,b?q=\\\"1\\\"\", "
                + "\"method\": \"GET\", \"resource_type\": \"script\", \"failure\": \"net::ERR_CONNECTION_RESET\"}]");
        return SampleResults.line("https://a.example/", "US", false, Verdict.CONTENT_BLOCKED, "detail",
                Map.of("console", "console.json", "page_errors", "page-errors.json",
                        "failed_requests", "failed-requests.json"));
    }

    @Test
    public void consoleAndErrorsListed() throws IOException {
        Path run = Files.createTempDirectory("run");

        String text = EvidenceTables.consoleAndPageErrors(lineWithEvidence(run), run);

        assertThat(text).contains("Console messages: 1\n[error] <b>bad</b> (https://a.example/app.js:1)\n");
        assertThat(text).contains("Page errors (uncaught JavaScript exceptions): 1\nTypeError: x is undefined\n");
    }

    @Test
    public void failedRequestsQuotedAsCsv() throws IOException {
        Path run = Files.createTempDirectory("run");

        String csv = EvidenceTables.failedRequestsCsv(lineWithEvidence(run), run);

        assertThat(csv.lines()).containsExactly("url,method,resource_type,failure",
                "\"https://a.example/a,b?q=\"\"1\"\"\",GET,script,\"net::ERR_CONNECTION_RESET\"");
    }

    @Test
    public void missingEvidenceGivesEmptyTables() throws IOException {
        Path run = Files.createTempDirectory("run");
        ResultLine line = SampleResults.line("https://a.example/", "US", false, Verdict.TIMEOUT, "d", Map.of());

        assertThat(EvidenceTables.failedRequestsCsv(line, run)).isEqualTo("url,method,resource_type,failure\n");
        assertThat(EvidenceTables.consoleAndPageErrors(line, run)).startsWith("Console messages: 0\n");
    }
}
