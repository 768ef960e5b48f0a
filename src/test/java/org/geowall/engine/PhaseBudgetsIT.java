package org.geowall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.geowall.capture.PageLoad;
import org.geowall.config.Budgets;
import org.geowall.config.DriverSettings;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabVantage;
import org.geowall.lab.LabWorld;
import org.geowall.lab.Scenario;
import org.geowall.lab.ScenarioSites;
import org.geowall.lab.SiteSpec;
import org.geowall.probe.PlainProbe;
import org.geowall.probe.ProbeResult;
import org.geowall.verdict.LoadClassifier;
import org.geowall.verdict.LoadEvidence;
import org.geowall.verdict.SignatureSet;
import org.geowall.verdict.Verdict;
import org.geowall.verdict.VerdictDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Loads lab sites in a real Chromium through PlaywrightEngine, and probes them with the plain
 * probe, with phase budgets set, and checks that each phase ends its load at its own budget.
 */
public class PhaseBudgetsIT {

    private static final Logger log = LoggerFactory.getLogger(PhaseBudgetsIT.class);

    /** Every page, its stylesheet and its script come this long after their request, so DOMContentLoaded comes after twice this. */
    private static final int LATE_DOM_LATENCY_MILLIS = 2_000;
    private static final URI LATE_DOM = URI.create("https://late-dom." + ScenarioSites.DOMAIN + "/");
    /**
     * A page whose image never arrives, so DOMContentLoaded fires at once and the load event never.
     * No lab scenario separates the two events: with 2 s latency, a heavy page's load event came
     * within 0.1 s of its DOMContentLoaded. So this page comes from the test's own loopback server.
     */
    private static final String NEVER_LOADED_PAGE = """
            <!DOCTYPE html><html><head><title>Never loaded</title></head>
            <body><p>text</p><img src="/never" alt=""></body></html>
            """;
    /** Longer than the 2 s connect budget, so the proxy's 504 response comes too late for the probe. */
    private static final int LAB_CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int SLOW_MILLIS = 4_000;

    /** The budgets before phase budgets existed: navigation 8 s, settle 1 s, probe 8 s. */
    private static final Budgets NO_PHASES = new Budgets(8, 1, 8, 1);
    private static final Budgets RESPONSE_2S = phases(8, 0, 0, 2, 0);

    private LabWorld lab;
    private PlaywrightEngine engine;
    private PlainProbe probe;
    private Path evidence;
    private HttpServer neverLoaded;
    private final CountDownLatch serverStopping = new CountDownLatch(1);

    private static Budgets phases(int navigation, int connect, int tls, int response, int domContentLoaded) {
        return new Budgets(navigation, 1, 8, 1, connect, tls, response, domContentLoaded, 1, false);
    }

    @BeforeClass
    public void start() throws Exception {
        List<SiteSpec> sites = List.of(
                new SiteSpec(ScenarioSites.url(Scenario.ACCESSIBLE), "Lab accessible", Scenario.ACCESSIBLE),
                new SiteSpec(ScenarioSites.url(Scenario.SILENT_DROP), "Lab silent drop", Scenario.SILENT_DROP),
                new SiteSpec(ScenarioSites.url(Scenario.SLOW), "Lab slow", Scenario.SLOW),
                new SiteSpec(ScenarioSites.url(Scenario.BLACKHOLE_CONNECT), "Lab blackhole",
                        Scenario.BLACKHOLE_CONNECT),
                new SiteSpec(LATE_DOM, "Lab late DOM", Scenario.ACCESSIBLE, LATE_DOM_LATENCY_MILLIS));
        lab = LabWorld.start(sites, new LabOptions().setCountries(List.of("CN", "US"))
                .setConnectTimeoutMillis(LAB_CONNECT_TIMEOUT_MILLIS).setSlowResponseMillis(SLOW_MILLIS));
        engine = new PlaywrightEngine(new LaunchSettings(DriverSettings.defaults(), List.of(
                "--ignore-certificate-errors-spki-list=" + lab.spkiPins(),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")));
        probe = new PlainProbe(trustingLab(), engine.userAgent(), 64 * 1024);
        evidence = Files.createTempDirectory("phase-budgets-it");
        neverLoaded = startNeverLoadedPage();
    }

    private HttpServer startNeverLoadedPage() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = NEVER_LOADED_PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/never", exchange -> {
            try {
                serverStopping.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private SSLContext trustingLab() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("lab", lab.caCertificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        serverStopping.countDown();
        if (neverLoaded != null) {
            neverLoaded.stop(0);
        }
        if (engine != null) {
            engine.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private ProxySettings proxy(String country) {
        LabVantage vantage = lab.vantages().stream().filter(v -> v.country().equals(country)).findFirst()
                .orElseThrow();
        return new ProxySettings(vantage.proxy(), vantage.username(), vantage.password());
    }

    private PageLoad load(URI url, Budgets budgets, String label) {
        return load(url, proxy("US"), budgets, label);
    }

    private PageLoad load(URI url, ProxySettings proxy, Budgets budgets, String label) {
        PageLoad load = engine.load(new LoadRequest(url, proxy, evidence.resolve(label), budgets));
        log.info("{}: error={} phase={} status={} timings={} in {} ms", label, load.navigationError(),
                load.timeoutPhase(), load.mainStatus(), load.timings(), millis(load));
        return load;
    }

    private ProbeResult probe(URI url, Budgets budgets) {
        ProbeResult result = probe.probe(url, proxy("US"), "X-Geowall-Proxy-Error", budgets).result();
        log.info("probe of {}: connect={} tls={} status={} error={} in {} ms", url, result.connectStatus(),
                result.tls(), result.status(), result.error(), result.durationMs());
        return result;
    }

    private static long millis(PageLoad load) {
        return Duration.between(load.startedAt(), load.finishedAt()).toMillis();
    }

    /** Classifies a timed-out browser load whose own timings name no phase, so the probe's phase decides. */
    private static VerdictDecision classifyWithProbe(String url, ProbeResult probe) {
        LoadEvidence load = new LoadEvidence(url, null, "timeout: no response within 2000 ms", true, null, null,
                null, url, 0, null, null, "", List.of(), List.of(), probe, null);
        return LoadClassifier.classify(load, SignatureSet.builtIn());
    }

    @Test
    public void silentDropEndsAtResponseBudget() {
        PageLoad load = load(ScenarioSites.url(Scenario.SILENT_DROP), RESPONSE_2S, "silent-drop");

        assertThat(load.timedOut()).as("timed out").isTrue();
        assertThat(load.navigationError()).isEqualTo("timeout: no response within 2000 ms (budgets.response_seconds)");
        // Playwright reports no timings for a request that got no response, so the browser cannot name
        // the phase. The verdict takes it from the plain probe instead (see probeNamesTlsAtTlsBudget).
        assertThat(load.timeoutPhase()).as("timeout phase").isNull();
        assertThat(load.mainStatus()).as("main status").isNull();
        // Navigation 2 s, then the capture of a stopped page; the 8 s navigation budget never comes into play.
        assertThat(millis(load)).as("load duration").isBetween(2_000L, 6_000L);
    }

    @Test
    public void accessibleEvidenceUnchangedByPhaseBudgets() {
        URI url = ScenarioSites.url(Scenario.ACCESSIBLE);
        PageLoad before = load(url, NO_PHASES, "accessible-no-phases");
        PageLoad after = load(url, phases(8, 2, 2, 2, 3), "accessible-phases");

        for (PageLoad load : List.of(before, after)) {
            assertThat(load.navigationError()).as("navigation error").isNull();
            assertThat(load.timeoutPhase()).as("timeout phase").isNull();
            assertThat(load.mainStatus()).as("main status").isEqualTo(200);
            assertThat(load.mainHeaders()).as("main headers").containsKey("x-geowall-lab-client");
            assertThat(load.timings()).as("timings").isNotNull();
            assertThat(load.timings().firstByteMs()).as("first byte").isNotNull();
            assertThat(load.timings().domContentLoadedMs()).as("DOMContentLoaded").isNotNull();
            assertThat(load.timings().loadMs()).as("load").isNotNull();
            assertThat(load.timings().settleMs()).as("settle").isNotNull();
            assertThat(load.files()).as("evidence files").containsKeys(PageLoad.HAR, PageLoad.SCREENSHOT,
                    PageLoad.DOM);
        }
        assertThat(after.mainHeaders()).isEqualTo(before.mainHeaders());
        assertThat(after.redirectChain()).isEqualTo(before.redirectChain()).hasSize(1);
        assertThat(after.exit()).isEqualTo(before.exit()).endsWith("US");
        assertThat(after.finalUrl()).isEqualTo(before.finalUrl());
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(after.visibleTextLength()).isEqualTo(before.visibleTextLength());
        assertThat(after.requestsByHost()).isEqualTo(before.requestsByHost());
    }

    @Test
    public void lateDomContentLoadedEndsAtItsBudget() {
        PageLoad load = load(LATE_DOM, phases(8, 0, 0, 0, 3), "late-dom");

        assertThat(load.timedOut()).as("timed out").isTrue();
        assertThat(load.navigationError())
                .isEqualTo("timeout: no DOMContentLoaded within 3000 ms (budgets.dom_content_loaded_seconds)");
        assertThat(load.timeoutPhase()).isEqualTo("dom_content_loaded");
        assertThat(load.mainStatus()).as("the document answered").isEqualTo(200);
        assertThat(millis(load)).as("load duration").isBetween(3_000L, 7_000L);
    }

    @Test
    public void lateDomContentLoadedWithinNavigationLoads() {
        PageLoad load = load(LATE_DOM, NO_PHASES, "late-dom-no-phases");

        assertThat(load.navigationError()).as("navigation error").isNull();
        assertThat(load.timings().domContentLoadedMs()).as("DOMContentLoaded")
                .isGreaterThan(2.0 * LATE_DOM_LATENCY_MILLIS - 100);
    }

    @Test
    public void missingLoadEventEndsAtNavigationBudget() {
        URI url = URI.create("http://127.0.0.1:" + neverLoaded.getAddress().getPort() + "/");
        PageLoad load = load(url, null, phases(3, 0, 0, 2, 2), "never-loaded");

        assertThat(load.timedOut()).as("timed out").isTrue();
        assertThat(load.navigationError()).isEqualTo("timeout: no load event within 3000 ms");
        assertThat(load.timeoutPhase()).isEqualTo("load");
        assertThat(load.mainStatus()).as("the document answered").isEqualTo(200);
        assertThat(millis(load)).as("load duration").isBetween(3_000L, 7_000L);
    }

    @Test
    public void probeNamesFirstByteAtResponseBudget() {
        URI url = ScenarioSites.url(Scenario.SLOW);
        ProbeResult result = probe(url, phases(8, 2, 0, 2, 0));

        assertThat(result.connectStatus()).as("CONNECT status").isEqualTo(200);
        assertThat(result.tls()).as("TLS").startsWith("TLS");
        assertThat(result.status()).as("status").isNull();
        assertThat(result.error()).isEqualTo("timeout");
        assertThat(result.durationMs()).as("probe duration").isBetween(1_900L, SLOW_MILLIS - 500L);
        assertThat(classifyWithProbe(url.toString(), result).detail()).endsWith("phase first_byte");
    }

    @Test
    public void probeNamesConnectAtConnectBudget() {
        URI url = ScenarioSites.url(Scenario.BLACKHOLE_CONNECT);
        ProbeResult result = probe(url, phases(8, 2, 0, 0, 0));

        assertThat(result.proxyReached()).as("proxy reached").isTrue();
        assertThat(result.connectStatus()).as("CONNECT status").isNull();
        assertThat(result.error()).isEqualTo("timeout");
        assertThat(result.durationMs()).as("probe duration").isBetween(1_900L, LAB_CONNECT_TIMEOUT_MILLIS - 500L);
        VerdictDecision decision = classifyWithProbe(url.toString(), result);
        assertThat(decision.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(decision.detail()).endsWith("phase connect");
    }

    @Test
    public void probeWithoutPhaseBudgetsWaitsForProxyAnswer() {
        ProbeResult result = probe(ScenarioSites.url(Scenario.BLACKHOLE_CONNECT), NO_PHASES);

        assertThat(result.connectStatus()).as("CONNECT status").isEqualTo(504);
        assertThat(result.proxyError()).isEqualTo("connect_timeout");
    }

    @Test
    public void probeNamesTlsAtTlsBudget() {
        URI url = ScenarioSites.url(Scenario.SILENT_DROP);
        ProbeResult result = probe(url, phases(8, 0, 2, 0, 0));

        assertThat(result.connectStatus()).as("CONNECT status").isEqualTo(200);
        assertThat(result.tls()).as("TLS").isNull();
        assertThat(result.error()).isEqualTo("timeout");
        assertThat(result.durationMs()).as("probe duration").isBetween(1_900L, 5_000L);
        assertThat(classifyWithProbe(url.toString(), result).detail()).endsWith("phase tls");
    }
}
