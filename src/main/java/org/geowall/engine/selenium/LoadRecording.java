package org.geowall.engine.selenium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geowall.capture.FailedRequest;
import org.geowall.capture.PageLoad;
import org.geowall.engine.LoadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns BrowserMob's recording of one load into evidence: the HAR file, the failed requests with
 * the errors the browser would have seen without BrowserMob in between, and the main document's
 * status.
 */
final class LoadRecording {

    private static final Logger log = LoggerFactory.getLogger(LoadRecording.class);

    private final RecordingProxy.Recording recording;
    private final LoadRequest request;
    private final PageLoad evidence;

    LoadRecording(RecordingProxy.Recording recording, LoadRequest request, PageLoad evidence) {
        this.recording = recording;
        this.request = request;
        this.evidence = evidence;
    }

    /**
     * Writes the HAR and completes the evidence.
     *
     * @param browserFailures the failed requests the browser reported, or null where it reported
     *                        none (no BiDi), so that they come from BrowserMob's failed entries
     */
    void finish(List<FailedRequest> browserFailures) {
        if (recording.har() == null) {
            return;
        }
        try {
            HarDocument har = HarDocument.of(recording.har());
            List<FailedRequest> failures = new ArrayList<>();
            for (FailedRequest failure : browserFailures == null ? List.<FailedRequest>of() : browserFailures) {
                failures.add(restoreCause(failure));
            }
            addRecordedFailures(har, failures);
            failures.forEach(evidence::addFailedRequest);
            restoreNavigationCause(har, failures);
            har.markFailures(failures);
            if (evidence.navigationError() == null) {
                evidence.setMainStatus(har.mainStatus(request.url().toString()));
            }
            Path file = request.evidenceDirectory().resolve("page.har");
            har.write(file);
            evidence.addFile(PageLoad.HAR, file);
        } catch (IOException e) {
            log.error("Failed to write the HAR of {} through {}", request.url(), request.proxy(), e);
        }
    }

    private FailedRequest restoreCause(FailedRequest failure) {
        String cause = upstreamCause(failure.url(), failure.failure());
        return cause == null ? failure
                : new FailedRequest(failure.url(), failure.method(), failure.resourceType(), cause);
    }

    /**
     * Restores the navigation error the browser would have seen without BrowserMob: the cause
     * behind a failed tunnel, or the failure behind BrowserMob's own 502 page for the document.
     */
    private void restoreNavigationCause(HarDocument har, List<FailedRequest> failures) {
        String browserError = evidence.navigationError();
        String cause = browserError == null ? proxyPageCause(har, failures)
                : upstreamCause(request.url().toString(), browserError);
        if (cause == null) {
            return;
        }
        log.debug("{}: the browser saw {}, the upstream connection failed with {}", request.url(),
                browserError == null ? "BrowserMob's 502 page" : browserError, cause);
        evidence.setNavigationError(cause, false);
    }

    /** Returns the failure of the navigation's last document when BrowserMob recorded no response for it. */
    private String proxyPageCause(HarDocument har, List<FailedRequest> failures) {
        List<ObjectNode> chain = har.navigationChain(request.url().toString());
        if (chain.isEmpty()) {
            return null;
        }
        JsonNode last = chain.get(chain.size() - 1);
        if (last.path("response").path("status").asInt(0) > 0) {
            return null;
        }
        String lastUrl = HarDocument.normalize(last.path("request").path("url").asText());
        return failures.stream().filter(failure -> HarDocument.normalize(failure.url()).equals(lastUrl))
                .map(FailedRequest::failure).findFirst().orElse(null);
    }

    /**
     * Returns the cause of the upstream failure behind a failed tunnel to the URL's host, or null
     * when the browser's own error is to be kept.
     */
    private String upstreamCause(String url, String browserError) {
        if (!UpstreamErrors.TUNNEL_FAILED.equals(browserError)) {
            return null;
        }
        String target = hostAndPort(url);
        String cause = null;
        for (UpstreamFailure failure : recording.failures()) {
            if (failure.hostAndPort().equalsIgnoreCase(target) && failure.netError() != null) {
                cause = failure.netError();
            }
        }
        return cause;
    }

    static String hostAndPort(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * Adds the requests that BrowserMob recorded without a response and the browser did not
     * report as failed. That happens without BiDi, and where BrowserMob sent its own 502 page.
     */
    private void addRecordedFailures(HarDocument har, List<FailedRequest> failures) {
        for (JsonNode entry : har.entries()) {
            JsonNode response = entry.path("response");
            String error = response.path("_error").asText("");
            String url = entry.path("request").path("url").asText();
            if (response.path("status").asInt(0) > 0 || error.isEmpty() || reported(failures, url)) {
                continue;
            }
            String cause = upstreamCause(url, UpstreamErrors.TUNNEL_FAILED);
            failures.add(new FailedRequest(url, entry.path("request").path("method").asText(), "other",
                    cause == null ? UpstreamErrors.fromRecordedError(error) : cause));
        }
    }

    private static boolean reported(List<FailedRequest> failures, String url) {
        String wanted = HarDocument.normalize(url);
        return failures.stream().anyMatch(failure -> HarDocument.normalize(failure.url()).equals(wanted));
    }
}
