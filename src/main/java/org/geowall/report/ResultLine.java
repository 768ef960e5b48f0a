package org.geowall.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geowall.capture.PageLoad;
import org.geowall.capture.PhaseTimings;
import org.geowall.probe.ProbeResult;
import org.geowall.verdict.Verdict;

/**
 * One line of {@code results.jsonl}: one page load of one site through one vantage. Evidence
 * paths are relative to the run folder. Field names are written in snake_case.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultLine(
        int schemaVersion,
        String runId,
        String site,
        String url,
        String name,
        String province,
        String level,
        String vantage,
        String country,
        boolean control,
        String driver,
        int attempt,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        Verdict verdict,
        String verdictRule,
        String verdictDetail,
        String geoBlocked,
        Verdict probeVerdict,
        String probeVerdictRule,
        Navigation navigation,
        ProbeResult probe,
        Map<String, String> evidence) {

    /** The version of this line's layout; it changes when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    /** The outcome of the main navigation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Navigation(String error, boolean timedOut, String timeoutPhase, Integer mainStatus,
                             Map<String, String> mainHeaders, List<PageLoad.RedirectHop> redirectChain,
                             String finalUrl, String title, Integer visibleTextLength, PhaseTimings timings,
                             int requests, Map<String, Integer> requestsByHost, int failedRequests,
                             int consoleMessages, int pageErrors, String exit, List<String> cookieNames,
                             String harnessError) {
    }
}
