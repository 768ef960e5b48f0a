package org.geowall.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geowall.probe.ProbeResult;
import org.geowall.verdict.Verdict;

/** Result lines for tests, with the fields the report code reads. */
public final class SampleResults {

    private SampleResults() {
    }

    public static ResultLine line(String url, String vantage, boolean control, Verdict verdict, String detail,
                                  Map<String, String> evidence) {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        ResultLine.Navigation navigation = new ResultLine.Navigation(null, false, null, 200, Map.of(), List.of(), url,
                "title", 100, null, 3, Map.of(), 0, 0, 0, null, List.of(), null);
        return new ResultLine(ResultLine.SCHEMA_VERSION, "20261201-100000-test", hostOf(url), url, "A site",
                "Beijing", "provincial", vantage, vantage, control, "playwright/chromium 156.0.8078.73", 1, started,
                started.plusMillis(900), 900, verdict, "rule_" + verdict.id(), detail, "unknown", verdict,
                "probe_status", navigation, new ProbeResult(true, 200, null, null, null, 200, Map.of(), List.of(), url,
                        0L, false, null, null, null, null, null, 0), evidence);
    }

    /** Returns a line of one attempt of a pair, with no evidence files. */
    public static ResultLine attempt(String url, String vantage, boolean control, Verdict verdict, int attempt,
                                     boolean timedOut) {
        ResultLine base = line(url, vantage, control, verdict, "detail of attempt " + attempt, Map.of());
        ResultLine.Navigation n = base.navigation();
        ResultLine.Navigation navigation = new ResultLine.Navigation(timedOut ? "timeout" : null, timedOut,
                timedOut ? "first_byte" : null, n.mainStatus(), n.mainHeaders(), n.redirectChain(), n.finalUrl(),
                n.title(), n.visibleTextLength(), n.timings(), n.requests(), n.requestsByHost(), n.failedRequests(),
                n.consoleMessages(), n.pageErrors(), n.exit(), n.cookieNames(), n.harnessError());
        return new ResultLine(base.schemaVersion(), base.runId(), base.site(), base.url(), base.name(),
                base.province(), base.level(), base.vantage(), base.country(), base.control(), base.driver(), attempt,
                base.startedAt(), base.finishedAt(), base.durationMs(), verdict, base.verdictRule(),
                base.verdictDetail(), verdict == Verdict.ACCESSIBLE ? "false" : "true", base.probeVerdict(),
                base.probeVerdictRule(), navigation, base.probe(), base.evidence());
    }

    private static String hostOf(String url) {
        return java.net.URI.create(url).getHost();
    }
}
