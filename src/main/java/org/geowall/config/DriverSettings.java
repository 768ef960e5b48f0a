package org.geowall.config;

/**
 * The browser driver section of {@code drivers.yaml}.
 *
 * @param engine     the automation engine; {@code playwright} is the only one so far
 * @param browser    the browser; {@code chromium}
 * @param headless   whether the browser runs without a window
 * @param executable {@code auto} to find the system Chromium (or use Playwright's managed browser),
 *                   or the path of a browser executable
 * @param userAgent  {@code auto} for an ordinary desktop Chrome user agent of the running version,
 *                   or a literal user agent
 */
public record DriverSettings(String engine, String browser, Boolean headless, String executable, String userAgent) {

    public static DriverSettings defaults() {
        return new DriverSettings("playwright", "chromium", true, "auto", "auto");
    }

    DriverSettings withDefaults() {
        DriverSettings d = defaults();
        return new DriverSettings(engine == null ? d.engine : engine, browser == null ? d.browser : browser,
                headless == null ? d.headless : headless, executable == null ? d.executable : executable,
                userAgent == null ? d.userAgent : userAgent);
    }
}
