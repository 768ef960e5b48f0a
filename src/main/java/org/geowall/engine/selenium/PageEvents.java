package org.geowall.engine.selenium;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.geowall.capture.ConsoleMessage;
import org.geowall.capture.FailedRequest;
import org.geowall.capture.PageLoad;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.bidi.HasBiDi;
import org.openqa.selenium.bidi.log.BaseLogEntry;
import org.openqa.selenium.bidi.log.ConsoleLogEntry;
import org.openqa.selenium.bidi.log.StackFrame;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.FetchError;
import org.openqa.selenium.bidi.network.RequestData;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's JavaScript and network events of one browser session: console messages, uncaught
 * errors, requests and failed requests through WebDriver BiDi. Where the session has no BiDi,
 * console messages and errors come from the classic browser log instead, and failed requests
 * from the HAR.
 */
final class PageEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PageEvents.class);

    private static final long POLL_MILLIS = 50;

    private final PageLoad evidence;
    private final List<FailedRequest> failedRequests = new ArrayList<>();
    private final Set<String> requestsInFlight = new HashSet<>();
    private long lastNetworkEventNanos = System.nanoTime();
    private LogInspector logInspector;
    private Network network;

    private PageEvents(PageLoad evidence) {
        this.evidence = evidence;
    }

    /** Subscribes to the session's events before the navigation starts. */
    static PageEvents attach(WebDriver driver, PageLoad evidence) {
        PageEvents events = new PageEvents(evidence);
        if (!(driver instanceof HasBiDi bidi) || bidi.maybeGetBiDi().isEmpty()) {
            log.info("No WebDriver BiDi in this session; reading the browser log for {}", evidence.url());
            return events;
        }
        try {
            events.subscribe(driver);
        } catch (WebDriverException e) {
            log.warn("WebDriver BiDi subscription failed for {}; reading the browser log: {}", evidence.url(),
                    e.getMessage());
            events.close();
            events.logInspector = null;
            events.network = null;
        }
        return events;
    }

    private void subscribe(WebDriver driver) {
        logInspector = new LogInspector(driver);
        logInspector.onConsoleEntry(entry -> evidence.addConsoleMessage(
                new ConsoleMessage(consoleType(entry.getMethod()), entry.getText(), location(entry))));
        logInspector.onJavaScriptException(entry -> evidence.addPageError(entry.getText()));
        network = new Network(driver);
        network.onBeforeRequestSent(sent -> {
            evidence.countRequest(hostOf(sent.getRequest().getUrl()));
            started(sent.getRequest().getRequestId());
        });
        network.onResponseCompleted(response -> ended(response.getRequest().getRequestId()));
        network.onFetchError(this::addFailure);
    }

    private void started(String requestId) {
        synchronized (requestsInFlight) {
            requestsInFlight.add(requestId);
            lastNetworkEventNanos = System.nanoTime();
        }
    }

    private void ended(String requestId) {
        synchronized (requestsInFlight) {
            requestsInFlight.remove(requestId);
            lastNetworkEventNanos = System.nanoTime();
        }
    }

    /**
     * Waits until the page has had no request in flight for {@code quiet}, or the budget has
     * passed, as Playwright's {@code networkidle} does (500 ms there).
     *
     * @return true when the page went quiet within the budget
     */
    boolean awaitNetworkIdle(Duration quiet, Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (requestsInFlight) {
                if (requestsInFlight.isEmpty() && System.nanoTime() - lastNetworkEventNanos >= quiet.toNanos()) {
                    return true;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    private void addFailure(FetchError error) {
        RequestData request = error.getRequest();
        ended(request.getRequestId());
        synchronized (failedRequests) {
            failedRequests.add(new FailedRequest(request.getUrl(), request.getMethod(), resourceType(request),
                    errorText(error.getErrorText())));
        }
    }

    /**
     * Returns the browser's error text without the JSON quotes that Selenium 4.52 leaves around
     * it, such as {@code net::ERR_CONNECTION_RESET}.
     */
    static String errorText(String text) {
        if (text != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** Returns true when BiDi delivers this session's events. */
    boolean usesBiDi() {
        return network != null;
    }

    /** Returns the requests that failed, with the browser's own error text. */
    List<FailedRequest> failedRequests() {
        synchronized (failedRequests) {
            return List.copyOf(failedRequests);
        }
    }

    /**
     * Reads console messages and uncaught errors from the classic browser log, where BiDi is missing.
     * NOTE: no test runs this path, because chromedriver 156 and Selenium Grid 4.47 both offer BiDi.
     */
    void readBrowserLog(WebDriver driver) {
        if (usesBiDi()) {
            return;
        }
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                addLogEntry(entry);
            }
        } catch (WebDriverException e) {
            log.warn("Could not read the browser log of {}: {}", evidence.url(), e.getMessage());
        }
    }

    private void addLogEntry(LogEntry entry) {
        String message = entry.getMessage();
        if (entry.getLevel() == Level.SEVERE && message.contains("Uncaught")) {
            evidence.addPageError(message);
            return;
        }
        String type = entry.getLevel() == Level.SEVERE ? "error"
                : entry.getLevel() == Level.WARNING ? "warning" : "log";
        evidence.addConsoleMessage(new ConsoleMessage(type, message, ""));
    }

    /** Returns Playwright's name for a console method: {@code warning} for {@code console.warn}. */
    static String consoleType(String method) {
        return "warn".equals(method) ? "warning" : method;
    }

    private static String location(BaseLogEntry entry) {
        if (entry.getStackTrace() == null || entry.getStackTrace().getCallFrames().isEmpty()) {
            return entry instanceof ConsoleLogEntry ? "" : null;
        }
        StackFrame frame = entry.getStackTrace().getCallFrames().get(0);
        return frame.getUrl() + ":" + frame.getLineNumber() + ":" + frame.getColumnNumber();
    }

    /** Returns Playwright's resource type for a BiDi request, such as {@code stylesheet} or {@code fetch}. */
    static String resourceType(RequestData request) {
        String destination = request.getDestination() == null ? "" : request.getDestination();
        String initiator = request.getInitiatorType() == null ? "" : request.getInitiatorType();
        return switch (destination) {
            case "document", "iframe", "frame" -> "document";
            case "style" -> "stylesheet";
            case "script", "image", "font", "manifest" -> destination;
            case "" -> switch (initiator) {
                case "fetch" -> "fetch";
                case "xmlhttprequest" -> "xhr";
                default -> "other";
            };
            default -> "other";
        };
    }

    @Override
    public void close() {
        try {
            if (logInspector != null) {
                logInspector.close();
            }
            if (network != null) {
                network.close();
            }
        } catch (WebDriverException e) {
            log.debug("Closing the BiDi subscriptions of {} failed: {}", evidence.url(), e.getMessage());
        }
    }

    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
