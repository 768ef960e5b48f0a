package org.geowall.report.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a slim copy of a results folder for the single-file report, which embeds every
 * attachment and is meant to be mailed. HARs and DOMs are left out, since the multi-file report
 * and the run folder keep them, and screenshots become small JPEG thumbnails. Text attachments,
 * the summary chart, categories, environment, executor and history are copied unchanged.
 */
final class MailableResults {

    private static final Logger log = LoggerFactory.getLogger(MailableResults.class);

    /** Names of the attachments left out of the mailable report. */
    private static final Set<String> LEFT_OUT = Set.of("HAR (page.har)", "final DOM (as text)");

    private MailableResults() {
    }

    /** Copies {@code results} into the empty folder {@code copy}, slimmed as described above. */
    static void copy(Path results, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("-result.json") || name.endsWith("-container.json")) {
                    slim(file, results, copy);
                } else if (name.equals("history")) {
                    copyFolder(file, copy.resolve(name));
                } else if (!name.contains("-attachment") && Files.isRegularFile(file)) {
                    Files.copy(file, copy.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Copies a result or container with its kept attachments, including those of its steps and fixtures. */
    private static void slim(Path file, Path results, Path copy) throws IOException {
        JsonNode json = AllureResultsFolder.ALLURE_JSON.readTree(file.toFile());
        for (JsonNode attachments : json.findValues("attachments")) {
            if (attachments.isArray()) {
                slimAttachments((ArrayNode) attachments, results, copy);
            }
        }
        AllureResultsFolder.ALLURE_JSON.writeValue(copy.resolve(file.getFileName()).toFile(), json);
    }

    private static void slimAttachments(ArrayNode attachments, Path results, Path copy) throws IOException {
        for (int i = attachments.size() - 1; i >= 0; i--) {
            ObjectNode attachment = (ObjectNode) attachments.get(i);
            Path source = results.resolve(attachment.path("source").asText());
            if (LEFT_OUT.contains(attachment.path("name").asText()) || !Files.isRegularFile(source)) {
                attachments.remove(i);
            } else if (attachment.path("name").asText().contains("screenshot")) {
                thumbnail(attachments, i, source, copy);
            } else {
                Files.copy(source, copy.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Replaces a screenshot attachment by its thumbnail, or drops it when it cannot be read. */
    private static void thumbnail(ArrayNode attachments, int index, Path source, Path copy) {
        ObjectNode attachment = (ObjectNode) attachments.get(index);
        String thumbnail = attachment.path("source").asText().replaceFirst("\\.png$", "") + ".jpg";
        try {
            Thumbnails.writeJpeg(source, copy.resolve(thumbnail));
            attachment.put("source", thumbnail);
            attachment.put("type", "image/jpeg");
            attachment.put("name", attachment.path("name").asText() + ", thumbnail");
        } catch (IOException e) {
            log.warn("Left screenshot {} out of the single-file report: no thumbnail", source, e);
            attachments.remove(index);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        log.debug("Copied {} into {}", from, to);
    }
}
