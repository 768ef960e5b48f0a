package org.geowall.report.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Allure results folder: where allure-testng writes one {@code <uuid>-result.json} per test,
 * its attachments and containers, and where Geowall adds categories, environment, executor and
 * history before the report is generated.
 */
public final class AllureResultsFolder {

    private static final Logger log = LoggerFactory.getLogger(AllureResultsFolder.class);

    /** Allure's own JSON uses camelCase names, unlike Geowall's snake_case {@code Json} mapper. */
    static final ObjectMapper ALLURE_JSON = new ObjectMapper();

    private final Path directory;

    public AllureResultsFolder(Path directory) {
        this.directory = directory;
    }

    /** Returns the folder allure-java writes to: {@code allure.results.directory}, as Allure itself reads it. */
    public static AllureResultsFolder configured() {
        String path = PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results");
        return new AllureResultsFolder(Path.of(path));
    }

    public Path directory() {
        return directory;
    }

    /**
     * Deletes what earlier runs left: results, containers, attachments, categories, environment,
     * executor and history. Other files stay. A new run starts empty, so its report shows only
     * its own loads, and the history copied in before generation carries the earlier runs.
     */
    public void clear() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(AllureResultsFolder::isAllureFile).toList()) {
                deleteRecursively(file);
                deleted++;
            }
        }
        log.info("Cleared {} files of earlier runs from {}", deleted, directory);
    }

    private static boolean isAllureFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("-result.json") || name.endsWith("-container.json") || name.contains("-attachment")
                || name.equals(AllureCategories.FILE) || name.equals(AllureEnvironment.FILE)
                || name.equals(AllureExecutor.FILE) || name.equals("history");
    }

    /** Returns every test result in the folder, parsed. Unreadable files are logged and skipped. */
    public List<StoredResult> results() throws IOException {
        List<StoredResult> results = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return results;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                try {
                    results.add(new StoredResult(file, (ObjectNode) ALLURE_JSON.readTree(file.toFile())));
                } catch (IOException | ClassCastException e) {
                    log.error("Skipped unreadable Allure result {}", file, e);
                }
            }
        }
        return results;
    }

    /** Copies a file into the folder as a new attachment and returns its Allure attachment entry. */
    public ObjectNode addAttachment(Path source, String name, String type, String extension) throws IOException {
        String fileName = UUID.randomUUID() + "-attachment." + extension;
        Files.copy(source, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        return attachmentEntry(name, fileName, type);
    }

    /** Writes text into the folder as a new attachment and returns its Allure attachment entry. */
    public ObjectNode addAttachment(String text, String name, String type, String extension) throws IOException {
        String fileName = UUID.randomUUID() + "-attachment." + extension;
        Files.writeString(directory.resolve(fileName), text);
        return attachmentEntry(name, fileName, type);
    }

    private static ObjectNode attachmentEntry(String name, String source, String type) {
        ObjectNode entry = ALLURE_JSON.createObjectNode();
        entry.put("name", name);
        entry.put("source", source);
        entry.put("type", type);
        return entry;
    }

    /** Writes a JSON file into the folder through a temporary file, so a reader never sees half of it. */
    public void writeJson(String fileName, Object value) throws IOException {
        Files.createDirectories(directory);
        Path temporary = directory.resolve(fileName + ".tmp");
        ALLURE_JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), value);
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One stored test result: its file and its JSON, which callers may change and {@link #save()}. */
    public record StoredResult(Path file, ObjectNode json) {

        public String uuid() {
            return json.path("uuid").asText();
        }

        /** Returns the value of a parameter, or null when the result has none of that name. */
        public String parameter(String name) {
            for (var parameter : json.path("parameters")) {
                if (name.equals(parameter.path("name").asText())) {
                    return parameter.path("value").asText();
                }
            }
            return null;
        }

        public boolean hasAttachment(String name) {
            for (var attachment : json.path("attachments")) {
                if (name.equals(attachment.path("name").asText())) {
                    return true;
                }
            }
            return false;
        }

        public void addAttachment(ObjectNode entry) {
            ArrayNode attachments = json.has("attachments") && json.get("attachments").isArray()
                    ? (ArrayNode) json.get("attachments") : json.putArray("attachments");
            attachments.add(entry);
        }

        /** Writes the result back through a temporary file. */
        public void save() throws IOException {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            ALLURE_JSON.writeValue(temporary.toFile(), json);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
