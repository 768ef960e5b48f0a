package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geowall.verdict.Verdict;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Drives the lab's country proxies with curl and checks each scenario's behaviour on the wire. */
public class LabProxyIT {

    private LabWorld lab;
    private Path caFile;

    @BeforeClass
    public void startLab() throws Exception {
        List<SiteSpec> sites = List.of(
                new SiteSpec(URI.create("https://open.lab.gov.cn/"), "Open", Scenario.ACCESSIBLE),
                new SiteSpec(URI.create("https://denied.lab.gov.cn/"), "Denied", Scenario.HTTP_403_DENIAL),
                new SiteSpec(URI.create("https://reset.lab.gov.cn/"), "Reset", Scenario.TCP_RESET),
                new SiteSpec(URI.create("https://dropped.lab.gov.cn/"), "Dropped", Scenario.SILENT_DROP),
                new SiteSpec(URI.create("https://hidden.lab.gov.cn/"), "Hidden", Scenario.NXDOMAIN));
        lab = LabWorld.start(sites, new LabOptions().setCountries(List.of("CN", "US")));
        caFile = Files.createTempFile("lab-ca", ".pem");
        Files.writeString(caFile, lab.caCertificatePem());
    }

    @AfterClass(alwaysRun = true)
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private LabVantage vantage(String country) {
        return lab.vantages().stream().filter(v -> v.country().equals(country)).findFirst().orElseThrow();
    }

    private Curl.Result fetch(String country, String url, String... extra) throws Exception {
        LabVantage vantage = vantage(country);
        List<String> arguments = new java.util.ArrayList<>(List.of("--proxy", vantage.proxy().toString(),
                "--proxy-user", vantage.username() + ":" + vantage.password(), "--cacert", caFile.toString(),
                "--dump-header", "-", "--max-time", "4"));
        arguments.addAll(List.of(extra));
        arguments.add(url);
        return Curl.run(arguments.toArray(String[]::new));
    }

    @Test
    public void accessibleSiteServesEveryCountry() throws Exception {
        for (String country : List.of("CN", "US")) {
            Curl.Result result = fetch(country, "https://open.lab.gov.cn/");

            assertThat(result.exitCode()).as(result.error()).isZero();
            assertThat(result.output()).contains("HTTP/1.1 200").contains("<title>Open</title>").contains("政务公开");
        }
    }

    @Test
    public void siteSeesExitAddressAsCountry() throws Exception {
        assertThat(fetch("US", "https://open.lab.gov.cn/").output())
                .contains("X-Geowall-Lab-Client: 127.0.1.1 US");
        assertThat(fetch("CN", "https://open.lab.gov.cn/").output())
                .contains("X-Geowall-Lab-Client: 127.0.86.1 CN");
    }

    @Test
    public void denialPageForForeignClientsOnly() throws Exception {
        Curl.Result abroad = fetch("US", "https://denied.lab.gov.cn/");
        Curl.Result home = fetch("CN", "https://denied.lab.gov.cn/");

        assertThat(abroad.output()).contains("HTTP/1.1 403").contains("访问被拒绝");
        assertThat(home.output()).contains("HTTP/1.1 200").contains("<title>Denied</title>");
    }

    @Test
    public void plainHttpForwardedToo() throws Exception {
        Curl.Result abroad = fetch("US", "http://denied.lab.gov.cn/");

        assertThat(abroad.exitCode()).as(abroad.error()).isZero();
        assertThat(abroad.output()).contains("HTTP/1.1 403").contains("Connection: close");
    }

    @Test
    public void resetForForeignClients() throws Exception {
        Curl.Result abroad = fetch("US", "https://reset.lab.gov.cn/");
        Curl.Result home = fetch("CN", "https://reset.lab.gov.cn/");

        assertThat(abroad.exitCode()).isNotZero();
        assertThat(abroad.error() + abroad.output()).containsAnyOf("reset", "connection_reset");
        assertThat(home.exitCode()).as(home.error()).isZero();
    }

    @Test
    public void silentDropTimesOut() throws Exception {
        Curl.Result abroad = fetch("US", "https://dropped.lab.gov.cn/", "--max-time", "2");

        assertThat(abroad.exitCode()).as("curl exit code 28 is a timeout").isEqualTo(28);
        assertThat(fetch("CN", "https://dropped.lab.gov.cn/").exitCode()).isZero();
    }

    @Test
    public void nxdomainAbroadNamedInErrorHeader() throws Exception {
        Curl.Result abroad = fetch("US", "https://hidden.lab.gov.cn/");

        assertThat(abroad.exitCode()).isNotZero();
        assertThat(abroad.output()).contains("502").contains("X-Geowall-Proxy-Error: dns_nxdomain");
        assertThat(fetch("CN", "https://hidden.lab.gov.cn/").exitCode()).isZero();
    }

    @Test
    public void unknownHostIsNxdomainEverywhere() throws Exception {
        Curl.Result result = fetch("CN", "https://www.example.com/");

        assertThat(result.output()).contains("X-Geowall-Proxy-Error: dns_nxdomain");
    }

    @Test
    public void otherPortsRefused() throws Exception {
        Curl.Result result = fetch("CN", "https://open.lab.gov.cn:8443/");

        assertThat(result.output()).contains("X-Geowall-Proxy-Error: connection_refused");
    }

    @Test
    public void missingCredentialsGet407() throws Exception {
        Curl.Result result = Curl.run("--proxy", vantage("US").proxy().toString(), "--cacert", caFile.toString(),
                "--dump-header", "-", "--max-time", "4", "https://open.lab.gov.cn/");

        assertThat(result.output()).contains("407").contains("Proxy-Authenticate: Basic");
    }

    @Test
    public void groundTruthMatchesScenarios() {
        GroundTruth truth = lab.groundTruth();

        assertThat(truth.entries()).hasSize(10);
        assertThat(truth.expected("https://open.lab.gov.cn/", "US")).contains(Verdict.ACCESSIBLE);
        assertThat(truth.expected("https://denied.lab.gov.cn/", "US")).contains(Verdict.BLOCK_PAGE);
        assertThat(truth.expected("https://reset.lab.gov.cn/", "US")).contains(Verdict.CONNECTION_RESET);
        assertThat(truth.expected("https://dropped.lab.gov.cn/", "US")).contains(Verdict.TIMEOUT);
        assertThat(truth.expected("https://hidden.lab.gov.cn/", "US")).contains(Verdict.DNS_FAILURE);
        assertThat(truth.entries()).filteredOn(e -> e.vantage().equals("CN"))
                .allSatisfy(e -> assertThat(e.verdict()).isEqualTo(Verdict.ACCESSIBLE));
    }
}
