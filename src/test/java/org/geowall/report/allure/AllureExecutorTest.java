package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

public class AllureExecutorTest {

    @Test
    public void firstRunIsBuildOne() throws IOException {
        Path folder = Files.createTempDirectory("executor");

        AllureExecutor.write(new AllureResultsFolder(folder), "20261201-100000-cn-gov", "cn-gov");

        JsonNode executor = AllureResultsFolder.ALLURE_JSON.readTree(folder.resolve(AllureExecutor.FILE).toFile());
        assertThat(executor.path("buildOrder").asInt()).isEqualTo(1);
        assertThat(executor.path("buildName").asText()).isEqualTo("run 20261201-100000-cn-gov");
        assertThat(executor.path("reportName").asText()).isEqualTo("Geowall cn-gov, run 20261201-100000-cn-gov");
    }

    @Test
    public void buildOrderFollowsHistory() throws IOException {
        Path folder = Files.createTempDirectory("executor");
        Files.createDirectories(folder.resolve("history"));
        Files.writeString(folder.resolve("history/history-trend.json"),
                "[{\"buildOrder\": 7, \"data\": {}}, {\"buildOrder\": 6, \"data\": {}}]");

        AllureExecutor.write(new AllureResultsFolder(folder), "run", "suite");

        JsonNode executor = AllureResultsFolder.ALLURE_JSON.readTree(folder.resolve(AllureExecutor.FILE).toFile());
        assertThat(executor.path("buildOrder").asInt()).isEqualTo(8);
    }

    @Test
    public void historyWithoutBuildOrdersCounted() throws IOException {
        Path trend = Files.createTempFile("history-trend", ".json");
        Files.writeString(trend, "[{\"data\": {}}, {\"data\": {}}, {\"data\": {}}]");

        assertThat(AllureExecutor.nextBuildOrder(trend)).isEqualTo(4);
    }

    @Test
    public void reportNameKeepsNoMarkup() {
        assertThat(AllureExecutor.reportName("</title><script>x</script>", "r1"))
                .isEqualTo("Geowall __title__script_x__script_, run r1");
    }
}
