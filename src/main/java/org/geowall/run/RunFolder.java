package org.geowall.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.geowall.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of one run under {@code reports/runs/}, with {@code reports/latest} pointing at it.
 * Layout: {@code results.jsonl}, {@code run.json}, and
 * {@code evidence/<vantage>/<site>/attempt-<n>/} with one load's evidence files.
 */
public final class RunFolder {

    private static final Logger log = LoggerFactory.getLogger(RunFolder.class);
    private static final int MAX_HOST_SLUG = 100;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path reports;
    private final String runId;
    private final Path root;

    private RunFolder(Path reports, String runId) {
        this.reports = reports;
        this.runId = runId;
        this.root = reports.resolve("runs").resolve(runId);
    }

    /** Creates a new run folder named after the current UTC time and the suite. */
    public static RunFolder create(Path reports, String suiteName) throws IOException {
        String id = ZonedDateTime.now(ZoneOffset.UTC).format(ID_TIME) + "-" + slug(suiteName);
        RunFolder folder = new RunFolder(reports, id);
        Files.createDirectories(folder.root);
        folder.pointLatest();
        return folder;
    }

    /**
     * Opens an existing run to resume it.
     *
     * @param runId a run id, or {@code latest} for the newest run
     * @throws IllegalArgumentException when the run does not exist
     */
    public static RunFolder resume(Path reports, String runId) throws IOException {
        String id = runId;
        if (runId.equals("latest")) {
            Path latest = reports.resolve("latest");
            if (!Files.exists(latest)) {
                throw new IllegalArgumentException("-Dresume=latest: no run to resume, " + latest + " does not exist");
            }
            id = latest.toRealPath().getFileName().toString();
        }
        RunFolder folder = new RunFolder(reports, id);
        if (!Files.isDirectory(folder.root)) {
            throw new IllegalArgumentException("-Dresume=" + runId + ": run folder " + folder.root
                    + " not found. List the runs with: ls " + reports.resolve("runs"));
        }
        folder.pointLatest();
        return folder;
    }

    private void pointLatest() throws IOException {
        Path latest = reports.resolve("latest");
        Files.deleteIfExists(latest);
        try {
            Files.createSymbolicLink(latest, reports.relativize(root));
        } catch (UnsupportedOperationException | IOException e) {
            // File systems without symbolic links get a text file naming the run instead.
            log.debug("Could not link {}: {}", latest, e.toString());
            Files.writeString(reports.resolve("latest.txt"), root.toString() + "\n", StandardCharsets.UTF_8);
        }
    }

    public String runId() {
        return runId;
    }

    public Path root() {
        return root;
    }

    public Path results() {
        return root.resolve("results.jsonl");
    }

    public Path evidenceDirectory(String vantage, Site site, int attempt) {
        return root.resolve("evidence").resolve(vantage).resolve(siteSlug(site)).resolve("attempt-" + attempt);
    }

    /** Returns a path relative to the run folder, with forward slashes, as results store it. */
    public String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** Returns the host name, plus a short hash of the URL when the URL has a port, path or query. */
    static String siteSlug(Site site) {
        String host = slug(site.host());
        if (host.length() > MAX_HOST_SLUG) {
            // File systems limit a name to 255 bytes: a long host keeps its start and gets the hash below.
            host = host.substring(0, MAX_HOST_SLUG);
        }
        String rest = site.url().getRawPath() + (site.url().getRawQuery() == null ? "" : site.url().getRawQuery());
        if (site.url().getPort() < 0 && (rest.equals("/") || rest.isEmpty()) && host.equals(slug(site.host()))) {
            return host;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(site.url().toString().getBytes(StandardCharsets.UTF_8));
            return host + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slug(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
