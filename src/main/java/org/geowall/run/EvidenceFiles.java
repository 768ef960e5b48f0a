package org.geowall.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.geowall.capture.HarCompactor;
import org.geowall.capture.PageLoad;
import org.geowall.config.CaptureSettings;
import org.geowall.capture.SecretScrubber;
import org.geowall.report.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the JSON evidence of a load beside the files the engine wrote, removes proxy secrets
 * from every text file, and lists the evidence by kind with paths relative to the run folder.
 */
final class EvidenceFiles {

    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    private final RunFolder folder;
    private final SecretScrubber scrubber;
    private final CaptureSettings capture;

    EvidenceFiles(RunFolder folder, SecretScrubber scrubber, CaptureSettings capture) {
        this.folder = folder;
        this.scrubber = scrubber;
        this.capture = capture;
    }

    /** Removes what an interrupted earlier attempt left in a load's folder. */
    void clear(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to clear " + directory + " before measuring again", e);
        }
    }

    /** Writes the load's JSON evidence and the probe's decoded body (when there is one), and lists all files. */
    Map<String, String> write(PageLoad load, Path directory, String probeBody) {
        writeJson(load, directory, PageLoad.CONSOLE, "console.json", load.consoleMessages());
        writeJson(load, directory, PageLoad.PAGE_ERRORS, "page-errors.json", load.pageErrors());
        writeJson(load, directory, PageLoad.FAILED_REQUESTS, "failed-requests.json", load.failedRequests());
        if (probeBody != null) {
            writeText(load, directory, PageLoad.PROBE_BODY, "probe-body.html", probeBody);
        }

        Path har = load.files().get(PageLoad.HAR);
        if (har != null && Files.exists(har)) {
            compactHar(load, har);
        }

        Map<String, String> relative = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : load.files().entrySet()) {
            if (!Files.exists(file.getValue())) {
                continue;
            }
            if (!file.getKey().equals(PageLoad.SCREENSHOT) && !file.getKey().equals(PageLoad.HAR)) {
                scrub(file.getValue());
            }
            relative.put(file.getKey(), folder.relative(file.getValue()));
        }
        return relative;
    }

    private void writeJson(PageLoad load, Path directory, String kind, String fileName, List<?> items) {
        Path file = directory.resolve(fileName);
        try {
            Files.createDirectories(directory);
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), items);
            load.addFile(kind, file);
        } catch (IOException e) {
            log.error("Failed to write {} for {}", file, load.url(), e);
        }
    }

    private void writeText(PageLoad load, Path directory, String kind, String fileName, String text) {
        Path file = directory.resolve(fileName);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
            load.addFile(kind, file);
        } catch (IOException e) {
            log.error("Failed to write {} for {}", file, load.url(), e);
        }
    }

    /** Caps and scrubs the HAR (and compresses it, as configured); a HAR that fails this is deleted. */
    private void compactHar(PageLoad load, Path har) {
        try {
            load.addFile(PageLoad.HAR, HarCompactor.compact(har, scrubber, capture.maxBodyBytes(),
                    capture.compressHar()));
        } catch (IOException | RuntimeException e) {
            log.error("Failed to compact {} for {}; deleting it rather than keeping a secret", har, load.url(), e);
            try {
                Files.deleteIfExists(har);
            } catch (IOException deleteFailure) {
                log.error("Failed to delete {}", har, deleteFailure);
            }
        }
    }

    private void scrub(Path file) {
        try {
            scrubber.scrubFile(file);
        } catch (IOException e) {
            log.error("Failed to scrub secrets from {}; deleting it rather than keeping a secret", file, e);
            try {
                Files.deleteIfExists(file);
            } catch (IOException deleteFailure) {
                log.error("Failed to delete {}", file, deleteFailure);
            }
        }
    }
}
