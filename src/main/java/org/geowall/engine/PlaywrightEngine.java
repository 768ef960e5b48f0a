package org.geowall.engine;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HarContentPolicy;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.geowall.capture.ConsoleMessage;
import org.geowall.capture.FailedRequest;
import org.geowall.capture.PageLoad;
import org.geowall.capture.PhaseTimings;
import org.geowall.engine.NavigationSteps.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads pages with Playwright for Java in Chromium: one browser per engine, one fresh context
 * per load, proxied through the load's vantage, with a HAR, a screenshot, the DOM and the
 * JavaScript failures kept.
 */
public final class PlaywrightEngine implements Engine {

    private static final Logger log = LoggerFactory.getLogger(PlaywrightEngine.class);
    private static final int CAPTURE_TIMEOUT_MILLIS = 10_000;
    private static final int ERROR_PAGE_MILLIS = 2_000;

    private final Playwright playwright;
    private final Browser browser;
    private final String userAgent;
    private final String description;
    private final boolean jpegScreenshots;

    public PlaywrightEngine(LaunchSettings settings) {
        Optional<Path> executable = BrowserDiscovery.find(settings.driver().executable());
        Map<String, String> environment = new HashMap<>();
        if (executable.isPresent()) {
            // A system browser is used, so Playwright must not try to download its own.
            environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(environment));
        try {
            List<String> arguments = new ArrayList<>(LaunchSettings.QUIET_ARGUMENTS);
            arguments.addAll(settings.extraArguments());
            BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                    .setHeadless(settings.driver().headless())
                    .setArgs(arguments);
            executable.ifPresent(launch::setExecutablePath);
            this.browser = playwright.chromium().launch(launch);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
        String version = browser.version();
        this.userAgent = settings.driver().userAgent().equals("auto") ? desktopUserAgent(version)
                : settings.driver().userAgent();
        this.description = "playwright/chromium " + version;
        this.jpegScreenshots = settings.capture().jpeg();
        log.info("Started {} from {}", description, executable.map(Path::toString).orElse("Playwright's managed browser"));
    }

    /** Returns the user agent of desktop Chrome of the same major version, without "HeadlessChrome". */
    public static String desktopUserAgent(String browserVersion) {
        String major = browserVersion.split("\\.")[0];
        return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                + major + ".0.0.0 Safari/537.36";
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public PageLoad load(LoadRequest request) {
        PageLoad evidence = new PageLoad(request.url().toString());
        Path directory = request.evidenceDirectory();
        Path har = directory.resolve("page.har");
        BrowserContext context = null;
        try {
            Files.createDirectories(directory);
            context = browser.newContext(contextOptions(request, har));
            Page page = context.newPage();
            listen(page, evidence);
            navigate(page, request, evidence);
            log.debug("Navigation to {} ended: {}", request.url(), evidence.navigationError());
            capture(page, directory, evidence, jpegScreenshots);
            log.debug("Captured {}", request.url());
        } catch (IOException | RuntimeException e) {
            // Any failure here is the harness's, not the site's: it becomes a harness_error verdict.
            log.error("Harness failed loading {}", request.url(), e);
            evidence.setHarnessError(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        } finally {
            closeContext(context, har, evidence);
            evidence.finish();
        }
        return evidence;
    }

    private Browser.NewContextOptions contextOptions(LoadRequest request, Path har) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setUserAgent(userAgent)
                .setViewportSize(1366, 768)
                .setLocale("en-US")
                .setRecordHarPath(har)
                .setRecordHarContent(HarContentPolicy.EMBED);
        if (request.proxy() != null) {
            Proxy proxy = new Proxy(request.proxy().server().toString());
            if (request.proxy().hasCredentials()) {
                proxy.setUsername(request.proxy().username()).setPassword(request.proxy().password());
            }
            options.setProxy(proxy);
        }
        return options;
    }

    private static void listen(Page page, PageLoad evidence) {
        page.onRequest(request -> evidence.countRequest(hostOf(request.url())));
        page.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.frame() == page.mainFrame()) {
                evidence.setMainStatus(response.status());
            }
        });
        page.onConsoleMessage(message ->
                evidence.addConsoleMessage(new ConsoleMessage(message.type(), message.text(), message.location())));
        page.onPageError(evidence::addPageError);
        page.onRequestFailed(request -> evidence.addFailedRequest(new FailedRequest(request.url(), request.method(),
                request.resourceType(), request.failure())));
    }

    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Navigates in steps, each limited by its own budget counted from the navigation's start: the
     * main document's response (commit), DOMContentLoaded, then the load event. It then waits for
     * the network to settle and records the main document.
     */
    private static void navigate(Page page, LoadRequest request, PageLoad evidence) {
        NavigationSteps steps = new NavigationSteps(request.budgets());
        AtomicReference<Request> mainRequest = new AtomicReference<>();
        page.onRequest(candidate -> {
            if (candidate.isNavigationRequest() && candidate.frame() == page.mainFrame()) {
                mainRequest.set(candidate);
            }
        });
        long started = System.nanoTime();
        Response response;
        try {
            response = page.navigate(request.url().toString(), new Page.NavigateOptions()
                    .setTimeout(steps.limitMillis(Step.RESPONSE))
                    .setWaitUntil(WaitUntilState.COMMIT));
        } catch (TimeoutError e) {
            timedOut(page, evidence, steps, Step.RESPONSE);
            // The final document sent no response before its commit, so an earlier redirect's status does not count.
            evidence.setTimeoutPhase(PhaseTimings.stuckPhase(MainDocument.offsets(mainRequest.get()), false));
            return;
        } catch (PlaywrightException e) {
            recordNetError(e, evidence);
            return;
        }
        if (!awaitStep(page, LoadState.DOMCONTENTLOADED, Step.DOM_CONTENT_LOADED, steps, started, evidence)
                || !awaitStep(page, LoadState.LOAD, Step.LOAD, steps, started, evidence)) {
            return;
        }
        long loaded = System.nanoTime();
        try {
            page.waitForLoadState(LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(request.budgets().settle().toMillis()));
        } catch (TimeoutError e) {
            log.debug("Network of {} not idle within the settle budget", request.url());
        }
        MainDocument.record(page, response, evidence, (System.nanoTime() - loaded) / 1_000_000);
    }

    /** Waits for a load state within what is left of its step's limit; returns false when the load ended. */
    private static boolean awaitStep(Page page, LoadState state, Step step, NavigationSteps steps, long started,
                                     PageLoad evidence) {
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            page.waitForLoadState(state, new Page.WaitForLoadStateOptions()
                    .setTimeout(steps.remainingMillis(step, elapsedMillis)));
            return true;
        } catch (TimeoutError e) {
            timedOut(page, evidence, steps, step);
            evidence.setTimeoutPhase(step.timeoutPhase());
            return false;
        } catch (PlaywrightException e) {
            recordNetError(e, evidence);
            return false;
        }
    }

    private static void timedOut(Page page, PageLoad evidence, NavigationSteps steps, Step step) {
        log.debug("{} of {} ran out of budgets.{}", step, evidence.url(), steps.budgetKey(step));
        evidence.setNavigationError(steps.timeoutMessage(step), true);
        stopLoading(page, evidence);
    }

    /** Records a {@code net::ERR_*} failure as the navigation's error; any other failure is the harness's. */
    private static void recordNetError(PlaywrightException e, PageLoad evidence) {
        String netError = NetErrors.find(e.getMessage());
        if (netError == null) {
            throw e;
        }
        evidence.setNavigationError(netError, false);
    }

    /**
     * Stops a navigation that ran out of time, because the DOM and screenshot captures would
     * otherwise wait until Chromium gives up on it by itself (about 30 s for a TLS handshake).
     * Playwright has no stop call, and {@code window.stop()} waits for the navigation too, so
     * this goes through the DevTools protocol.
     */
    private static void stopLoading(Page page, PageLoad evidence) {
        try {
            CDPSession devtools = page.context().newCDPSession(page);
            devtools.send("Page.stopLoading");
            devtools.detach();
        } catch (PlaywrightException e) {
            log.warn("Could not stop loading {}: {}", evidence.url(), firstLine(e.getMessage()));
        }
    }

    private static void capture(Page page, Path directory, PageLoad evidence, boolean jpeg) {
        page.setDefaultTimeout(CAPTURE_TIMEOUT_MILLIS);
        evidence.setFinalUrl(page.url());
        // After a network error the page is Chromium's own error page: keep its DOM and screenshot as
        // evidence, but its title and text are not the site's.
        boolean errorPage = evidence.navigationError() != null && !evidence.timedOut();
        if (errorPage) {
            waitForErrorPage(page);
        }
        try {
            if (!errorPage) {
                evidence.setTitle(page.title());
                Object length = page.evaluate("() => document.body ? document.body.innerText.length : 0");
                evidence.setVisibleTextLength(length instanceof Number number ? number.intValue() : null);
            }
            Path dom = directory.resolve("dom.html");
            Files.writeString(dom, contentOnceSettled(page), StandardCharsets.UTF_8);
            evidence.addFile(PageLoad.DOM, dom);
        } catch (PlaywrightException | IOException e) {
            log.warn("Could not capture the DOM of {}: {}", evidence.url(), firstLine(e.getMessage()));
        }
        try {
            Path screenshot = directory.resolve(jpeg ? "screenshot.jpg" : "screenshot.png");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true)
                    .setType(jpeg ? ScreenshotType.JPEG : ScreenshotType.PNG).setTimeout(CAPTURE_TIMEOUT_MILLIS));
            evidence.addFile(PageLoad.SCREENSHOT, screenshot);
        } catch (PlaywrightException e) {
            log.warn("Could not take a screenshot of {}: {}", evidence.url(), firstLine(e.getMessage()));
        }
    }

    /**
     * Returns the page's DOM, retrying for a short while when Chromium is still swapping in its own
     * error page, because Playwright refuses to read a page that is navigating.
     */
    private static String contentOnceSettled(Page page) {
        long deadline = System.nanoTime() + ERROR_PAGE_MILLIS * 1_000_000L;
        while (true) {
            try {
                return page.content();
            } catch (PlaywrightException e) {
                if (!String.valueOf(e.getMessage()).contains("is navigating") || System.nanoTime() > deadline) {
                    throw e;
                }
                page.waitForTimeout(100);
            }
        }
    }

    /** Waits briefly until Chromium's error page has loaded, since reading a page that is still navigating fails. */
    private static void waitForErrorPage(Page page) {
        try {
            page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(ERROR_PAGE_MILLIS));
        } catch (PlaywrightException e) {
            log.debug("Chromium's error page did not finish loading: {}", firstLine(e.getMessage()));
        }
    }

    private static void closeContext(BrowserContext context, Path har, PageLoad evidence) {
        if (context == null) {
            return;
        }
        try {
            evidence.setCookieNames(context.cookies().stream().map(cookie -> cookie.name).distinct().toList());
        } catch (PlaywrightException e) {
            log.debug("Could not read the cookies of {}: {}", evidence.url(), firstLine(e.getMessage()));
        }
        try {
            context.close();
        } catch (PlaywrightException e) {
            log.warn("Closing the browser context of {} failed: {}", evidence.url(), firstLine(e.getMessage()));
        }
        log.debug("Closed the context of {}", evidence.url());
        if (Files.exists(har)) {
            evidence.addFile(PageLoad.HAR, har);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        // Playwright's errors start with "Error {" and carry the text in a message='...' line.
        int quoted = message.indexOf("message='");
        if (quoted >= 0) {
            message = message.substring(quoted + "message='".length());
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
            log.info("Stopped {}", description);
        }
    }
}
