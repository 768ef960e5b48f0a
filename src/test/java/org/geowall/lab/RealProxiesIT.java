package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geowall.capture.PageLoad;
import org.geowall.config.Budgets;
import org.geowall.config.DriverSettings;
import org.geowall.engine.LaunchSettings;
import org.geowall.engine.LoadRequest;
import org.geowall.engine.PlaywrightEngine;
import org.geowall.engine.ProxySettings;
import org.geowall.testing.DanteProxy;
import org.geowall.testing.SquidProxy;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Reaches the lab's sites through real proxy servers, Debian's squid (HTTP, Basic authentication,
 * {@code tcp_outgoing_address}) and dante-server (SOCKS5), and through the lab's own SOCKS5
 * proxies, with curl and with a real Chromium.
 */
public class RealProxiesIT {

    private static final String SQUID_USER = "geowall";
    private static final String SQUID_PASSWORD = "squid-" + Long.toHexString(System.nanoTime());

    private LabWorld lab;
    private SquidProxy squid;
    private DanteProxy dante;
    private PlaywrightEngine engine;
    private Path caFile;

    @BeforeClass
    public void start() throws Exception {
        lab = LabWorld.start(LabWorlds.showcase(), new LabOptions());
        caFile = Files.createTempFile("lab-ca", ".pem");
        Files.writeString(caFile, lab.caCertificatePem());

        Map<String, String> hosts = new LinkedHashMap<>();
        lab.sites().forEach(site -> hosts.put(site.host(), site.address().getHostAddress()));
        squid = new SquidProxy("127.0.49.1", hosts, SQUID_USER, SQUID_PASSWORD);
        squid.start();
        dante = new DanteProxy("127.0.1.1");
        dante.start();

        engine = new PlaywrightEngine(new LaunchSettings(DriverSettings.defaults(), List.of(
                "--ignore-certificate-errors-spki-list=" + lab.spkiPins(),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")));
    }

    @AfterClass(alwaysRun = true)
    public void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (squid != null) {
            squid.close();
        }
        if (dante != null) {
            dante.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private LabSite site(Scenario scenario) {
        return lab.sites().stream().filter(s -> s.scenario() == scenario).findFirst().orElseThrow();
    }

    /** Returns the site's URL on its real listener port, which is what squid and dante connect to. */
    private static String directUrl(LabSite site) {
        return "https://" + site.host() + ":" + site.httpsPort() + "/";
    }

    private Curl.Result throughSquid(LabSite site, String credentials) throws Exception {
        return Curl.run("--proxy", "http://127.0.0.1:" + squid.port(), "--proxy-user", credentials,
                "--cacert", caFile.toString(), "--dump-header", "-", "--max-time", "5", directUrl(site));
    }

    private Curl.Result throughDante(LabSite site) throws Exception {
        return Curl.run("--proxy", "socks5://127.0.0.1:" + dante.port(),
                "--resolve", site.host() + ":" + site.httpsPort() + ":" + site.address().getHostAddress(),
                "--cacert", caFile.toString(), "--dump-header", "-", "--max-time", "5", directUrl(site));
    }

    @Test
    public void squidExitSeenAsGermany() throws Exception {
        Curl.Result result = throughSquid(site(Scenario.ACCESSIBLE), SQUID_USER + ":" + SQUID_PASSWORD);

        assertThat(result.exitCode()).as(result.error() + squid.log()).isZero();
        assertThat(result.output()).contains("HTTP/1.1 200").contains("X-Geowall-Lab-Client: 127.0.49.1 DE");
    }

    @Test
    public void squidGetsDenialPageAbroad() throws Exception {
        Curl.Result result = throughSquid(site(Scenario.HTTP_403_DENIAL), SQUID_USER + ":" + SQUID_PASSWORD);

        assertThat(result.output()).contains("HTTP/1.1 403").contains("访问被拒绝");
    }

    @Test
    public void squidSeesReset() throws Exception {
        Curl.Result result = throughSquid(site(Scenario.TCP_RESET), SQUID_USER + ":" + SQUID_PASSWORD);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.error()).containsIgnoringCase("reset");
    }

    @Test
    public void squidRejectsWrongPassword() throws Exception {
        Curl.Result result = throughSquid(site(Scenario.ACCESSIBLE), SQUID_USER + ":wrong");

        assertThat(result.output()).contains("407");
    }

    @Test
    public void chromiumLoadsThroughSquidWithCredentials() throws Exception {
        LabSite site = site(Scenario.ACCESSIBLE);
        ProxySettings proxy = new ProxySettings(URI.create("http://127.0.0.1:" + squid.port()), SQUID_USER,
                SQUID_PASSWORD);

        PageLoad load = engine.load(new LoadRequest(URI.create(directUrl(site)), proxy,
                Files.createTempDirectory("squid-load"), new Budgets(15, 1, 5, 1)));

        assertThat(load.navigationError()).isNull();
        assertThat(load.mainStatus()).isEqualTo(200);
        assertThat(load.title()).isEqualTo(site.name());
        assertThat(Files.readString(load.files().get(PageLoad.HAR))).doesNotContain(SQUID_PASSWORD);
    }

    @Test
    public void danteExitSeenAsUnitedStates() throws Exception {
        Curl.Result result = throughDante(site(Scenario.ACCESSIBLE));

        assertThat(result.exitCode()).as(result.error() + dante.log()).isZero();
        assertThat(result.output()).contains("HTTP/1.1 200").contains("X-Geowall-Lab-Client: 127.0.1.1 US");
    }

    @Test
    public void danteGetsDenialPageAbroad() throws Exception {
        Curl.Result result = throughDante(site(Scenario.HTTP_403_DENIAL));

        assertThat(result.output()).contains("HTTP/1.1 403");
    }

    @Test
    public void labSocksResolvesThroughGeoDns() throws Exception {
        LabVantage japan = lab.vantages().stream().filter(v -> v.country().equals("JP")).findFirst().orElseThrow();
        String proxy = japan.socksProxy().toString().replace("socks5:", "socks5h:");

        Curl.Result open = Curl.run("--proxy", proxy, "--cacert", caFile.toString(), "--dump-header", "-",
                "--max-time", "5", "https://" + site(Scenario.ACCESSIBLE).host() + "/");
        Curl.Result hidden = Curl.run("--proxy", proxy, "--cacert", caFile.toString(), "--max-time", "5",
                "https://" + site(Scenario.NXDOMAIN).host() + "/");

        assertThat(open.output()).contains("HTTP/1.1 200").contains("X-Geowall-Lab-Client: 127.0.81.1 JP");
        assertThat(hidden.exitCode()).isNotZero();
        assertThat(hidden.error()).contains("(4)");
    }

    @Test
    public void chromiumLoadsThroughLabSocks() throws Exception {
        LabVantage germany = lab.vantages().stream().filter(v -> v.country().equals("DE")).findFirst().orElseThrow();
        LabSite denied = site(Scenario.HTTP_403_DENIAL);

        PageLoad load = engine.load(new LoadRequest(URI.create("https://" + denied.host() + "/"),
                new ProxySettings(germany.socksProxy(), null, null), Files.createTempDirectory("socks-load"),
                new Budgets(15, 1, 5, 1)));

        assertThat(load.navigationError()).isNull();
        assertThat(load.mainStatus()).isEqualTo(403);
    }
}
