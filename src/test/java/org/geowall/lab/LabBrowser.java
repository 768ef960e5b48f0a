package org.geowall.lab;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geowall.engine.BrowserDiscovery;
import org.geowall.engine.LaunchSettings;

/**
 * A headless Chromium for lab tests, launched as the measurement engine launches it. It runs the
 * system browser with the quiet switches, trusts the lab CA by SPKI pin, and does no name lookups
 * outside the proxies, so nothing the browser does leaves loopback.
 */
final class LabBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    LabBrowser(LabWorld lab) {
        Optional<Path> executable = BrowserDiscovery.find("auto");
        Map<String, String> environment = new HashMap<>();
        if (executable.isPresent()) {
            environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(environment));

        List<String> arguments = new ArrayList<>(LaunchSettings.QUIET_ARGUMENTS);
        arguments.add("--ignore-certificate-errors-spki-list=" + lab.spkiPins());
        arguments.add("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(arguments);
        executable.ifPresent(launch::setExecutablePath);
        try {
            browser = playwright.chromium().launch(launch);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** Loads {@code url} in a fresh context proxied through {@code vantage}; the caller closes the visit. */
    BrowserVisit visit(LabVantage vantage, String url, int timeoutMillis) {
        return BrowserVisit.load(browser, vantage, url, timeoutMillis);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
