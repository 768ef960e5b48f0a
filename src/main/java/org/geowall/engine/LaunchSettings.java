package org.geowall.engine;

import java.util.List;
import org.geowall.config.DriverSettings;

/**
 * How to launch the browser: the driver settings plus what the world adds. The world adds browser
 * arguments, such as the lab's SPKI pins. It also adds CA certificates (PEM), such as the lab's CA,
 * which a recording proxy between the browser and the sites must trust besides the system's.
 */
public record LaunchSettings(DriverSettings driver, List<String> extraArguments, List<String> trustedCertificates) {

    /** Creates settings for a world whose sites need no extra CA certificates. */
    public LaunchSettings(DriverSettings driver, List<String> extraArguments) {
        this(driver, extraArguments, List.of());
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
