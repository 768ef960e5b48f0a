package org.geowall.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Selenium Grid 4.47.0 in standalone mode, in its own JVM ({@code java -jar}), bound to
 * 127.0.0.1 on a free port, starting Debian's Chromium through Debian's chromedriver. The Grid's
 * jar comes from {@code grid/pom.xml}. When the jar is missing, this class builds it with the
 * Maven that runs the tests, offline where the local repository has every artifact.
 */
public final class SeleniumGrid implements AutoCloseable {

    private static final Path PROJECT = Path.of("grid/pom.xml");
    private static final Path JAR = Path.of("grid/target/selenium-grid.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path folder;
    private final int port;
    private Process process;

    public SeleniumGrid() throws IOException {
        this.folder = Files.createTempDirectory("geowall-grid-");
        this.port = freePort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public void start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            build();
        }
        Path config = folder.resolve("grid.toml");
        Files.writeString(config, configuration(), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-jar", JAR.toString(), "standalone", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("grid.log").toFile()).start();
        awaitReady();
    }

    private String configuration() {
        return String.join("\n",
                "[server]", "host = \"127.0.0.1\"", "port = " + port, "",
                "[node]", "detect-drivers = false", "selenium-manager = false", "max-sessions = 2", "",
                "[[node.driver-configuration]]", "display-name = \"Chromium\"",
                "webdriver-executable = \"/usr/bin/chromedriver\"", "max-sessions = 2",
                "stereotype = '{\"browserName\": \"chrome\", \"goog:chromeOptions\": "
                        + "{\"binary\": \"/usr/bin/chromium\"}}'", "");
    }

    /** Builds grid/ offline from the local repository, or online where that lacks something. */
    private static void build() throws IOException, InterruptedException {
        String offline = runMaven(true);
        if (Files.isRegularFile(JAR)) {
            return;
        }
        String online = runMaven(false);
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("Building the Selenium Grid from " + PROJECT + " failed. Offline:\n"
                    + offline + "\nOnline:\n" + online);
        }
    }

    private static String runMaven(boolean offline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String mavenHome = System.getProperty("maven.home");
        command.add(mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString());
        command.addAll(List.of("-B", "-q", "-f", PROJECT.toString(), "package"));
        if (offline) {
            command.add("-o");
        }
        String repository = System.getProperty("geowall.maven.repository");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        maven.waitFor();
        return output;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest status = HttpRequest.newBuilder(url().resolve("/status")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Selenium Grid exited with " + process.exitValue() + ": " + log());
            }
            try {
                String body = client.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"ready\": true")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The Selenium Grid was not ready within " + START_TIMEOUT.toSeconds()
                + " s: " + log());
    }

    /** Returns the Grid's own log so far, for assertion messages. */
    public String log() throws IOException {
        return Files.readString(folder.resolve("grid.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        // The browsers and chromedrivers the Grid started would outlive it, so they are listed first.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
