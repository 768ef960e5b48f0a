package org.geowall.report.allure;

import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geowall.capture.PageLoad;
import org.geowall.report.Json;
import org.geowall.report.ResultLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches a load's evidence to its running Allure result: screenshot, HAR, the final DOM as
 * plain text, console and page errors, a failed-request table, the plain probe's result and the
 * whole result line. Site-controlled text goes only into text, JSON and CSV attachments, which
 * the report shows escaped; nothing is attached as HTML. Failures are logged and dropped.
 */
public final class LoadAttachments {

    private static final Logger log = LoggerFactory.getLogger(LoadAttachments.class);

    private LoadAttachments() {
    }

    /**
     * Attaches the evidence of a result line whose paths are relative to the run folder, each
     * attachment's name starting with {@code prefix} (such as {@code "attempt 2: "}, or empty).
     */
    public static void attach(ResultLine line, Path runFolder, String prefix) {
        attachFile(line, runFolder, PageLoad.SCREENSHOT, prefix + "screenshot", "image/png", "png");
        attachFile(line, runFolder, PageLoad.HAR, prefix + "HAR (page.har)", "application/json", "har");
        attachFile(line, runFolder, PageLoad.DOM, prefix + "final DOM (as text)", "text/plain", "txt");
        attachText(prefix + "console and page errors", "text/plain", "txt",
                () -> EvidenceTables.consoleAndPageErrors(line, runFolder));
        attachText(prefix + "failed requests", "text/csv", "csv",
                () -> EvidenceTables.failedRequestsCsv(line, runFolder));
        attachText(prefix + "plain probe result", "application/json", "json", () -> prettyJson(line.probe()));
        attachText(prefix + "result line", "application/json", "json", () -> prettyJson(line));
    }

    private static void attachFile(ResultLine line, Path runFolder, String kind, String name, String type,
                                   String extension) {
        String relative = line.evidence() == null ? null : line.evidence().get(kind);
        if (relative == null) {
            log.debug("No {} evidence for {} via {}", kind, line.url(), line.vantage());
            return;
        }
        Path file = runFolder.resolve(relative);
        try (InputStream in = Files.newInputStream(file)) {
            Allure.addAttachment(name, type, in, extension);
        } catch (IOException | RuntimeException e) {
            log.error("Could not attach {} of {} via {} to the report", file, line.url(), line.vantage(), e);
        }
    }

    private static void attachText(String name, String type, String extension, TextSource source) {
        try {
            byte[] bytes = source.text().getBytes(StandardCharsets.UTF_8);
            Allure.addAttachment(name, type, new java.io.ByteArrayInputStream(bytes), extension);
        } catch (IOException | RuntimeException e) {
            log.error("Could not attach '{}' to the report", name, e);
        }
    }

    private static String prettyJson(Object value) throws IOException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    /** Text made on demand, so that a failure to read evidence stays inside {@link #attachText}. */
    @FunctionalInterface
    private interface TextSource {
        String text() throws IOException;
    }
}
