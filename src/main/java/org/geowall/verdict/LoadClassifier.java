package org.geowall.verdict;

import java.util.Map;
import org.geowall.probe.ProbeResult;

/**
 * Gives one page load a verdict from its own evidence and the plain probe's result, before the
 * comparison with the control vantage. The rules run in the numbered order below; the first that
 * matches decides.
 */
public final class LoadClassifier {

    /** Chromium's error codes and the verdicts they stand for. */
    private static final Map<String, Verdict> NET_ERRORS = Map.ofEntries(
            Map.entry("net::ERR_CONNECTION_RESET", Verdict.CONNECTION_RESET),
            Map.entry("net::ERR_CONNECTION_CLOSED", Verdict.CONNECTION_RESET),
            Map.entry("net::ERR_EMPTY_RESPONSE", Verdict.CONNECTION_RESET),
            Map.entry("net::ERR_CONNECTION_ABORTED", Verdict.CONNECTION_RESET),
            Map.entry("net::ERR_CONNECTION_REFUSED", Verdict.CONNECTION_REFUSED),
            Map.entry("net::ERR_NAME_NOT_RESOLVED", Verdict.DNS_FAILURE),
            Map.entry("net::ERR_NAME_RESOLUTION_FAILED", Verdict.DNS_FAILURE),
            Map.entry("net::ERR_TIMED_OUT", Verdict.TIMEOUT),
            Map.entry("net::ERR_CONNECTION_TIMED_OUT", Verdict.TIMEOUT),
            Map.entry("net::ERR_PROXY_CONNECTION_FAILED", Verdict.PROXY_ERROR),
            Map.entry("net::ERR_PROXY_AUTH_UNSUPPORTED", Verdict.PROXY_ERROR),
            Map.entry("net::ERR_INVALID_AUTH_CREDENTIALS", Verdict.PROXY_ERROR),
            Map.entry("net::ERR_HTTP_RESPONSE_CODE_FAILURE", Verdict.PROXY_ERROR),
            Map.entry("net::ERR_NO_SUPPORTED_PROXIES", Verdict.PROXY_ERROR));

    /** Proxy error header values (residential-proxy gateway style) and the verdicts they stand for. */
    private static final Map<String, Verdict> PROXY_ERRORS = Map.ofEntries(
            Map.entry("dns_nxdomain", Verdict.DNS_FAILURE),
            Map.entry("dns_servfail", Verdict.DNS_FAILURE),
            Map.entry("dns_no_answer", Verdict.DNS_FAILURE),
            Map.entry("connection_refused", Verdict.CONNECTION_REFUSED),
            Map.entry("connection_reset", Verdict.CONNECTION_RESET),
            Map.entry("connect_timeout", Verdict.TIMEOUT),
            Map.entry("tls_failure", Verdict.TLS_FAILURE));

    private LoadClassifier() {
    }

    /** Classifies a load from its own evidence and the plain probe's, with the given signatures. */
    public static VerdictDecision classify(LoadEvidence load, SignatureSet signatures) {
        // 1. The harness itself failed: the load tells nothing about the site.
        if (load.harnessError() != null) {
            return new VerdictDecision(Verdict.HARNESS_ERROR, "harness_error", load.harnessError());
        }
        String error = load.navigationError();
        if (error != null) {
            return classifyFailure(load, error, load.probe());
        }
        // 6. A signature of a block page, WAF or challenge wall on the rendered page.
        ResponseView view = Views.ofBrowser(load);
        VerdictDecision bySignature = bySignature(signatures, view);
        if (bySignature != null) {
            return bySignature;
        }
        // 7. A denial status on the main document is an explicit block page.
        Integer status = load.mainStatus();
        if (status != null && status >= 400) {
            return new VerdictDecision(Verdict.BLOCK_PAGE, "main_document_status", "HTTP " + status);
        }
        // 8. Nothing on this load points to a block; the control comparison may still find one.
        return new VerdictDecision(Verdict.ACCESSIBLE, "rendered", "HTTP " + status);
    }

    /** Returns the verdict of the first matching signature, or null when none matches (or a false positive does). */
    static VerdictDecision bySignature(SignatureSet signatures, ResponseView view) {
        return signatures.match(view)
                .filter(hit -> !hit.falsePositive())
                .map(hit -> new VerdictDecision(hit.signature().verdict(), "signature:" + hit.signature().id(),
                        hit.signature().vendor()))
                .orElse(null);
    }

    private static VerdictDecision classifyFailure(LoadEvidence load, String error, ProbeResult probe) {
        // 2. The navigation ran out of time. The browser names the phase from the step that ran out or from its
        // timings. Where it cannot, the verdict uses the probe's phase.
        if (load.timedOut()) {
            String phase = load.timeoutPhase() != null ? load.timeoutPhase() : Views.probePhase(probe);
            return new VerdictDecision(Verdict.TIMEOUT, "navigation_timeout", error + "; phase " + phase);
        }
        // 3. The tunnel failed: only the proxy's own response, read by the probe, names the cause.
        if (error.equals("net::ERR_TUNNEL_CONNECTION_FAILED")) {
            return classifyTunnelFailure(error, probe);
        }
        // 4. A network error code that names its cause.
        Verdict verdict = NET_ERRORS.get(error);
        if (verdict != null) {
            return new VerdictDecision(verdict, "navigation_error", error);
        }
        if (error.startsWith("net::ERR_SSL_") || error.startsWith("net::ERR_CERT_")) {
            return new VerdictDecision(Verdict.TLS_FAILURE, "navigation_error", error);
        }
        // 5. An error this classifier does not know: kept as a harness error for review.
        return new VerdictDecision(Verdict.HARNESS_ERROR, "unknown_navigation_error", error);
    }

    /** Returns the verdict a provider's error header value stands for, or null for an unknown value. */
    static Verdict proxyErrorVerdict(String proxyError) {
        return PROXY_ERRORS.get(proxyError);
    }

    private static VerdictDecision classifyTunnelFailure(String error, ProbeResult probe) {
        if (probe == null || !probe.proxyReached()) {
            String why = probe == null ? "no probe" : probe.error();
            return new VerdictDecision(Verdict.PROXY_ERROR, "proxy_unreachable", error + "; probe: " + why);
        }
        if (probe.connectStatus() == null && "timeout".equals(probe.error())) {
            return new VerdictDecision(Verdict.TIMEOUT, "tunnel_timeout",
                    error + "; probe: no answer to CONNECT within its budget; phase connect");
        }
        if (probe.connectStatus() != null && probe.connectStatus() == 407) {
            return new VerdictDecision(Verdict.PROXY_ERROR, "proxy_authentication", error + "; probe: HTTP 407");
        }
        Verdict verdict = probe.proxyError() == null ? null : PROXY_ERRORS.get(probe.proxyError());
        if (verdict == null) {
            return new VerdictDecision(Verdict.PROXY_ERROR, "tunnel_failed_without_cause",
                    error + "; probe: HTTP " + probe.connectStatus() + ", error header " + probe.proxyError());
        }
        return new VerdictDecision(verdict, "proxy_error_header",
                error + "; probe: HTTP " + probe.connectStatus() + " " + probe.proxyError());
    }
}
