package org.geowall.report.allure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geowall.capture.ConsoleMessage;
import org.geowall.capture.FailedRequest;
import org.geowall.capture.PageLoad;
import org.geowall.report.Json;
import org.geowall.report.ResultLine;

/** Turns a load's JSON evidence files into the plain-text and CSV tables that reviewers read. */
final class EvidenceTables {

    /** Console lines kept in the attachment; a chatty page can log thousands. */
    static final int MAX_CONSOLE_LINES = 500;

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema FAILED_REQUEST_COLUMNS = CsvSchema.builder()
            .addColumn("url").addColumn("method").addColumn("resource_type").addColumn("failure")
            .build().withHeader();

    private EvidenceTables() {
    }

    /** Returns the console messages, one per line as {@code [type] text (location)}, then the page errors. */
    static String consoleAndPageErrors(ResultLine line, Path runFolder) throws IOException {
        List<ConsoleMessage> messages = read(line, runFolder, PageLoad.CONSOLE, new TypeReference<>() { });
        List<String> errors = read(line, runFolder, PageLoad.PAGE_ERRORS, new TypeReference<>() { });
        StringBuilder text = new StringBuilder("Console messages: ").append(messages.size()).append('\n');
        messages.stream().limit(MAX_CONSOLE_LINES).forEach(message -> text.append('[').append(message.type())
                .append("] ").append(message.text()).append(" (").append(message.location()).append(")\n"));
        if (messages.size() > MAX_CONSOLE_LINES) {
            text.append("... ").append(messages.size() - MAX_CONSOLE_LINES).append(" more in ")
                    .append(line.evidence().get(PageLoad.CONSOLE)).append('\n');
        }
        text.append("\nPage errors (uncaught JavaScript exceptions): ").append(errors.size()).append('\n');
        errors.forEach(error -> text.append(error).append('\n'));
        return text.toString();
    }

    /** Returns the failed requests as CSV with a header row: url, method, resource_type, failure. */
    static String failedRequestsCsv(ResultLine line, Path runFolder) throws IOException {
        List<FailedRequest> requests = read(line, runFolder, PageLoad.FAILED_REQUESTS, new TypeReference<>() { });
        List<List<String>> rows = new ArrayList<>();
        for (FailedRequest request : requests) {
            rows.add(List.of(nullToEmpty(request.url()), nullToEmpty(request.method()),
                    nullToEmpty(request.resourceType()), nullToEmpty(request.failure())));
        }
        return CSV.writer(FAILED_REQUEST_COLUMNS).writeValueAsString(rows);
    }

    private static <T> List<T> read(ResultLine line, Path runFolder, String kind, TypeReference<List<T>> type)
            throws IOException {
        String relative = line.evidence() == null ? null : line.evidence().get(kind);
        if (relative == null || !Files.exists(runFolder.resolve(relative))) {
            return List.of();
        }
        return Json.MAPPER.readValue(runFolder.resolve(relative).toFile(), type);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
