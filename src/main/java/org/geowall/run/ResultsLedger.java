package org.geowall.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.geowall.capture.SecretScrubber;
import org.geowall.report.Json;
import org.geowall.report.ResultLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's {@code results.jsonl}: one line per load, appended and flushed as soon as the load
 * ends, so that a run killed at any moment keeps everything it measured and can be resumed.
 */
public final class ResultsLedger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultsLedger.class);

    private final Path file;
    private final BufferedWriter writer;
    private final SecretScrubber scrubber;

    /** Opens a results file for appending; every line is scrubbed of proxy secrets before it is written. */
    public ResultsLedger(Path file, SecretScrubber scrubber) throws IOException {
        this.file = file;
        this.scrubber = scrubber;
        boolean cutShort = Files.exists(file) && Files.size(file) > 0 && !Files.readString(file, StandardCharsets.UTF_8).endsWith("\n");
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (cutShort) {
            // A killed run left half a line: end it, so the next line starts on a line of its own.
            writer.newLine();
        }
    }

    public synchronized void append(ResultLine line) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.valueToTree(line);
            scrubber.scrubJson(tree);
            writer.write(Json.MAPPER.writeValueAsString(tree));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to append to " + file, e);
        }
    }

    /**
     * Reads every complete line of a results file. A line cut short by a killed run is skipped
     * with a warning, because its load will be measured again.
     */
    public static List<ResultLine> read(Path file) throws IOException {
        List<ResultLine> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        int number = 0;
        // Decoding replaces malformed bytes, because a killed run may cut a line inside a character.
        String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        for (String text : content.split("\n")) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            try {
                lines.add(Json.MAPPER.readValue(text, ResultLine.class));
            } catch (JsonProcessingException e) {
                log.warn("{}:{}: skipped an unreadable result line ({}); its load will be measured again",
                        file, number, e.getOriginalMessage());
            }
        }
        return lines;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
