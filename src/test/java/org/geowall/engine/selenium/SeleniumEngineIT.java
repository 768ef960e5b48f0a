package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geowall.capture.ConsoleMessage;
import org.geowall.capture.PageLoad;
import org.geowall.config.Budgets;
import org.geowall.config.DriverSettings;
import org.geowall.engine.LaunchSettings;
import org.geowall.engine.LoadRequest;
import org.geowall.engine.ProxySettings;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabSite;
import org.geowall.lab.LabVantage;
import org.geowall.lab.LabWorld;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.Scenario;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Loads each lab scenario with the Selenium engine through the lab's authenticating US proxy and
 * checks the evidence: status, DOM, HAR, and the same {@code net::ERR_*} codes PlaywrightEngine records.
 */
public class SeleniumEngineIT {

    private static final Budgets BUDGETS = new Budgets(8, 1, 5, 1);
    private static final String SCRIPTED_PAGE = """
            <!DOCTYPE html><html><head><title>Scripted</title></head><body><p>scripted page</p>
            <script>console.log('hello from the page'); console.warn('careful');
            setTimeout(() => { throw new Error('boom in a timer'); }, 0);</script></body></html>
            """;

    private LabWorld lab;
    private SeleniumEngine engine;
    private Path evidence;

    private HttpServer scriptedPage;

    @BeforeClass
    public void start() throws Exception {
        lab = LabWorld.start(LabWorlds.showcase(), new LabOptions());
        scriptedPage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        scriptedPage.createContext("/", exchange -> {
            byte[] body = SCRIPTED_PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        scriptedPage.start();
        engine = new SeleniumEngine(new LaunchSettings(DriverSettings.defaults().withEngine("selenium"),
                List.of("--ignore-certificate-errors-spki-list=" + lab.spkiPins(),
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
                List.of(lab.caCertificatePem())));
        evidence = Files.createTempDirectory("selenium-engine-it");
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (scriptedPage != null) {
            scriptedPage.stop(0);
        }
        if (engine != null) {
            engine.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private PageLoad load(Scenario scenario, String country) {
        LabSite site = lab.sites().stream().filter(s -> s.scenario() == scenario).findFirst().orElseThrow();
        LabVantage vantage = lab.vantages().stream().filter(v -> v.country().equals(country)).findFirst()
                .orElseThrow();
        ProxySettings proxy = new ProxySettings(vantage.proxy(), vantage.username(), vantage.password());
        Path directory = evidence.resolve(scenario.id() + "-" + country);
        return engine.load(new LoadRequest(URI.create("https://" + site.host() + "/"), proxy, directory, BUDGETS));
    }

    private static String har(PageLoad load) throws Exception {
        return Files.readString(load.files().get(PageLoad.HAR), StandardCharsets.UTF_8);
    }

    @Test
    public void accessibleSiteRendered() throws Exception {
        PageLoad load = load(Scenario.ACCESSIBLE, "US");

        assertThat(load.harnessError()).isNull();
        assertThat(load.navigationError()).isNull();
        assertThat(load.mainStatus()).isEqualTo(200);
        assertThat(load.title()).isEqualTo("Lab accessible");
        assertThat(load.requestCount()).isGreaterThan(0);
        assertThat(load.files()).containsKeys(PageLoad.HAR, PageLoad.DOM, PageLoad.SCREENSHOT);
        assertThat(har(load)).contains("\"status\" : 200").doesNotContain("\"CONNECT\"");
        assertThat(engine.description()).startsWith("selenium/chromium ");
    }

    @Test
    public void denialPageKept() throws Exception {
        PageLoad load = load(Scenario.HTTP_403_DENIAL, "US");

        assertThat(load.navigationError()).isNull();
        assertThat(load.mainStatus()).isEqualTo(403);
        assertThat(Files.readString(load.files().get(PageLoad.DOM), StandardCharsets.UTF_8)).contains("访问被拒绝");
    }

    @Test
    public void controlGetsOrdinaryPage() {
        PageLoad load = load(Scenario.HTTP_403_DENIAL, "CN");

        assertThat(load.mainStatus()).isEqualTo(200);
    }

    @Test
    public void resetRecordedAsConnectionReset() throws Exception {
        PageLoad load = load(Scenario.TCP_RESET, "US");

        assertThat(load.navigationError()).isEqualTo("net::ERR_CONNECTION_RESET");
        assertThat(load.timedOut()).isFalse();
        assertThat(load.failedRequests()).extracting(f -> f.failure()).contains("net::ERR_CONNECTION_RESET");
        assertThat(har(load)).contains("net::ERR_CONNECTION_RESET");
    }

    @Test
    public void silentDropTimesOut() {
        PageLoad load = load(Scenario.SILENT_DROP, "US");

        assertThat(load.timedOut()).isTrue();
        assertThat(load.navigationError()).startsWith("timeout");
    }

    @Test
    public void nxdomainFailsTheTunnel() {
        PageLoad load = load(Scenario.NXDOMAIN, "US");

        assertThat(load.navigationError()).isEqualTo("net::ERR_TUNNEL_CONNECTION_FAILED");
        assertThat(load.timedOut()).isFalse();
    }

    @Test
    public void consoleAndPageErrorsKept() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + scriptedPage.getAddress().getPort() + "/");

        PageLoad load = engine.load(new LoadRequest(url, null, evidence.resolve("scripted"), BUDGETS));

        assertThat(load.mainStatus()).as("the page went through BrowserMob Proxy").isEqualTo(200);
        assertThat(load.consoleMessages()).extracting(ConsoleMessage::type, ConsoleMessage::text)
                .contains(tuple("log", "hello from the page"), tuple("warning", "careful"));
        assertThat(load.pageErrors()).anySatisfy(error -> assertThat(error).contains("boom in a timer"));
    }

    @Test
    public void untrustedSiteCertificateIsTlsFailure() throws Exception {
        LabSite site = lab.sites().stream().filter(s -> s.scenario() == Scenario.ACCESSIBLE).findFirst().orElseThrow();
        LabVantage us = lab.vantages().stream().filter(v -> v.country().equals("US")).findFirst().orElseThrow();
        ProxySettings proxy = new ProxySettings(us.proxy(), us.username(), us.password());

        PageLoad load;
        try (SeleniumEngine withoutLabCa = new SeleniumEngine(new LaunchSettings(
                DriverSettings.defaults().withEngine("selenium"), List.of()))) {
            load = withoutLabCa.load(new LoadRequest(URI.create("https://" + site.host() + "/"), proxy,
                    evidence.resolve("untrusted"), BUDGETS));
        }

        assertThat(load.navigationError()).isEqualTo("net::ERR_CERT_AUTHORITY_INVALID");
        assertThat(load.mainStatus()).isNull();
    }

    @Test
    public void unreachableProxyIsProxyFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProxySettings proxy = new ProxySettings(URI.create("http://127.0.0.1:" + closedPort), "user", "secret");

        PageLoad load = engine.load(new LoadRequest(URI.create("https://accessible.showcase.lab.gov.cn/"), proxy,
                evidence.resolve("unreachable"), BUDGETS));

        assertThat(load.harnessError()).isNull();
        assertThat(load.navigationError()).isEqualTo("net::ERR_PROXY_CONNECTION_FAILED");
    }
}
