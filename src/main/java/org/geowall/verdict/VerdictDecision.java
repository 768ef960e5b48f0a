package org.geowall.verdict;

/**
 * A verdict with its evidence: the rule that fired and what it saw (an error code, a status, a
 * proxy error header).
 */
public record VerdictDecision(Verdict verdict, String rule, String detail) {
}
