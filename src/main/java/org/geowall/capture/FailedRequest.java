package org.geowall.capture;

/**
 * A request that got no response, with the browser's error text, such as {@code net::ERR_CONNECTION_RESET}.
 */
public record FailedRequest(String url, String method, String resourceType, String failure) {
}
