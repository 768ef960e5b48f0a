package org.geowall.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.geowall.verdict.Verdict;

/**
 * One line of {@code verdicts.jsonl}: the consensus of every attempt of one site through one
 * vantage. The rule, detail, {@code geo_blocked} and probe verdict are those of the first attempt
 * that got the consensus verdict, whose number is {@code evidence_attempt}.
 *
 * @param votes        attempts per verdict id, every attempt counted
 * @param confidence   the consensus verdict's share of the attempts that counted (proxy and harness
 *                     errors count only when every attempt got one)
 * @param flaky        whether the counted attempts disagree
 * @param timeoutCause geo, global or flaky when a load of the pair timed out; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairVerdict(
        int schemaVersion,
        String runId,
        String site,
        String url,
        String vantage,
        String country,
        boolean control,
        Verdict verdict,
        double confidence,
        int attempts,
        Map<String, Integer> votes,
        boolean flaky,
        String timeoutCause,
        String geoBlocked,
        String verdictRule,
        String verdictDetail,
        Verdict probeVerdict,
        int evidenceAttempt) {
}
