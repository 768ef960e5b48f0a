package org.geowall.config;

/**
 * One vantage of {@code drivers.yaml}: a country and the proxy that exits there.
 *
 * @param name        a short unique name used in test names and results, such as {@code US}
 * @param country     the ISO 3166-1 alpha-2 code of the exit country
 * @param control     whether this vantage is the control, inside the country whose sites are measured
 * @param proxy       the proxy URL, {@code http://user:password@host:port}; {@code ${NAME}} placeholders
 *                    are replaced from the environment when the vantage is used, never stored
 * @param errorHeader the response header in which the proxy provider names the cause of a failure
 */
public record VantageSettings(String name, String country, Boolean control, String proxy, String errorHeader) {

    public static final String DEFAULT_ERROR_HEADER = "X-Geowall-Proxy-Error";

    public boolean isControl() {
        return Boolean.TRUE.equals(control);
    }

    public String errorHeaderOrDefault() {
        return errorHeader == null || errorHeader.isBlank() ? DEFAULT_ERROR_HEADER : errorHeader;
    }
}
