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

    private static String hostOf(String url) {
        return java.net.URI.create(url).getHost();
    }
}
