package org.geowall.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testng.TestNG;

/**
 * Runs a measurement suite in this JVM, as {@code mvn verify -Dsuite=...} would, with the given
 * system properties set only for the run, and returns the run folder it wrote.
 */
public final class InProcessSuite {

    private InProcessSuite() {
    }

    /**
     * Runs the suite with its reports under {@code reports}, which is emptied first.
     *
     * @param properties system properties of the run, such as {@code driver.engine}
     */
    public static Path run(Path suite, Path reports, Map<String, String> properties) throws IOException {
        deleteRecursively(reports);
        Map<String, String> saved = new HashMap<>();
        Map<String, String> all = new HashMap<>(properties);
        all.put("geowall.reports", reports.toString());
        all.put("allure.results.directory", reports.resolve("allure-results").toString());
        all.forEach((name, value) -> saved.put(name, System.setProperty(name, value)));
        try {
            TestNG testng = new TestNG();
            testng.setTestSuites(List.of(suite.toString()));
            testng.setOutputDirectory(reports.resolve("testng").toString());
            testng.setUseDefaultListeners(false);
            testng.run();
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
        return reports.resolve("latest").toRealPath();
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
