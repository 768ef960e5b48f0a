package org.geowall.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence of one page load as an engine collected it. Network failures are data here, never
 * exceptions: {@code navigationError} holds the browser's error text when the navigation failed.
 */
public final class PageLoad {

    /** Evidence file kinds, named as in {@code results.jsonl}. */
    public static final String HAR = "har";
    public static final String SCREENSHOT = "screenshot";
    public static final String DOM = "dom";
    public static final String CONSOLE = "console";
    public static final String PAGE_ERRORS = "page_errors";
    public static final String FAILED_REQUESTS = "failed_requests";
    /** The plain probe's last response body, decoded to UTF-8. */
    public static final String PROBE_BODY = "probe_body";

    private final String url;
    private final Instant startedAt = Instant.now();
    private Instant finishedAt;
    private String finalUrl;
    private String navigationError;
    private boolean timedOut;
    private Integer mainStatus;
    private String title;
    private Integer visibleTextLength;
    private int requestCount;
    private String harnessError;
    private final List<ConsoleMessage> consoleMessages = new ArrayList<>();
    private final List<String> pageErrors = new ArrayList<>();
    private final List<FailedRequest> failedRequests = new ArrayList<>();
    private final Map<String, Path> files = new TreeMap<>();
    private final Map<String, Integer> requestsByHost = new TreeMap<>();
    private Map<String, String> mainHeaders;
    private List<RedirectHop> redirectChain = List.of();
    private PhaseTimings timings;
    private String timeoutPhase;
    private String exit;
    private List<String> cookieNames = List.of();

    /** One response of the main document's redirect chain. */
    public record RedirectHop(String url, int status) {
    }

    public PageLoad(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public void finish() {
        this.finishedAt = Instant.now();
    }

    public String finalUrl() {
        return finalUrl;
    }

    public void setFinalUrl(String finalUrl) {
        this.finalUrl = finalUrl;
    }

    /** Returns the browser's text for a failed navigation, or null when the navigation got a response. */
    public String navigationError() {
        return navigationError;
    }

    public void setNavigationError(String navigationError, boolean timedOut) {
        this.navigationError = navigationError;
        this.timedOut = timedOut;
    }

    /** Returns true when the navigation ran out of its time budget. */
    public boolean timedOut() {
        return timedOut;
    }

    public Integer mainStatus() {
        return mainStatus;
    }

    public void setMainStatus(Integer mainStatus) {
        this.mainStatus = mainStatus;
    }

    public String title() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Integer visibleTextLength() {
        return visibleTextLength;
    }

    public void setVisibleTextLength(Integer visibleTextLength) {
        this.visibleTextLength = visibleTextLength;
    }

    public int requestCount() {
        return requestCount;
    }

    /** Counts a request of the page, by host. */
    public synchronized void countRequest(String host) {
        requestCount++;
        requestsByHost.merge(host == null ? "" : host, 1, Integer::sum);
    }

    public synchronized Map<String, Integer> requestsByHost() {
        return Map.copyOf(requestsByHost);
    }

    /** Returns the main document's response headers (names in lower case), or null when none came. */
    public Map<String, String> mainHeaders() {
        return mainHeaders;
    }

    public void setMainHeaders(Map<String, String> mainHeaders) {
        this.mainHeaders = mainHeaders;
    }

    /** Returns the main document's responses from the first URL to the last, redirects included. */
    public List<RedirectHop> redirectChain() {
        return redirectChain;
    }

    public void setRedirectChain(List<RedirectHop> redirectChain) {
        this.redirectChain = List.copyOf(redirectChain);
    }

    public PhaseTimings timings() {
        return timings;
    }

    public void setTimings(PhaseTimings timings) {
        this.timings = timings;
    }

    /** Returns the phase a timed-out load was stuck in (see {@link PhaseTimings#stuckPhase}), or null. */
    public String timeoutPhase() {
        return timeoutPhase;
    }

    public void setTimeoutPhase(String timeoutPhase) {
        this.timeoutPhase = timeoutPhase;
    }

    /** Returns the proxy exit the load went through, where the site or proxy reveals it, or null. */
    public String exit() {
        return exit;
    }

    public void setExit(String exit) {
        this.exit = exit;
    }

    /** Returns the names of the cookies the browser context held at the end of the load. */
    public List<String> cookieNames() {
        return cookieNames;
    }

    public void setCookieNames(List<String> cookieNames) {
        this.cookieNames = List.copyOf(cookieNames);
    }

    /** Returns what went wrong in the harness itself (browser crash, capture failure), or null. */
    public String harnessError() {
        return harnessError;
    }

    public void setHarnessError(String harnessError) {
        this.harnessError = harnessError;
    }

    public synchronized List<ConsoleMessage> consoleMessages() {
        return List.copyOf(consoleMessages);
    }

    public synchronized void addConsoleMessage(ConsoleMessage message) {
        consoleMessages.add(message);
    }

    public synchronized List<String> pageErrors() {
        return List.copyOf(pageErrors);
    }

    public synchronized void addPageError(String error) {
        pageErrors.add(error);
    }

    public synchronized List<FailedRequest> failedRequests() {
        return List.copyOf(failedRequests);
    }

    public synchronized void addFailedRequest(FailedRequest request) {
        failedRequests.add(request);
    }

    /** Returns the evidence files that exist, by kind. */
    public Map<String, Path> files() {
        return files;
    }

    public void addFile(String kind, Path path) {
        files.put(kind, path);
    }
}
