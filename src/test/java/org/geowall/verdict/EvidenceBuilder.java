package org.geowall.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geowall.probe.ProbeResult;

/** Builds {@link LoadEvidence} for classifier tests, starting from an ordinary rendered page. */
final class EvidenceBuilder {

    private String url = "https://www.gov.cn/";
    private String harnessError;
    private String navigationError;
    private boolean timedOut;
    private String timeoutPhase;
    private Integer mainStatus = 200;
    private Map<String, String> headers = Map.of("content-type", "text/html");
    private String finalUrl = "https://www.gov.cn/";
    private int httpRedirects;
    private String title = "中国政府网";
    private Integer visibleText = 800;
    private String dom = "<html><head><title>中国政府网</title></head><body>政务公开</body></html>";
    private List<String> cookies = List.of();
    private final List<RequestOutcome> requests = new ArrayList<>(
            List.of(new RequestOutcome("https://www.gov.cn/", "document", 200, null, "text/html")));
    private ProbeResult probe = probe(200, null);

    static ProbeResult probe(int connectStatus, String proxyError) {
        return new ProbeResult(true, connectStatus, proxyError, null, null, null, null, List.of(), null, null, null,
                null, null, null, null, null, 0);
    }

    EvidenceBuilder failed(String error) {
        navigationError = error;
        mainStatus = null;
        return this;
    }

    EvidenceBuilder timedOut(String phase) {
        navigationError = "timeout: no load event within 8000 ms";
        timedOut = true;
        timeoutPhase = phase;
        mainStatus = null;
        return this;
    }

    EvidenceBuilder harnessError(String error) {
        harnessError = error;
        return this;
    }

    EvidenceBuilder status(int status) {
        mainStatus = status;
        return this;
    }

    EvidenceBuilder dom(String html) {
        dom = html;
        return this;
    }

    EvidenceBuilder title(String text) {
        title = text;
        return this;
    }

    EvidenceBuilder cookies(String... names) {
        cookies = List.of(names);
        return this;
    }

    EvidenceBuilder finalUrl(String url) {
        finalUrl = url;
        return this;
    }

    EvidenceBuilder httpRedirects(int count) {
        httpRedirects = count;
        return this;
    }

    EvidenceBuilder visibleText(int characters) {
        visibleText = characters;
        return this;
    }

    EvidenceBuilder request(String requestUrl, String type, int status, String failure, String mime) {
        requests.add(new RequestOutcome(requestUrl, type, status, failure, mime));
        return this;
    }

    EvidenceBuilder probe(ProbeResult result) {
        probe = result;
        return this;
    }

    LoadEvidence build() {
        return new LoadEvidence(url, harnessError, navigationError, timedOut, timeoutPhase, mainStatus, headers,
                finalUrl, httpRedirects, title, visibleText, dom, cookies, requests, probe, null);
    }
}
