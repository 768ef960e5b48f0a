package org.geowall.report.allure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the Allure reports of a results folder offline. The multi-file report must be served
 * over HTTP. The single-file report opens from disk and is small enough to mail, because it
 * leaves out HARs and DOMs and shows screenshot thumbnails. Before generating, the generator
 * copies the previous report's history into the results, so the trend charts show
 * re-measurements, and writes the categories and executor. After generating, it removes any
 * analytics script and fails when one is left.
 */
public final class AllureReportGenerator {

    private static final Logger log = LoggerFactory.getLogger(AllureReportGenerator.class);

    /** The maximum time one generation may take, an estimate with room for a few thousand loads. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final AllureCommandline commandline;

    public AllureReportGenerator(Path allureHome) {
        this.commandline = new AllureCommandline(allureHome, TIMEOUT);
    }

    /**
     * Generates both reports.
     *
     * @param results    the Allure results folder
     * @param report     the multi-file report folder, replaced
     * @param singleFile the single-file report, replaced
     * @param runId      the run named in the executor widget
     * @param suite      the suite named in the report's name
     */
    public void generate(Path results, Path report, Path singleFile, String runId, String suite) throws IOException {
        commandline.requireInstalled();
        long started = System.nanoTime();
        log.info("Generating the Allure report of {} into {} and {}", results, report, singleFile);
        AllureResultsFolder folder = new AllureResultsFolder(results);
        copyHistory(report.resolve("history"), results.resolve("history"));
        AllureCategories.write(results);
        AllureExecutor.write(folder, runId, suite);

        String name = AllureExecutor.reportName(suite, runId);
        commandline.generate(results, report, name, false);
        AnalyticsGuard.clean(report);
        generateSingleFile(results, singleFile, name);
        AnalyticsGuard.clean(singleFile);
        log.info("Generated the Allure reports in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Generates the single-file report from a slim copy of the results, see {@link MailableResults}. */
    private void generateSingleFile(Path results, Path singleFile, String name) throws IOException {
        Path parent = singleFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path slimResults = Files.createTempDirectory(parent, ".allure-mailable-results-");
        Path scratch = Files.createTempDirectory(parent, ".allure-single-file-");
        try {
            MailableResults.copy(results, slimResults);
            commandline.generate(slimResults, scratch, name, true);
            Files.move(scratch.resolve("index.html"), singleFile, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            AllureResultsFolder.deleteRecursively(scratch);
            AllureResultsFolder.deleteRecursively(slimResults);
        }
    }

    /** Replaces the results' history with the previous report's, when there is one. */
    static void copyHistory(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            log.info("No earlier report history in {}; the trends start with this run", from);
            return;
        }
        AllureResultsFolder.deleteRecursively(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        log.info("Copied the report history from {} into {}", from, to);
    }
}
