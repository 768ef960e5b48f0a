package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geowall.capture.PageLoad;
import org.geowall.config.Budgets;
import org.geowall.config.DriverSettings;
import org.geowall.engine.LaunchSettings;
import org.geowall.engine.LoadRequest;
import org.geowall.engine.ProxySettings;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabSite;
import org.geowall.lab.LabWorld;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.Scenario;
import org.geowall.testing.SquidProxy;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Chains BrowserMob Proxy through a real authenticating upstream proxy: Debian's squid, with Basic
 * authentication, exiting from the lab's German address. Checks that the HAR contains no credential.
 */
public class SeleniumSquidIT {

    private static final String USER = "geowall";
    private static final String PASSWORD = "squid-" + Long.toHexString(System.nanoTime());
    private static final Budgets BUDGETS = new Budgets(10, 1, 5, 1);
    private static final String MISNAMED_HOST = "misnamed.lab.gov.cn";

    private LabWorld lab;
    private SquidProxy squid;
    private SeleniumEngine engine;
    private LabSite accessible;

    @BeforeClass
    public void start() throws Exception {
        lab = LabWorld.start(LabWorlds.showcase(), new LabOptions());
        Map<String, String> hosts = new LinkedHashMap<>();
        lab.sites().forEach(site -> hosts.put(site.host(), site.address().getHostAddress()));
        // A name that the accessible site's certificate does not hold, pointing at that site.
        LabSite first = lab.sites().stream().filter(s -> s.scenario() == Scenario.ACCESSIBLE).findFirst().orElseThrow();
        hosts.put(MISNAMED_HOST, first.address().getHostAddress());
        squid = new SquidProxy("127.0.49.1", hosts, USER, PASSWORD);
        squid.start();
        engine = new SeleniumEngine(new LaunchSettings(DriverSettings.defaults().withEngine("selenium"),
                List.of("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
                List.of(lab.caCertificatePem())));
        accessible = lab.sites().stream().filter(s -> s.scenario() == Scenario.ACCESSIBLE).findFirst().orElseThrow();
    }

    @AfterClass(alwaysRun = true)
    public void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (squid != null) {
            squid.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private PageLoad load(String url, String password) throws Exception {
        ProxySettings proxy = new ProxySettings(URI.create("http://127.0.0.1:" + squid.port()), USER, password);
        Path directory = Files.createTempDirectory("selenium-squid");
        return engine.load(new LoadRequest(URI.create(url), proxy, directory, BUDGETS));
    }

    private static String har(PageLoad load) throws Exception {
        return Files.readString(load.files().get(PageLoad.HAR), StandardCharsets.UTF_8);
    }

    private static void assertNoCredential(String text) {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(PASSWORD).doesNotContain(basic).doesNotContainIgnoringCase("proxy-authorization");
    }

    @Test
    public void httpsChainedThroughSquid() throws Exception {
        PageLoad load = load("https://" + accessible.host() + ":" + accessible.httpsPort() + "/", PASSWORD);

        assertThat(load.harnessError()).isNull();
        assertThat(load.navigationError()).as(squid.log()).isNull();
        assertThat(load.mainStatus()).isEqualTo(200);
        assertThat(load.title()).isEqualTo(accessible.name());
        assertThat(har(load)).contains("127.0.49.1 DE");
        assertThat(squid.accessLog()).contains("CONNECT " + accessible.host()).contains(" " + USER + " ");
        assertNoCredential(har(load));
    }

    @Test
    public void plainHttpChainedThroughSquid() throws Exception {
        PageLoad load = load("http://" + accessible.host() + ":" + accessible.httpPort() + "/", PASSWORD);

        assertThat(load.navigationError()).isNull();
        assertThat(load.mainStatus()).isEqualTo(200);
        assertThat(har(load)).contains("127.0.49.1 DE");
        assertThat(squid.accessLog()).contains("GET http://" + accessible.host());
        assertNoCredential(har(load));
    }

    @Test
    public void wrongPasswordFailsTheTunnel() throws Exception {
        PageLoad load = load("https://" + accessible.host() + ":" + accessible.httpsPort() + "/", "wrong");

        assertThat(load.harnessError()).isNull();
        assertThat(load.navigationError()).isEqualTo("net::ERR_TUNNEL_CONNECTION_FAILED");
        assertThat(squid.accessLog()).contains("TCP_DENIED/407");
        assertNoCredential(har(load));
    }

    @Test
    public void certificateForAnotherNameIsTlsFailure() throws Exception {
        PageLoad load = load("https://" + MISNAMED_HOST + ":" + accessible.httpsPort() + "/", PASSWORD);

        assertThat(load.mainStatus()).as("BrowserMob must check the site's name in its certificate").isNull();
        assertThat(load.navigationError()).isEqualTo("net::ERR_CERT_COMMON_NAME_INVALID");
    }
}
