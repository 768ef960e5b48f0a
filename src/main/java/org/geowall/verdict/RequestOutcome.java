package org.geowall.verdict;

/**
 * How one request of a page ended, from the HAR: a status, or a network failure such as
 * {@code net::ERR_CONNECTION_RESET} (status 0 or -1).
 */
public record RequestOutcome(String url, String resourceType, int status, String failure, String mimeType) {

    /** Returns true when the request got no usable response: a network failure or an HTTP error status. */
    public boolean problem() {
        return failure != null || status <= 0 || status >= 400;
    }

    /** Returns true for requests that fetch data for scripts (fetch, XHR, JSON) rather than page resources. */
    public boolean dataRequest() {
        String type = resourceType == null ? "" : resourceType;
        String mime = mimeType == null ? "" : mimeType;
        return type.equals("fetch") || type.equals("xhr") || mime.contains("json");
    }

    /** Returns the URL without query and fragment, for comparing requests across vantages. */
    public String key() {
        int end = url.length();
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query >= 0) {
            end = Math.min(end, query);
        }
        if (fragment >= 0) {
            end = Math.min(end, fragment);
        }
        return url.substring(0, end);
    }
}
