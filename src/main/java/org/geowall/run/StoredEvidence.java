package org.geowall.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.geowall.probe.ProbeResult;
import org.geowall.report.Json;
import org.geowall.report.ResultLine;
import org.geowall.verdict.LoadEvidence;
import org.geowall.verdict.RequestOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a load's evidence back from its run folder into the classifier's {@link LoadEvidence}:
 * the same path serves a live run and {@code reclassify} of an old one.
 */
public final class StoredEvidence {

    private static final Logger log = LoggerFactory.getLogger(StoredEvidence.class);

    private StoredEvidence() {
    }

    /** Reads the evidence of a stored result line. */
    public static LoadEvidence of(ResultLine line, Path runFolder) {
        return read(line.url(), line.navigation(), line.probe(), line.evidence(), runFolder);
    }

    static LoadEvidence read(String url, ResultLine.Navigation navigation, ProbeResult probe,
                             Map<String, String> evidence, Path runFolder) {
        return new LoadEvidence(url, navigation.harnessError(), navigation.error(), navigation.timedOut(),
                navigation.timeoutPhase(), navigation.mainStatus(),
                navigation.mainHeaders() == null ? Map.of() : navigation.mainHeaders(), navigation.finalUrl(),
                navigation.redirectChain() == null ? 0 : Math.max(0, navigation.redirectChain().size() - 1),
                navigation.title(), navigation.visibleTextLength(), text(runFolder, evidence.get("dom")),
                navigation.cookieNames() == null ? List.of() : navigation.cookieNames(),
                requests(runFolder, evidence.get("har")), probe, textOrNull(runFolder, evidence.get("probe_body")));
    }

    private static String text(Path runFolder, String relative) {
        String text = textOrNull(runFolder, relative);
        return text == null ? "" : text;
    }

    private static String textOrNull(Path runFolder, String relative) {
        if (relative == null) {
            return null;
        }
        try {
            return new String(bytes(runFolder.resolve(relative)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not read {}: {}", runFolder.resolve(relative), e.toString());
            return null;
        }
    }

    private static byte[] bytes(Path file) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Reads how each request ended from the HAR: status, Chromium's failure text, resource and MIME type. */
    private static List<RequestOutcome> requests(Path runFolder, String relative) {
        List<RequestOutcome> requests = new ArrayList<>();
        if (relative == null) {
            return requests;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(bytes(runFolder.resolve(relative)));
            for (JsonNode entry : root.path("log").path("entries")) {
                JsonNode response = entry.path("response");
                String failure = response.path("_failureText").asText(null);
                requests.add(new RequestOutcome(entry.path("request").path("url").asText(),
                        entry.path("_resourceType").asText(null), response.path("status").asInt(-1),
                        failure == null || failure.isEmpty() ? null : failure,
                        response.path("content").path("mimeType").asText(null)));
            }
        } catch (IOException e) {
            log.warn("Could not read the HAR {}: {}", runFolder.resolve(relative), e.toString());
        }
        return requests;
    }
}
