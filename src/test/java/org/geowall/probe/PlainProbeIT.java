package org.geowall.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.geowall.config.Budgets;
import org.geowall.engine.ProxySettings;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabVantage;
import org.geowall.lab.LabWorld;
import org.geowall.lab.Scenario;
import org.geowall.lab.ScenarioSites;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Runs the plain probe through the lab's country proxies and checks what it records per scenario. */
public class PlainProbeIT {

    /** Probe budget 8 s per wait and no phase budgets, as the probe ran before phase budgets existed. */
    private static final Budgets BUDGETS = new Budgets(8, 1, 8, 1);

    private LabWorld lab;
    private PlainProbe probe;

    @BeforeClass
    public void startLab() throws Exception {
        lab = LabWorld.start(ScenarioSites.onePerScenario(), new LabOptions().setCountries(List.of("CN", "US")));
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("lab", lab.caCertificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        probe = new PlainProbe(tls, "Mozilla/5.0 (test)", 64 * 1024);
    }

    @AfterClass(alwaysRun = true)
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private ProbeResult probe(Scenario scenario, String country) {
        return probeWithBody(scenario, country).result();
    }

    private PlainProbe.Outcome probeWithBody(Scenario scenario, String country) {
        LabVantage vantage = lab.vantages().stream().filter(v -> v.country().equals(country)).findFirst()
                .orElseThrow();
        ProxySettings proxy = new ProxySettings(vantage.proxy(), vantage.username(), vantage.password());
        return probe.probe(ScenarioSites.url(scenario), proxy, vantage.errorHeader(), BUDGETS);
    }

    @Test
    public void gatewayErrorHeaderRecorded() {
        ProbeResult result = probe(Scenario.NXDOMAIN, "US");

        assertThat(result.proxyReached()).isTrue();
        assertThat(result.connectStatus()).isEqualTo(502);
        assertThat(result.proxyError()).isEqualTo("dns_nxdomain");
        assertThat(result.status()).isNull();
    }

    @Test
    public void gbkDenialDecodedFromMetaTag() {
        PlainProbe.Outcome outcome = probeWithBody(Scenario.GBK_DENIAL, "US");

        assertThat(outcome.result().status()).isEqualTo(403);
        assertThat(outcome.result().charset()).isEqualToIgnoringCase("gbk");
        assertThat(outcome.result().charsetSource()).isEqualTo("meta");
        assertThat(outcome.bodyText()).contains("访问");
        assertThat(outcome.result().tls()).startsWith("TLS");
    }

    @Test
    public void httpRedirectFollowedToDenialHost() {
        ProbeResult result = probe(Scenario.HTTP_REDIRECT_DENIAL, "US");

        assertThat(result.redirects()).hasSize(1);
        assertThat(result.finalUrl()).isNotEqualTo(ScenarioSites.url(Scenario.HTTP_REDIRECT_DENIAL).toString());
        assertThat(result.status()).isEqualTo(403);
    }

    @Test
    public void tlsAbortRecorded() {
        ProbeResult result = probe(Scenario.TLS_ABORT, "US");

        assertThat(result.connectStatus()).isEqualTo(200);
        assertThat(result.error()).isEqualTo("tls_failure");
        assertThat(result.tlsError()).isNotBlank();
    }

    @Test
    public void resetRecorded() {
        assertThat(probe(Scenario.TCP_RESET, "US").error()).isIn("connection_reset", "connection_closed");
    }

    @Test
    public void controlSeesOrdinaryPage() {
        PlainProbe.Outcome outcome = probeWithBody(Scenario.GBK_DENIAL, "CN");

        assertThat(outcome.result().status()).isEqualTo(200);
        assertThat(outcome.result().title()).isNotBlank();
    }

    @Test
    public void unreachableProxyIsData() {
        ProbeResult result = probe.probe(ScenarioSites.url(Scenario.ACCESSIBLE),
                ProxySettings.parse("http://127.0.0.1:9"), "X-Geowall-Proxy-Error", BUDGETS).result();

        assertThat(result.proxyReached()).isFalse();
        assertThat(result.error()).startsWith("proxy_unreachable");
    }
}
