package org.geowall.engine.selenium;

import com.fasterxml.jackson.databind.JsonNode;
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
            List<FailedRequest> failures = browserFailures == null ? recordedFailures(har) : browserFailures;
            for (FailedRequest failure : failures) {
                evidence.addFailedRequest(restoreCause(failure));
            }
            restoreNavigationCause();
            har.markFailures(evidence.failedRequests());
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

    private void restoreNavigationCause() {
        String cause = upstreamCause(request.url().toString(), evidence.navigationError());
        if (cause != null) {
            log.debug("{}: the browser saw {}, the upstream connection failed with {}", request.url(),
                    evidence.navigationError(), cause);
            evidence.setNavigationError(cause, false);
        }
    }

    /**
     * Returns the cause of the upstream failure behind a failed tunnel to the URL's host, or null
     * when the browser's error stands.
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

    /** Returns the requests that BrowserMob recorded as failed, for sessions without BiDi. */
    private static List<FailedRequest> recordedFailures(HarDocument har) {
        List<FailedRequest> failures = new ArrayList<>();
        for (JsonNode entry : har.entries()) {
            JsonNode response = entry.path("response");
            String error = response.path("_error").asText("");
            if (response.path("status").asInt(0) <= 0 && !error.isEmpty()) {
                JsonNode httpRequest = entry.path("request");
                failures.add(new FailedRequest(httpRequest.path("url").asText(), httpRequest.path("method").asText(),
                        "other", "net::ERR_FAILED (" + error + ")"));
            }
        }
        return failures;
    }
}
