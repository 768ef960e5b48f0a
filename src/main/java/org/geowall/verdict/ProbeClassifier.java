package org.geowall.verdict;

import java.util.Map;
import org.geowall.probe.ProbeResult;

/**
 * Gives the plain probe's own verdict, as a plain HTTP measurement would report it, so that
 * results show where a browser and a plain probe disagree.
 */
public final class ProbeClassifier {

    private static final Map<String, Verdict> PROBE_ERRORS = Map.of(
            "connection_reset", Verdict.CONNECTION_RESET,
            "connection_closed", Verdict.CONNECTION_RESET,
            "timeout", Verdict.TIMEOUT,
            "tls_failure", Verdict.TLS_FAILURE);

    private ProbeClassifier() {
    }

    public static VerdictDecision classify(ProbeResult probe, String body, SignatureSet signatures) {
        if (probe == null || !probe.proxyReached()) {
            return new VerdictDecision(Verdict.PROXY_ERROR, "probe_proxy_unreachable",
                    probe == null ? "no probe" : probe.error());
        }
        if (probe.connectStatus() != null && probe.connectStatus() != 200) {
            Verdict verdict = probe.proxyError() == null ? null : LoadClassifier.proxyErrorVerdict(probe.proxyError());
            return verdict == null
                    ? new VerdictDecision(Verdict.PROXY_ERROR, "probe_connect_status", "HTTP " + probe.connectStatus())
                    : new VerdictDecision(verdict, "probe_proxy_error_header", probe.proxyError());
        }
        if (probe.status() == null) {
            Verdict verdict = PROBE_ERRORS.getOrDefault(String.valueOf(probe.error()), Verdict.HARNESS_ERROR);
            return new VerdictDecision(verdict, "probe_error", probe.error());
        }
        VerdictDecision bySignature = LoadClassifier.bySignature(signatures, Views.ofProbe(probe, body));
        if (bySignature != null) {
            return bySignature;
        }
        if (probe.status() >= 400) {
            Verdict verdict = probe.proxyError() == null ? Verdict.BLOCK_PAGE
                    : LoadClassifier.proxyErrorVerdict(probe.proxyError());
            return new VerdictDecision(verdict == null ? Verdict.PROXY_ERROR : verdict, "probe_status",
                    "HTTP " + probe.status());
        }
        return new VerdictDecision(Verdict.ACCESSIBLE, "probe_status", "HTTP " + probe.status());
    }
}
