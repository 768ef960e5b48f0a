package org.geowall.report;

import java.time.Instant;
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
        ResultLine.Navigation navigation = new ResultLine.Navigation(null, false, 200, url, "title", 100, 3, 0, 0, 0);
        return new ResultLine(ResultLine.SCHEMA_VERSION, "20261201-100000-test", hostOf(url), url, "A site",
                "Beijing", "provincial", vantage, vantage, control, "playwright/chromium 156.0.8078.73", 1, started,
                started.plusMillis(900), 900, verdict, "rule_" + verdict.id(), detail,
                navigation, new ProbeResult(true, 200, null, null), evidence);
    }

    private static String hostOf(String url) {
        return java.net.URI.create(url).getHost();
    }
}
