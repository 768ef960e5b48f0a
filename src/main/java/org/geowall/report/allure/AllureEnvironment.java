package org.geowall.report.allure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.geowall.report.ResultLine;

/**
 * Writes Allure's {@code environment.properties}, shown in the report's Environment widget: the
 * run, world, suite, driver, browser version, each vantage with its country, role and proxy
 * server, and the version of the block-page signature set. Values come from the run's
 * {@code run.json}, which contains proxy servers without credentials, and from its result lines.
 */
public final class AllureEnvironment {

    /** The file name Allure reads from the results folder. */
    public static final String FILE = "environment.properties";

    /** The signature set version; Geowall has no block-page signature set yet. */
    static final String SIGNATURES = "none";

    private AllureEnvironment() {
    }

    /** Returns the entries, in the order a reviewer reads them. */
    public static Map<String, String> entries(JsonNode manifest, List<ResultLine> lines) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("run", manifest.path("run_id").asText());
        entries.put("world", manifest.path("world").asText());
        entries.put("suite", manifest.path("suite").asText());
        entries.put("sites", manifest.path("sites").asText() + " from " + manifest.path("site_list").asText());
        entries.put("driver", driver(manifest.path("driver")));
        entries.put("browser", browsers(lines));
        for (JsonNode vantage : manifest.path("vantages")) {
            entries.put("vantage." + vantage.path("name").asText(), vantage.path("country").asText()
                    + (vantage.path("control").asBoolean() ? ", control" : "")
                    + ", proxy " + vantage.path("proxy").asText());
        }
        entries.put("signatures", SIGNATURES);
        return entries;
    }

    private static String driver(JsonNode driver) {
        return driver.path("engine").asText() + "/" + driver.path("browser").asText()
                + (driver.path("headless").asBoolean() ? ", headless" : ", headed");
    }

    /** Returns the browser versions that measured, such as {@code chromium 156.0.8078.73}. */
    private static String browsers(List<ResultLine> lines) {
        String versions = lines.stream().map(ResultLine::driver).filter(d -> d != null && !d.isBlank())
                .map(d -> d.contains("/") ? d.substring(d.indexOf('/') + 1) : d)
                .distinct().sorted().collect(Collectors.joining("; "));
        return versions.isEmpty() ? "unknown: no load finished" : versions;
    }

    /** Writes {@link #FILE} into an Allure results folder, escaped as Java properties in ISO-8859-1. */
    public static void write(Path resultsDirectory, Map<String, String> entries) throws IOException {
        Properties properties = new Properties();
        properties.putAll(entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        properties.store(bytes, null);
        // Properties.store starts with a date comment; Allure would show nothing of it, so drop it.
        String text = bytes.toString(StandardCharsets.ISO_8859_1).lines().filter(l -> !l.startsWith("#"))
                .sorted().collect(Collectors.joining("\n", "", "\n"));
        Files.createDirectories(resultsDirectory);
        Files.writeString(resultsDirectory.resolve(FILE), text, StandardCharsets.ISO_8859_1);
    }
}
