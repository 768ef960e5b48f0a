package org.geowall.engine.selenium;

/**
 * A connection that BrowserMob Proxy could not open for the browser, through the vantage's proxy
 * to a site.
 *
 * @param hostAndPort the site, such as {@code www.gov.cn:443}
 * @param cause       the exception class and message, for the log and the evidence
 * @param netError    the Chromium error code that a browser connected through the vantage's proxy
 *                    itself would have reported, or null when the cause does not tell
 */
record UpstreamFailure(String hostAndPort, String cause, String netError) {
}
