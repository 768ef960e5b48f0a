package org.geowall.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.geowall.report.allure.AllureResultsFolder;
import org.geowall.report.allure.AllureRunFinisher;
import org.geowall.report.chart.VerdictShareChart;
import org.geowall.run.ResultsLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports made when a run ends, after its last load: the verdict-share chart beside
 * {@code results.jsonl}, then the run's Allure results completed for the report. Failures are
 * logged, not thrown, because the measurements are already kept.
 */
public final class RunReports {

    private static final Logger log = LoggerFactory.getLogger(RunReports.class);

    private RunReports() {
    }

    /** Writes the reports of the run in {@code runFolder} into it and into the configured Allure results folder. */
    public static void afterRun(Path runFolder) {
        afterRun(runFolder, AllureResultsFolder.configured());
    }

    static void afterRun(Path runFolder, AllureResultsFolder allureResults) {
        List<ResultLine> lines;
        try {
            lines = ResultsLedger.read(runFolder.resolve("results.jsonl"));
        } catch (IOException | RuntimeException e) {
            log.error("Could not read the results of {}; no chart and no Allure extras", runFolder, e);
            return;
        }
        writeChart(runFolder, lines);
        AllureRunFinisher.finish(allureResults, runFolder, lines);
    }

    private static void writeChart(Path runFolder, List<ResultLine> lines) {
        try {
            VerdictSummary summary = VerdictSummary.of(lines);
            VerdictShareChart.of(summary, "Verdict share per vantage, run " + runFolder.getFileName())
                    .writeBoth(runFolder);
            log.info("Wrote {} and {} in {}", VerdictShareChart.PNG_FILE, VerdictShareChart.SVG_FILE, runFolder);
        } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
            // AWT fails with errors, not exceptions, when its native font libraries are missing.
            log.error("Could not draw the summary chart of {}", runFolder, e);
        }
    }
}
