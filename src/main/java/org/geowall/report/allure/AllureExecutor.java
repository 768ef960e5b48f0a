package org.geowall.report.allure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes Allure's {@code executor.json}, which names the run in the report's Executors widget and
 * numbers it in the trend charts. The build order is one more than the highest in the history
 * copied from the previous report, so re-measurements appear in order.
 */
public final class AllureExecutor {

    /** The file name Allure reads from the results folder. */
    public static final String FILE = "executor.json";

    private AllureExecutor() {
    }

    /** Writes {@link #FILE} for a run; {@code runId} and {@code suite} may be "unknown". */
    public static void write(AllureResultsFolder folder, String runId, String suite) throws IOException {
        int buildOrder = nextBuildOrder(folder.directory().resolve("history").resolve("history-trend.json"));
        Map<String, Object> executor = new LinkedHashMap<>();
        executor.put("name", "Geowall");
        executor.put("type", "geowall");
        executor.put("buildName", "run " + runId);
        executor.put("buildOrder", buildOrder);
        executor.put("reportName", reportName(suite, runId));
        folder.writeJson(FILE, executor);
    }

    /**
     * Returns the report's name, shown as its page title, in letters, digits and simple punctuation
     * only, because Allure 2.34 writes the name into the page's HTML without escaping it.
     */
    static String reportName(String suite, String runId) {
        return ("Geowall " + suite + ", run " + runId).replaceAll("[^A-Za-z0-9 ._,:-]", "_");
    }

    /** Returns 1 without a history, else one more than its highest build order or its number of entries. */
    static int nextBuildOrder(Path historyTrend) throws IOException {
        if (!Files.exists(historyTrend)) {
            return 1;
        }
        JsonNode entries = AllureResultsFolder.ALLURE_JSON.readTree(historyTrend.toFile());
        int highest = entries.size();
        for (JsonNode entry : entries) {
            highest = Math.max(highest, entry.path("buildOrder").asInt(0));
        }
        return highest + 1;
    }
}
