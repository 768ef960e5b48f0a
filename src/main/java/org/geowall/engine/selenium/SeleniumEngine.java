package org.geowall.engine.selenium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.geowall.capture.FailedRequest;
import org.geowall.capture.PageLoad;
import org.geowall.engine.Engine;
import org.geowall.engine.LaunchSettings;
import org.geowall.engine.LoadRequest;
import org.geowall.engine.NetErrors;
import org.geowall.engine.PlaywrightEngine;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.HasCdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads pages with Selenium WebDriver in Chromium, one fresh browser session per load, through
 * the worker's BrowserMob Proxy, which records the HAR and chains to the load's vantage proxy.
 * It keeps the same evidence, in the same files, as {@link PlaywrightEngine}, with the same
 * navigation and settle budgets.
 */
public final class SeleniumEngine implements Engine {

    private static final Logger log = LoggerFactory.getLogger(SeleniumEngine.class);

    /**
     * Selenium warns on every session that it has no DevTools client for this Chromium version.
     * The engine sends DevTools commands through chromedriver, which needs no such client, so the
     * warning is silenced. The field keeps the logger, which java.util.logging holds only weakly.
     */
    private static final java.util.logging.Logger CDP_VERSION_LOG = quietCdpVersionLog();

    private static final Duration QUIET_PERIOD = Duration.ofMillis(500);

    private final BrowserSessions sessions;
    private final RecordingProxy proxy;
    private final String configuredUserAgent;
    private final String where;
    private volatile String description = "selenium/chromium";
    /**
     * The user agent of the last session. Before the first session the browser version is unknown,
     * so a desktop Chrome user agent without a version stands in for the plain probe.
     */
    private volatile String userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome Safari/537.36";

    public SeleniumEngine(LaunchSettings settings) {
        this.sessions = new BrowserSessions(settings);
        this.proxy = new RecordingProxy(settings.trustedCertificates());
        this.configuredUserAgent = settings.driver().userAgent();
        this.where = sessions.where();
        log.info("Started the selenium engine: browsers from {}, recorded by BrowserMob Proxy on {}", where,
                proxy.address());
    }

    private static java.util.logging.Logger quietCdpVersionLog() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(
                "org.openqa.selenium.devtools.CdpVersionFinder");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public PageLoad load(LoadRequest request) {
        PageLoad evidence = new PageLoad(request.url().toString());
        Path directory = request.evidenceDirectory();
        List<FailedRequest> browserFailures = List.of();
        WebDriver driver = null;
        try {
            Files.createDirectories(directory);
            proxy.begin(request.proxy());
            driver = sessions.open(proxy.address(), proxy.caSpkiPin());
            prepare(driver, evidence);
            browserFailures = loadInSession(driver, request, evidence);
        } catch (IOException | WebDriverException | IllegalArgumentException e) {
            log.error("Harness failed loading {} through {}", request.url(), request.proxy(), e);
            evidence.setHarnessError(e.getClass().getSimpleName() + ": " + PageCapture.firstLine(e.getMessage()));
        } finally {
            quit(driver, evidence);
            new LoadRecording(proxy.end(), request, evidence).finish(browserFailures);
            evidence.finish();
        }
        return evidence;
    }

    private List<FailedRequest> loadInSession(WebDriver driver, LoadRequest request, PageLoad evidence) {
        try (PageEvents events = PageEvents.attach(driver, evidence)) {
            navigate(driver, request, evidence);
            if (evidence.navigationError() == null) {
                settle(events, request);
            }
            log.debug("Navigation to {} ended: {}", request.url(), evidence.navigationError());
            PageCapture.capture(driver, request.evidenceDirectory(), evidence);
            events.readBrowserLog(driver);
            return events.usesBiDi() ? events.failedRequests() : null;
        }
    }

    /**
     * Learns the browser version, and gives the page what Playwright gives it: an ordinary desktop
     * user agent, English as the language, and a 1366 x 768 viewport. Headless Chromium's window
     * size counts window decorations, so the viewport is set through the DevTools protocol.
     */
    private void prepare(WebDriver driver, PageLoad evidence) {
        String version = ((HasCapabilities) driver).getCapabilities().getBrowserVersion();
        description = "selenium/chromium " + version;
        String userAgent = configuredUserAgent.equals("auto") ? PlaywrightEngine.desktopUserAgent(version)
                : configuredUserAgent;
        this.userAgent = userAgent;
        if (!(driver instanceof HasCdp devtools)) {
            log.warn("No DevTools in this session: {} is loaded with the browser's own user agent", evidence.url());
            return;
        }
        devtools.executeCdpCommand("Network.setUserAgentOverride",
                Map.of("userAgent", userAgent, "acceptLanguage", "en-US"));
        devtools.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
    }

    private void navigate(WebDriver driver, LoadRequest request, PageLoad evidence) {
        long navigationMillis = request.budgets().navigation().toMillis();
        driver.manage().timeouts().pageLoadTimeout(request.budgets().navigation());
        try {
            driver.get(request.url().toString());
        } catch (TimeoutException e) {
            evidence.setNavigationError("timeout: no load event within " + navigationMillis + " ms", true);
            stopLoading(driver, evidence);
            return;
        } catch (WebDriverException e) {
            String netError = NetErrors.find(e.getMessage());
            if (netError == null) {
                throw e;
            }
            evidence.setNavigationError(netError, false);
        }
    }

    /**
     * Waits for the network to go idle after the load event, within the settle budget. BiDi
     * tracks the page's requests. Without BiDi, the wait uses BrowserMob's count of requests in
     * flight, which never reaches zero while an HTTPS tunnel is open, so it takes the whole budget.
     */
    private void settle(PageEvents events, LoadRequest request) {
        boolean idle;
        if (events.usesBiDi()) {
            try {
                idle = events.awaitNetworkIdle(QUIET_PERIOD, request.budgets().settle());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } else {
            idle = proxy.awaitQuiet(QUIET_PERIOD, request.budgets().settle());
        }
        if (!idle) {
            log.debug("Network of {} not idle within the settle budget", request.url());
        }
    }

    /**
     * Stops a navigation that ran out of time, so that the captures do not wait for it. This goes
     * through the DevTools protocol, because chromedriver runs scripts only after the navigation.
     */
    private static void stopLoading(WebDriver driver, PageLoad evidence) {
        if (!(driver instanceof HasCdp devtools)) {
            return;
        }
        try {
            devtools.executeCdpCommand("Page.stopLoading", Map.of());
        } catch (WebDriverException e) {
            log.warn("Could not stop loading {}: {}", evidence.url(), PageCapture.firstLine(e.getMessage()));
        }
    }

    private static void quit(WebDriver driver, PageLoad evidence) {
        if (driver == null) {
            return;
        }
        try {
            driver.quit();
        } catch (WebDriverException e) {
            log.warn("Closing the browser session of {} failed: {}", evidence.url(),
                    PageCapture.firstLine(e.getMessage()));
        }
    }

    @Override
    public void close() {
        proxy.close();
        log.info("Stopped the selenium engine ({}, browsers from {})", description, where);
    }
}
