package org.geowall.report.allure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.geowall.report.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report commands that Maven runs (exec:java):
 * <ul>
 *   <li>{@code generate --allure-home=DIR --reports=DIR}: generates {@code allure-report/} and
 *       {@code allure-report.html} in the reports folder from its {@code allure-results/}.</li>
 *   <li>{@code serve --report=DIR [--port=8080]}: serves a multi-file report on 127.0.0.1 until
 *       the process is stopped.</li>
 * </ul>
 */
public final class AllureReportMain {

    private static final Logger log = LoggerFactory.getLogger(AllureReportMain.class);

    private AllureReportMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            throw new IllegalArgumentException("Missing command: expected 'generate' or 'serve'");
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "generate" -> generate(Path.of(required(options, "allure-home")), Path.of(required(options, "reports")));
            case "serve" -> serve(Path.of(required(options, "report")), Integer.parseInt(options.getOrDefault("port",
                    "8080")));
            default -> throw new IllegalArgumentException("Unknown command '" + args[0]
                    + "': expected 'generate' or 'serve'");
        }
    }

    private static void generate(Path allureHome, Path reports) throws IOException {
        JsonNode manifest = latestManifest(reports);
        new AllureReportGenerator(allureHome).generate(reports.resolve("allure-results"),
                reports.resolve("allure-report"), reports.resolve("allure-report.html"),
                manifest.path("run_id").asText("unknown"), manifest.path("suite").asText("unknown"));
        log.info("Open {} from disk, or serve {} with: mvn -q compile exec:java@serve-report",
                reports.resolve("allure-report.html").toAbsolutePath(), reports.resolve("allure-report").toAbsolutePath());
    }

    /** Returns the newest run's {@code run.json}, or an empty object when there is none. */
    private static JsonNode latestManifest(Path reports) throws IOException {
        Path manifest = reports.resolve("latest").resolve("run.json");
        if (!Files.exists(manifest)) {
            log.warn("No {}; the report names the run 'unknown'", manifest);
            return Json.MAPPER.createObjectNode();
        }
        return Json.MAPPER.readTree(manifest.toFile());
    }

    private static void serve(Path report, int port) throws IOException, InterruptedException {
        if (!Files.isRegularFile(report.resolve("index.html"))) {
            throw new IllegalArgumentException(report + "/index.html not found. Generate the report first: mvn -Pdemo verify");
        }
        ReportServer server = ReportServer.start(report, port);
        System.out.println("Allure report at " + server.url() + " (Ctrl+C stops the server)");
        new CountDownLatch(1).await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Invalid option '" + arg + "': expected --name=value");
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing option --" + name + "=...");
        }
        return value;
    }
}
