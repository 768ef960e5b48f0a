package org.geowall.engine.selenium;

import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.geowall.engine.BrowserDiscovery;
import org.geowall.engine.LaunchSettings;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.Proxy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one fresh Chromium session per load, proxied through the worker's BrowserMob Proxy:
 * locally through a chromedriver found on this machine, or on a Selenium Grid.
 */
final class BrowserSessions {

    private static final Logger log = LoggerFactory.getLogger(BrowserSessions.class);
    private static final String SPKI_LIST = "--ignore-certificate-errors-spki-list=";

    private final LaunchSettings settings;
    private final Optional<Path> browser;
    private final Optional<Path> chromedriver;
    private final URL grid;

    BrowserSessions(LaunchSettings settings) {
        this.settings = settings;
        if (settings.driver().usesGrid()) {
            // The Grid's node configuration names its browser, so only a path set here is passed on.
            this.browser = explicitExecutable(settings);
            this.chromedriver = Optional.empty();
            this.grid = toUrl(settings.driver().gridUrl());
            return;
        }
        this.browser = BrowserDiscovery.find(settings.driver().executable());
        this.chromedriver = ChromedriverDiscovery.find();
        this.grid = null;
        if (chromedriver.isEmpty()) {
            // Selenium Manager gets the SE_* system properties as environment variables: it may use a
            // driver it finds on this machine, but it must not download one.
            // NOTE: no test runs this path, because the test machines have Debian's chromedriver.
            System.setProperty("SE_OFFLINE", "true");
            log.warn("No chromedriver found (install chromium-driver, or set GEOWALL_CHROMEDRIVER); "
                    + "asking Selenium Manager, offline, for one");
        }
    }

    private static Optional<Path> explicitExecutable(LaunchSettings settings) {
        String executable = settings.driver().executable();
        return executable == null || executable.equals("auto") ? Optional.empty() : Optional.of(Path.of(executable));
    }

    private static URL toUrl(String gridUrl) {
        try {
            return URI.create(gridUrl).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid Selenium Grid URL " + gridUrl, e);
        }
    }

    /** Describes where browsers start, for the log. */
    String where() {
        if (grid != null) {
            return "Selenium Grid " + grid;
        }
        return chromedriver.map(path -> "chromedriver " + path).orElse("Selenium Manager's chromedriver")
                + " with " + browser.map(Path::toString).orElse("the default Chrome");
    }

    /** Starts a browser session whose traffic goes through the given proxy, trusting its CA by pin. */
    WebDriver open(InetSocketAddress proxy, String proxyCaPin) {
        ChromeOptions options = options(proxy, proxyCaPin);
        if (grid != null) {
            WebDriver remote = RemoteWebDriver.builder().oneOf(options).address(grid).build();
            return new Augmenter().augment(remote);
        }
        if (chromedriver.isPresent()) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.get().toFile())
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        }
        return new ChromeDriver(options);
    }

    ChromeOptions options(InetSocketAddress proxy, String proxyCaPin) {
        ChromeOptions options = new ChromeOptions();
        browser.ifPresent(path -> options.setBinary(path.toFile()));
        options.addArguments(arguments(proxyCaPin));
        String proxyAddress = proxy.getAddress().getHostAddress() + ":" + proxy.getPort();
        // "<-loopback>" sends loopback URLs through the proxy too, which Chromium bypasses by default.
        options.setProxy(new Proxy().setHttpProxy(proxyAddress).setSslProxy(proxyAddress).setNoProxy("<-loopback>"));
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.setAcceptInsecureCerts(false);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // WebDriver BiDi carries console messages, page errors and failed requests; the classic
        // browser log is the fallback where BiDi is missing.
        options.setCapability("webSocketUrl", true);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        return options;
    }

    /**
     * Returns Chromium's switches: the quiet ones (Selenium adds none of them itself), the world's
     * own, and one SPKI pin list holding the world's pins and the recording proxy's CA, because
     * Chromium reads only the last copy of a switch.
     */
    List<String> arguments(String proxyCaPin) {
        List<String> arguments = new ArrayList<>(LaunchSettings.QUIET_ARGUMENTS);
        List<String> pins = new ArrayList<>();
        for (String argument : settings.extraArguments()) {
            if (argument.startsWith(SPKI_LIST)) {
                pins.add(argument.substring(SPKI_LIST.length()));
            } else {
                arguments.add(argument);
            }
        }
        pins.add(proxyCaPin);
        arguments.add(SPKI_LIST + String.join(",", pins));
        if (settings.driver().headless()) {
            arguments.add("--headless=new");
        }
        arguments.add("--window-size=1366,768");
        arguments.add("--lang=en-US");
        return arguments;
    }
}
