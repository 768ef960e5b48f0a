package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.geowall.report.SampleResults;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;

public class AllureEnvironmentTest {

    private static final String MANIFEST = """
            {"run_id": "20261201-100000-cn-gov", "suite": "cn-gov", "world": "real",
             "driver": {"engine": "playwright", "browser": "chromium", "headless": true},
             "site_list": "suites/data/cn-gov-portals.csv", "sites": 80,
             "vantages": [
               {"name": "CN", "country": "CN", "control": true, "proxy": "http://gw.example:8000"},
               {"name": "US", "country": "US", "control": false, "proxy": "http://gw.example:8001"}]}
            """;

    private static JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(MANIFEST);
    }

    @Test
    public void entriesDescribeRun() throws IOException {
        Map<String, String> entries = AllureEnvironment.entries(manifest(), List.of(
                SampleResults.line("https://a.example/", "US", false, Verdict.ACCESSIBLE, "HTTP 200", Map.of())));

        assertThat(entries).containsEntry("world", "real")
                .containsEntry("suite", "cn-gov")
                .containsEntry("driver", "playwright/chromium, headless")
                .containsEntry("browser", "chromium 156.0.8078.73")
                .containsEntry("vantage.CN", "CN, control, proxy http://gw.example:8000")
                .containsEntry("vantage.US", "US, proxy http://gw.example:8001")
                .containsEntry("sites", "80 from suites/data/cn-gov-portals.csv")
                .containsEntry("signatures", "none");
    }

    @Test
    public void browserUnknownWithoutLoads() throws IOException {
        assertThat(AllureEnvironment.entries(manifest(), List.of()).get("browser")).startsWith("unknown");
    }

    @Test
    public void fileReadsBackAsProperties() throws IOException {
        Path folder = Files.createTempDirectory("environment");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("vantage.CN", "CN, control, proxy http://127.0.0.1:8000");
        entries.put("suite", "政府 = portals # 1");

        AllureEnvironment.write(folder, entries);

        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(AllureEnvironment.FILE))) {
            read.load(in);
        }
        assertThat(read).containsEntry("vantage.CN", "CN, control, proxy http://127.0.0.1:8000")
                .containsEntry("suite", "政府 = portals # 1");
        assertThat(Files.readString(folder.resolve(AllureEnvironment.FILE))).doesNotStartWith("#");
    }
}
