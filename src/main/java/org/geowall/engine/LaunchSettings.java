package org.geowall.engine;

import java.util.List;
import org.geowall.config.CaptureSettings;
import org.geowall.config.DriverSettings;

/**
 * How to launch the browser and capture loads: the driver settings plus what the world adds, and
 * the capture settings. The world adds browser arguments, such as the lab's SPKI pins. It also
 * adds CA certificates (PEM), such as the lab's CA, which a recording proxy between the browser
 * and the sites must trust besides the system's.
 */
public record LaunchSettings(DriverSettings driver, List<String> extraArguments, List<String> trustedCertificates,
                             CaptureSettings capture) {

    /** Creates settings for a world whose sites need no extra CA certificates, with default capture settings. */
    public LaunchSettings(DriverSettings driver, List<String> extraArguments) {
        this(driver, extraArguments, List.of(), CaptureSettings.defaults());
    }

    /** Creates settings with the default capture settings. */
    public LaunchSettings(DriverSettings driver, List<String> extraArguments, List<String> trustedCertificates) {
        this(driver, extraArguments, trustedCertificates, CaptureSettings.defaults());
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
