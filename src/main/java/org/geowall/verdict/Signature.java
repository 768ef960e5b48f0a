package org.geowall.verdict;

import java.util.List;

/**
 * A fingerprint of a block page, WAF or challenge wall. Every condition given must hold; a
 * condition left out is not checked. Patterns are Java regular expressions, matched with
 * {@code find()} on decoded text.
 *
 * @param id      a stable identifier, written into verdict evidence as {@code signature:<id>}
 * @param vendor  who serves the wall, such as {@code Alibaba Cloud WAF}
 * @param verdict the verdict a match gives: {@code block_page}, {@code captcha_wall} or {@code content_blocked}
 * @param match   the conditions
 * @param source  where the fingerprint comes from (a URL, a data set, or {@code geowall})
 * @param notes   free text for reviewers
 */
public record Signature(String id, String vendor, Verdict verdict, Match match, String source, String notes) {

    /**
     * Conditions on one response.
     *
     * @param status a list of status codes, one of which must be the response's
     * @param header a header whose value must match
     * @param cookie a pattern one cookie name set by the response (or by its script) must match
     * @param title  a pattern the page title must match
     * @param body   a pattern the decoded body or DOM text must match
     * @param script a pattern the {@code src} of one script element must match
     */
    public record Match(List<Integer> status, HeaderPattern header, String cookie, String title, String body,
                        String script) {

        /** Returns true when a condition looks at the page itself: its body, title, scripts or cookies. */
        public boolean hasContentCondition() {
            return cookie != null || title != null || body != null || script != null;
        }

        public boolean empty() {
            return header == null && status == null && cookie == null && title == null && body == null
                    && script == null;
        }
    }

    /** A header name (matched without regard to case) and a pattern its value must match. */
    public record HeaderPattern(String name, String pattern) {
    }
}
