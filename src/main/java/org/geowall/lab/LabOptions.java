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
    private long seed = 2026;
    private double flakyFailureShare = 0.30;
    private int flakyMaxFailuresInRow = 2;
    private int slowResponseMillis = 3_000;

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

    /** Sets the seed of the lab's random decisions, such as which connections to a flaky site fail. Defaults to 2026. */
    public LabOptions setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Sets the share of connections to a {@link Scenario#FLAKY} site that are reset, from 0 to 1.
     * Defaults to 0.30.
     */
    public LabOptions setFlakyFailureShare(double flakyFailureShare) {
        if (!(flakyFailureShare >= 0 && flakyFailureShare <= 1)) {
            throw new IllegalArgumentException("Flaky failure share " + flakyFailureShare
                    + " is out of range: use a fraction from 0 (never fail) to 1 (always fail)");
        }
        this.flakyFailureShare = flakyFailureShare;
        return this;
    }

    /**
     * Sets how many page requests in a row from one country and kind of client a
     * {@link Scenario#FLAKY} site may reset at most. Defaults to 2, so three attempts from a
     * vantage always reach the site at least once.
     */
    public LabOptions setFlakyMaxFailuresInRow(int flakyMaxFailuresInRow) {
        if (flakyMaxFailuresInRow < 0) {
            throw new IllegalArgumentException("Flaky failures in a row " + flakyMaxFailuresInRow
                    + " is negative: use 0 (never fail) or more");
        }
        this.flakyMaxFailuresInRow = flakyMaxFailuresInRow;
        return this;
    }

    /**
     * Sets how long a {@link Scenario#SLOW} site waits before it sends its page, in milliseconds.
     * Defaults to 3,000, well inside the lab's navigation budget (8 s in drivers.yaml).
     */
    public LabOptions setSlowResponseMillis(int slowResponseMillis) {
        if (slowResponseMillis < 0) {
            throw new IllegalArgumentException("Slow response delay " + slowResponseMillis
                    + " ms is negative: use 0 or more milliseconds");
        }
        this.slowResponseMillis = slowResponseMillis;
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

    public long seed() {
        return seed;
    }

    public double flakyFailureShare() {
        return flakyFailureShare;
    }

    public int flakyMaxFailuresInRow() {
        return flakyMaxFailuresInRow;
    }


    public int slowResponseMillis() {
        return slowResponseMillis;
    }
}
