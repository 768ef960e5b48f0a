package org.geowall.verdict;

import java.util.List;
import java.util.Map;
import org.geowall.probe.ProbeResult;

/**
 * Everything the classifier reads about one load, taken from stored evidence, so that verdicts
 * can be recomputed from an old run without a browser.
 *
 * @param url               the URL measured
 * @param harnessError      what went wrong in the harness, or null
 * @param navigationError   the navigation's error (a {@code net::ERR_*} code or a timeout), or null
 * @param timedOut          whether the navigation ran out of its budget
 * @param timeoutPhase      the phase a timed-out load was stuck in, or null
 * @param mainStatus        the main document's status, or null
 * @param mainHeaders       the main document's headers, names in lower case
 * @param finalUrl          the page's URL at the end of the load
 * @param httpRedirects     how many HTTP redirects the main document followed
 * @param title             the page title
 * @param visibleTextLength characters of visible text
 * @param dom               the final DOM, or an empty string
 * @param cookieNames       names of the cookies the page had at the end of the load
 * @param requests          how each request of the page ended, from the HAR
 * @param probe             the plain probe's result
 * @param probeBody         the plain probe's decoded body, or null
 */
public record LoadEvidence(String url, String harnessError, String navigationError, boolean timedOut,
                           String timeoutPhase, Integer mainStatus, Map<String, String> mainHeaders, String finalUrl,
                           int httpRedirects, String title, Integer visibleTextLength, String dom, List<String> cookieNames,
                           List<RequestOutcome> requests, ProbeResult probe, String probeBody) {
}
