package org.geowall.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a system Chromium. Where none is installed, the caller lets Playwright use (and, on a
 * machine with internet, download) its own managed browser.
 */
public final class BrowserDiscovery {

    /** Debian's /usr/bin/chromium is a shell wrapper; the real binary beside it starts quietly. */
    private static final List<String> KNOWN_PATHS = List.of(
            "/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/snap/bin/chromium", "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium");

    private static final List<String> PATH_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private BrowserDiscovery() {
    }

    /**
     * Returns the browser to launch for a configured {@code executable} value: the path itself,
     * or for {@code auto} the first Chromium found in GEOWALL_CHROMIUM, known places and PATH.
     *
     * @throws IllegalArgumentException when a configured path does not exist
     */
    public static Optional<Path> find(String configured) {
        if (configured != null && !configured.isBlank() && !configured.equals("auto")) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalArgumentException("driver.executable " + configured
                        + " is not an executable file. Fix the path, or set it to 'auto'.");
            }
            return Optional.of(path);
        }
        String fromEnvironment = System.getenv("GEOWALL_CHROMIUM");
        if (fromEnvironment != null && Files.isExecutable(Path.of(fromEnvironment))) {
            return Optional.of(Path.of(fromEnvironment));
        }
        for (String known : KNOWN_PATHS) {
            if (Files.isExecutable(Path.of(known))) {
                return Optional.of(Path.of(known));
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                for (String name : PATH_NAMES) {
                    Path candidate = Path.of(directory, name);
                    if (Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
