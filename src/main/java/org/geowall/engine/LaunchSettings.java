package org.geowall.engine;

import java.util.List;
import org.geowall.config.CaptureSettings;
import org.geowall.config.DriverSettings;

/**
 * How to launch the browser and capture loads: the driver settings, arguments the world adds (such
 * as the lab's SPKI pins), and the capture settings.
 */
public record LaunchSettings(DriverSettings driver, List<String> extraArguments, CaptureSettings capture) {

    /** Creates launch settings with the default capture settings. */
    public LaunchSettings(DriverSettings driver, List<String> extraArguments) {
        this(driver, extraArguments, CaptureSettings.defaults());
    }

    /**
     * Chromium switches that keep the browser's own traffic (updates, sync, field trials) off the
     * network, so that only the page's requests reach the proxies.
     */
    public static final List<String> QUIET_ARGUMENTS = List.of(
            "--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-default-apps", "--disable-quic",
            "--disable-gpu", "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider",
            "--metrics-recording-only", "--no-default-browser-check");
}
