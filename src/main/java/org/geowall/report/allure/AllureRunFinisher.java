package org.geowall.report.allure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geowall.report.Json;
import org.geowall.report.ResultLine;
import org.geowall.report.VerdictSummary;
import org.geowall.report.chart.VerdictShareChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a run's Allure results once every load has ended: categories, environment, the
 * control vantage's screenshot beside each load, and the verdict summary chart. Each step is
 * logged and its failure dropped, so one broken step leaves the others and the run intact.
 */
public final class AllureRunFinisher {

    private static final Logger log = LoggerFactory.getLogger(AllureRunFinisher.class);

    private AllureRunFinisher() {
    }

    /**
     * Completes the results in {@code folder} for the run in {@code runFolder}, whose
     * {@code summary-chart.png} and {@code .svg} are attached when they exist.
     */
    public static void finish(AllureResultsFolder folder, Path runFolder, List<ResultLine> lines) {
        log.info("Completing the Allure results in {} for run {}", folder.directory(), runFolder.getFileName());
        step("write " + AllureCategories.FILE, () -> AllureCategories.write(folder.directory()));
        step("write " + AllureEnvironment.FILE, () -> AllureEnvironment.write(folder.directory(),
                AllureEnvironment.entries(manifest(runFolder), lines)));
        step("add control screenshots", () -> log.info("Added the control screenshot to {} results",
                ControlScreenshots.add(folder, lines, runFolder)));
        step("attach the summary chart", () -> attachSummary(folder, runFolder, lines));
    }

    private static void attachSummary(AllureResultsFolder folder, Path runFolder, List<ResultLine> lines)
            throws IOException {
        Path png = runFolder.resolve(VerdictShareChart.PNG_FILE);
        Path svg = runFolder.resolve(VerdictShareChart.SVG_FILE);
        if (!Files.exists(png) || !Files.exists(svg)) {
            log.warn("No summary chart in {} to attach", runFolder);
            return;
        }
        RunSummaryAttachment.write(folder, runFolder.getFileName().toString(), png, svg,
                VerdictSummary.of(lines).toTable());
    }

    private static JsonNode manifest(Path runFolder) throws IOException {
        return Json.MAPPER.readTree(runFolder.resolve("run.json").toFile());
    }

    private static void step(String name, Step step) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            log.error("Could not {} in the Allure results; the report will lack it", name, e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }
}
