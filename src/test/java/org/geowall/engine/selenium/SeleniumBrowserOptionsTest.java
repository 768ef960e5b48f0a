package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.geowall.config.DriverSettings;
import org.geowall.engine.LaunchSettings;
import org.openqa.selenium.Proxy;
import org.openqa.selenium.chrome.ChromeOptions;
import org.testng.annotations.Test;

/** The Chromium options of a Selenium session: quiet switches, one pin list, the recording proxy. */
public class SeleniumBrowserOptionsTest {

    private static BrowserSessions sessions() {
        return new BrowserSessions(new LaunchSettings(DriverSettings.defaults().withEngine("selenium"),
                List.of("--ignore-certificate-errors-spki-list=labCa,labSite",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")));
    }

    @Test
    public void quietSwitchesAdded() {
        List<String> arguments = sessions().arguments("mitmCa");

        assertThat(arguments).containsAll(LaunchSettings.QUIET_ARGUMENTS);
        assertThat(arguments).contains("--no-sandbox", "--headless=new", "--window-size=1366,768",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    }

    @Test
    public void pinListMerged() {
        List<String> arguments = sessions().arguments("mitmCa");

        assertThat(arguments).filteredOn(argument -> argument.startsWith("--ignore-certificate-errors-spki-list="))
                .containsExactly("--ignore-certificate-errors-spki-list=labCa,labSite,mitmCa");
        assertThat(arguments).doesNotContain("--ignore-certificate-errors");
    }

    @Test
    public void trafficGoesThroughRecordingProxy() {
        InetSocketAddress proxy = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40123);

        ChromeOptions options = sessions().options(proxy, "mitmCa");

        Proxy capability = (Proxy) options.getCapability("proxy");
        assertThat(capability.getHttpProxy()).isEqualTo("127.0.0.1:40123");
        assertThat(capability.getSslProxy()).isEqualTo("127.0.0.1:40123");
        assertThat(options.getCapability("webSocketUrl")).isEqualTo(true);
        assertThat(options.getCapability("acceptInsecureCerts")).isEqualTo(false);
    }

    @Test
    public void errorTextUnquoted() {
        assertThat(PageEvents.errorText("\"net::ERR_CONNECTION_RESET\"")).isEqualTo("net::ERR_CONNECTION_RESET");
        assertThat(PageEvents.errorText("net::ERR_ABORTED")).isEqualTo("net::ERR_ABORTED");
        assertThat(PageEvents.consoleType("warn")).isEqualTo("warning");
        assertThat(PageEvents.consoleType("error")).isEqualTo("error");
    }
}
