package org.geowall.config;

import java.util.List;

/**
 * The browser driver section of {@code drivers.yaml}.
 *
 * @param engine     the automation engine: {@code playwright}, or {@code selenium} (WebDriver with
 *                   BrowserMob Proxy recording the traffic)
 * @param browser    the browser; {@code chromium}
 * @param headless   whether the browser runs without a window
 * @param executable {@code auto} to find the system Chromium (or use Playwright's managed browser),
 *                   or the path of a browser executable
 * @param userAgent  {@code auto} for an ordinary desktop Chrome user agent of the running version,
 *                   or a literal user agent
 * @param gridUrl    for the {@code selenium} engine, the URL of a Selenium Grid that starts the
 *                   browsers, such as {@code http://127.0.0.1:4444}; {@code local} (the default)
 *                   starts them on this machine through chromedriver
 * @param arguments  extra browser command-line switches, such as {@code --lang=zh-CN}, added to the
 *                   ones Geowall sets
 */
public record DriverSettings(String engine, String browser, Boolean headless, String executable, String userAgent,
                             String gridUrl, List<String> arguments) {

    public static final String PLAYWRIGHT = "playwright";
    public static final String SELENIUM = "selenium";
    public static final String LOCAL = "local";

    public static DriverSettings defaults() {
        return new DriverSettings(PLAYWRIGHT, "chromium", true, "auto", "auto", LOCAL, List.of());
    }

    DriverSettings withDefaults() {
        DriverSettings d = defaults();
        return new DriverSettings(engine == null ? d.engine : engine, browser == null ? d.browser : browser,
                headless == null ? d.headless : headless, executable == null ? d.executable : executable,
                userAgent == null ? d.userAgent : userAgent, gridUrl == null ? d.gridUrl : gridUrl,
                arguments == null ? d.arguments : List.copyOf(arguments));
    }

    /** Returns these settings with another engine, as {@code -Ddriver.engine} sets it. */
    public DriverSettings withEngine(String newEngine) {
        return new DriverSettings(newEngine, browser, headless, executable, userAgent, gridUrl, arguments);
    }

    /** Returns these settings with another Grid URL, as {@code -Ddriver.grid_url} sets it. */
    public DriverSettings withGridUrl(String newGridUrl) {
        return new DriverSettings(engine, browser, headless, executable, userAgent, newGridUrl, arguments);
    }

    /** Returns true when a Selenium Grid, not this machine, starts the browsers. */
    public boolean usesGrid() {
        return gridUrl != null && !gridUrl.isBlank() && !gridUrl.equals(LOCAL);
    }
}
