package org.geowall.verdict;

import java.util.List;
import java.util.Map;

/**
 * One response as signatures see it, from the browser's evidence or from the plain probe's.
 *
 * @param status      the HTTP status, or null
 * @param headers     header fields, names in lower case
 * @param title       the page title, or null
 * @param text        the decoded body or the rendered DOM
 * @param scripts     the {@code src} of each script element
 * @param cookieNames the names of cookies the response or its script set
 */
public record ResponseView(Integer status, Map<String, String> headers, String title, String text,
                           List<String> scripts, List<String> cookieNames) {
}
