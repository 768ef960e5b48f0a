package org.geowall.report.allure;

import org.geowall.probe.ProbeResult;
import org.geowall.report.ResultLine;
import org.geowall.verdict.RepeatConsensus;

/**
 * The one-line status message of a load in the report: the verdict, the rule that fired with its
 * detail, and the plain probe's result, as in
 * {@code block_page: main_document_status (HTTP 403); probe: proxy status 200}.
 * The message starts with the verdict id and a colon, which the report's categories match on.
 * It leaves out the site and vantage, so the Categories tab groups loads with the same evidence.
 * Allure 2.34 shows a status message and trace as HTML, so the message is HTML-escaped: detail
 * that a site controls, such as an error header in its response, cannot add markup to the report.
 */
public final class OutcomeMessage {

    private static final int MAX_DETAIL_LENGTH = 300;

    private OutcomeMessage() {
    }

    /** Returns the message of a result line, HTML-escaped. */
    public static String of(ResultLine line) {
        return escapeHtml(line.verdict().id() + ": " + line.verdictRule() + " (" + oneLine(line.verdictDetail())
                + "); probe: " + probe(line.probe()));
    }

    /**
     * Returns the message of a pair judged by the consensus of its attempts: the message of the
     * attempt shown, then, when there was more than one attempt, the votes and whether they disagreed.
     */
    public static String of(ResultLine shown, RepeatConsensus.Outcome consensus) {
        if (consensus.attempts() <= 1) {
            return of(shown);
        }
        StringBuilder votes = new StringBuilder();
        consensus.votes().forEach((verdict, count) -> votes.append(votes.length() == 0 ? "" : ", ")
                .append(verdict.id()).append(' ').append(count));
        String repeats = String.format(java.util.Locale.ROOT, "; %d attempts (%s), confidence %.2f%s",
                consensus.attempts(), votes, consensus.confidence(), consensus.flaky() ? ", flaky" : "");
        return of(shown) + escapeHtml(repeats);
    }

    /** Replaces the five characters that HTML gives a meaning with their character references. */
    static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Returns the plain probe's result in a few words. */
    static String probe(ProbeResult probe) {
        if (probe == null) {
            return "not run";
        }
        if (!probe.proxyReached()) {
            return "proxy unreachable (" + oneLine(probe.error()) + ")";
        }
        StringBuilder text = new StringBuilder();
        if (probe.connectStatus() != null) {
            text.append("CONNECT ").append(probe.connectStatus()).append(", ");
        }
        text.append("HTTP ").append(probe.status() == null ? "none" : probe.status());
        if (probe.proxyError() != null) {
            text.append(", error header ").append(oneLine(probe.proxyError()));
        }
        if (probe.error() != null) {
            text.append(", ").append(oneLine(probe.error()));
        }
        return text.toString();
    }

    /** Joins the lines of a text and cuts it to a length that fits a status line. */
    static String oneLine(String text) {
        if (text == null) {
            return "none";
        }
        String joined = text.replaceAll("\\s+", " ").trim();
        return joined.length() <= MAX_DETAIL_LENGTH ? joined : joined.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
}
