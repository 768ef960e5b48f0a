package org.geowall.report.allure;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Allure commandline of an installation (the unpacked allure-commandline zip) in a child
 * JVM. The child always gets {@code ALLURE_NO_ANALYTICS=true}: without it, Allure 2.34 sends a
 * usage event to Google Analytics while generating and links Google's gtag.js from the report.
 */
final class AllureCommandline {

    private static final Logger log = LoggerFactory.getLogger(AllureCommandline.class);
    private static final String MAIN_CLASS = "io.qameta.allure.CommandLine";

    private final Path home;
    private final Duration timeout;

    AllureCommandline(Path home, Duration timeout) {
        this.home = home;
        this.timeout = timeout;
    }

    /**
     * Checks that {@code home} is an Allure installation.
     *
     * @throws IllegalArgumentException naming the missing folder and how to install it
     */
    void requireInstalled() {
        if (!Files.isDirectory(home.resolve("lib")) || !Files.isDirectory(home.resolve("plugins"))) {
            throw new IllegalArgumentException("No Allure commandline at " + home + " (lib/ and plugins/ missing). "
                    + "Install it with: mvn io.qameta.allure:allure-maven:install");
        }
    }

    /** Generates a report named {@code name} from a results folder, replacing {@code output}. */
    void generate(Path results, Path output, String name, boolean singleFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-classpath", classpath(), MAIN_CLASS,
                "generate", "--clean", "--name", name));
        if (singleFile) {
            command.add("--single-file");
        }
        command.addAll(List.of(results.toAbsolutePath().toString(), "-o", output.toAbsolutePath().toString()));
        run(command);
    }

    private void run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ALLURE_NO_ANALYTICS", "true");
        // The commandline finds its config/ and plugins/ folders through APP_HOME, as bin/allure sets it.
        builder.environment().put("APP_HOME", home.toAbsolutePath().toString());
        Process process = builder.start();
        Thread reader = new Thread(() -> logOutput(process), "allure-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("Allure commandline timed out after " + timeout.toSeconds() + " s: " + command);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the Allure commandline ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("Allure commandline failed with exit code " + process.exitValue() + ": " + command);
        }
    }

    private static void logOutput(Process process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> log.info("allure: {}", line));
        } catch (IOException e) {
            log.warn("Could not read the Allure commandline's output", e);
        }
    }

    private String classpath() {
        return home.resolve("lib").toAbsolutePath() + File.separator + "*" + File.pathSeparator
                + home.resolve("lib").resolve("config").toAbsolutePath();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
