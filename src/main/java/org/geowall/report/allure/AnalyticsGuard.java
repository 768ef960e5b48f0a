package org.geowall.report.allure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps third-party analytics out of a generated Allure report. Allure 2.34's page template
 * loads Google's gtag.js unless ALLURE_NO_ANALYTICS is {@code true}, and always adds an inline
 * gtag configuration script. This removes both from every HTML page of a report, then checks
 * every HTML and JavaScript file for an analytics host and fails when one is left.
 */
public final class AnalyticsGuard {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsGuard.class);

    /** Analytics hosts, matched in any letter case. */
    static final List<String> FORBIDDEN_HOSTS = List.of("googletagmanager", "google-analytics");

    /** The gtag call, matched in its exact case, since minified code has words such as {@code toStringTag(}. */
    static final String GTAG_CALL = "gtag(";

    private static final Pattern LOADER = Pattern.compile(
            "<script[^>]*googletagmanager[^>]*>\\s*</script>\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_CONFIG = Pattern.compile(
            "<script>\\s*window\\.dataLayer\\s*=.*?</script>\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private AnalyticsGuard() {
    }

    /** Returns the page without the gtag.js loader and the inline gtag configuration. */
    static String strip(String html) {
        String withoutLoader = LOADER.matcher(html).replaceAll("");
        return INLINE_CONFIG.matcher(withoutLoader).replaceAll("");
    }

    /**
     * Strips analytics from the HTML pages of a report folder or single file, then checks it.
     *
     * @throws IllegalStateException when an analytics marker is left in a page or script
     */
    public static void clean(Path report) throws IOException {
        for (Path file : files(report)) {
            if (file.toString().endsWith(".html")) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                String stripped = strip(html);
                if (!stripped.equals(html)) {
                    Files.writeString(file, stripped, StandardCharsets.UTF_8);
                    log.info("Removed the analytics scripts from {}", file);
                }
            }
        }
        List<String> findings = findings(report);
        if (!findings.isEmpty()) {
            throw new IllegalStateException("The Allure report still contains analytics after cleaning: " + findings
                    + ". Delete the report and generate it again.");
        }
    }

    /** Returns {@code file: marker} for each analytics marker in the report's HTML and JavaScript files. */
    public static List<String> findings(Path report) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path file : files(report)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String lowerCase = text.toLowerCase(Locale.ROOT);
            for (String host : FORBIDDEN_HOSTS) {
                if (lowerCase.contains(host)) {
                    findings.add(file + ": " + host);
                }
            }
            if (text.contains(GTAG_CALL)) {
                findings.add(file + ": " + GTAG_CALL);
            }
        }
        return findings;
    }

    /** Returns the report's own HTML and JavaScript files; attachments under data/ are measured pages' text. */
    private static List<Path> files(Path report) throws IOException {
        if (Files.isRegularFile(report)) {
            return List.of(report);
        }
        try (Stream<Path> paths = Files.walk(report)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !report.relativize(p).startsWith("data"))
                    .filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js"))
                    .toList();
        }
    }
}
