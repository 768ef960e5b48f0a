package org.geowall.lab;

import java.util.List;
import java.util.Optional;

/** Settings of a lab world. Defaults suit tests and the demo. */
public final class LabOptions {

    private String homeCountry = "CN";
    private List<String> countries = List.of("CN", "US", "DE", "JP");
    private boolean authentication = true;
    private String password;
    private String errorHeader = "X-Geowall-Proxy-Error";
    private int connectTimeoutMillis = 5_000;

    /** Sets the country whose sites are measured; its vantage is the control. Defaults to CN. */
    public LabOptions setHomeCountry(String homeCountry) {
        this.homeCountry = homeCountry;
        return this;
    }

    /** Sets the countries that get a proxy. Defaults to CN, US, DE and JP. */
    public LabOptions setCountries(List<String> countries) {
        this.countries = List.copyOf(countries);
        return this;
    }

    /** Turns Basic authentication on the proxies on or off. Defaults to on. */
    public LabOptions setAuthentication(boolean authentication) {
        this.authentication = authentication;
        return this;
    }

    /** Sets the proxies' password. Defaults to a random one per proxy. */
    public LabOptions setPassword(String password) {
        this.password = password;
        return this;
    }

    /** Sets the response header that names the cause of an upstream failure. Defaults to X-Geowall-Proxy-Error. */
    public LabOptions setErrorHeader(String errorHeader) {
        this.errorHeader = errorHeader;
        return this;
    }

    /** Sets how long a proxy waits for an upstream connection, in milliseconds. Defaults to 5,000. */
    public LabOptions setConnectTimeoutMillis(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        return this;
    }

    public String homeCountry() {
        return homeCountry;
    }

    public List<String> countries() {
        return countries;
    }

    public boolean authentication() {
        return authentication;
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public String errorHeader() {
        return errorHeader;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }
}
