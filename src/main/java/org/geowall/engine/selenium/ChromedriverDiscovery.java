package org.geowall.engine.selenium;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a chromedriver on this machine, so that Selenium never downloads one at run time:
 * {@code GEOWALL_CHROMEDRIVER}, the {@code webdriver.chrome.driver} system property, Debian's and
 * other distributions' places, then the {@code PATH}.
 */
final class ChromedriverDiscovery {

    private static final List<String> KNOWN_PATHS = List.of(
            "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/usr/lib/chromium-browser/chromedriver",
            "/snap/bin/chromium.chromedriver", "/usr/local/bin/chromedriver");

    private ChromedriverDiscovery() {
    }

    static Optional<Path> find() {
        for (String configured : new String[] {System.getenv("GEOWALL_CHROMEDRIVER"),
                System.getProperty("webdriver.chrome.driver")}) {
            if (configured != null && Files.isExecutable(Path.of(configured))) {
                return Optional.of(Path.of(configured));
            }
        }
        for (String known : KNOWN_PATHS) {
            if (Files.isExecutable(Path.of(known))) {
                return Optional.of(Path.of(known));
            }
        }
        return onPath();
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "chromedriver");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
