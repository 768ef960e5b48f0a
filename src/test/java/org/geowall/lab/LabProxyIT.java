package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geowall.verdict.Verdict;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Drives the lab's country proxies with curl and checks each scenario's behaviour on the wire. */
public class LabProxyIT {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_500;
    private static final int SLOW_MILLIS = 1_000;
    private static final long SEED = 7;

    private LabWorld lab;
    private Path caFile;

    @BeforeClass
    public void startLab() throws Exception {
        List<SiteSpec> sites = List.of(
                new SiteSpec(URI.create("https://open.lab.gov.cn/"), "Open", Scenario.ACCESSIBLE),
                new SiteSpec(URI.create("https://denied.lab.gov.cn/"), "Denied", Scenario.HTTP_403_DENIAL),
                new SiteSpec(URI.create("https://reset.lab.gov.cn/"), "Reset", Scenario.TCP_RESET),
                new SiteSpec(URI.create("https://dropped.lab.gov.cn/"), "Dropped", Scenario.SILENT_DROP),
                new SiteSpec(URI.create("https://hidden.lab.gov.cn/"), "Hidden", Scenario.NXDOMAIN),
                new SiteSpec(URI.create("https://refused.lab.gov.cn/"), "Refused", Scenario.CONNECTION_REFUSED),
                new SiteSpec(URI.create("https://blackhole.lab.gov.cn/"), "Blackhole", Scenario.BLACKHOLE_CONNECT),
                new SiteSpec(URI.create("https://servfail.lab.gov.cn/"), "Servfail", Scenario.DNS_SERVFAIL),
                new SiteSpec(URI.create("https://noanswer.lab.gov.cn/"), "No answer", Scenario.DNS_NO_ANSWER),
                new SiteSpec(URI.create("https://gbk.lab.gov.cn/"), "GBK", Scenario.GBK_DENIAL),
                new SiteSpec(URI.create("https://tls.lab.gov.cn/"), "TLS", Scenario.TLS_ABORT),
                new SiteSpec(URI.create("https://moved.lab.gov.cn/"), "Moved", Scenario.HTTP_REDIRECT_DENIAL),
                new SiteSpec(URI.create("https://data.lab.gov.cn/"), "Data", Scenario.DATA_API_BLOCKED),
                new SiteSpec(URI.create("https://down.lab.gov.cn/"), "Down", Scenario.DOWN_EVERYWHERE),
                new SiteSpec(URI.create("https://slow.lab.gov.cn/"), "Slow", Scenario.SLOW),
                new SiteSpec(URI.create("https://flaky.lab.gov.cn/"), "Flaky", Scenario.FLAKY),
                new SiteSpec(URI.create("https://waf.lab.gov.cn/"), "WAF", Scenario.CAPTCHA_WALL));
        lab = LabWorld.start(sites, new LabOptions().setCountries(List.of("CN", "US"))
                .setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS).setSlowResponseMillis(SLOW_MILLIS).setSeed(SEED));
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
    public void refusedAbroadNamedInErrorHeader() throws Exception {
        Curl.Result abroad = fetch("US", "https://refused.lab.gov.cn/");

        assertThat(abroad.exitCode()).isNotZero();
        assertThat(abroad.output()).contains("HTTP/1.1 502").contains("X-Geowall-Proxy-Error: connection_refused");
        assertThat(fetch("CN", "https://refused.lab.gov.cn/").output()).contains("HTTP/1.1 200");
    }

    @Test
    public void blackholeAnswers504AfterConnectTimeout() throws Exception {
        long started = System.nanoTime();
        Curl.Result abroad = fetch("US", "https://blackhole.lab.gov.cn/", "--max-time", "10");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(abroad.output()).contains("HTTP/1.1 504").contains("X-Geowall-Proxy-Error: connect_timeout");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(CONNECT_TIMEOUT_MILLIS);
        assertThat(fetch("CN", "https://blackhole.lab.gov.cn/").output()).contains("HTTP/1.1 200");
    }

    @Test
    public void servfailAbroadNamedInErrorHeader() throws Exception {
        Curl.Result abroad = fetch("US", "https://servfail.lab.gov.cn/");

        assertThat(abroad.output()).contains("HTTP/1.1 502").contains("X-Geowall-Proxy-Error: dns_servfail");
        assertThat(fetch("CN", "https://servfail.lab.gov.cn/").output()).contains("HTTP/1.1 200");
    }

    @Test
    public void noAnswerAbroadNamedInErrorHeader() throws Exception {
        Curl.Result abroad = fetch("US", "https://noanswer.lab.gov.cn/");

        assertThat(abroad.output()).contains("HTTP/1.1 502").contains("X-Geowall-Proxy-Error: dns_no_answer");
        assertThat(fetch("CN", "https://noanswer.lab.gov.cn/").output()).contains("HTTP/1.1 200");
    }

    @Test
    public void gbkDenialSendsGbkBytesWithoutCharsetHeader() throws Exception {
        Path body = Files.createTempFile("lab-gbk", ".html");
        Curl.Result abroad = fetch("US", "https://gbk.lab.gov.cn/", "--output", body.toString());
        byte[] bytes = Files.readAllBytes(body);

        assertThat(abroad.output()).contains("HTTP/1.1 403").containsPattern("(?m)^Content-Type: text/html\\r?$");
        assertThat(new String(bytes, Charset.forName("GBK"))).contains("访问被拒绝").contains("charset=gbk");
        assertThat(containsBytes(bytes, "访问被拒绝".getBytes(Charset.forName("GBK")))).isTrue();
        assertThat(containsBytes(bytes, "访问被拒绝".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(fetch("CN", "https://gbk.lab.gov.cn/").output()).contains("HTTP/1.1 200");
    }

    @Test
    public void tlsAbortAbroadKeepsPlainHttp() throws Exception {
        Curl.Result secure = fetch("US", "https://tls.lab.gov.cn/");
        Curl.Result plain = fetch("US", "http://tls.lab.gov.cn/");

        assertThat(secure.exitCode()).as("curl exit code 35 is a TLS handshake failure").isEqualTo(35);
        assertThat(secure.error()).containsIgnoringCase("handshake failure");
        assertThat(plain.output()).contains("HTTP/1.1 200").contains("<title>TLS</title>");
        assertThat(fetch("CN", "https://tls.lab.gov.cn/").output()).contains("HTTP/1.1 200");
    }

    @Test
    public void redirectDenialPointsAtDenialHost() throws Exception {
        Curl.Result abroad = fetch("US", "https://moved.lab.gov.cn/");
        Curl.Result plain = fetch("US", "http://moved.lab.gov.cn/");
        Curl.Result denial = fetch("US", "https://deny.geowall-lab.test/denied.html");

        assertThat(abroad.output()).contains("HTTP/1.1 302")
                .contains("Location: https://deny.geowall-lab.test/denied.html");
        assertThat(plain.output()).contains("Location: http://deny.geowall-lab.test/denied.html");
        assertThat(denial.output()).contains("HTTP/1.1 403").contains("访问受限");
        assertThat(fetch("CN", "https://moved.lab.gov.cn/").output()).contains("HTTP/1.1 200");
    }

    @Test
    public void dataApiBlockedAbroadButPageServed() throws Exception {
        Curl.Result page = fetch("US", "https://data.lab.gov.cn/");
        Curl.Result abroad = fetch("US", "https://api-cn.geowall-lab.test/v1/news.json");
        Curl.Result home = fetch("CN", "https://api-cn.geowall-lab.test/v1/news.json");

        assertThat(page.output()).contains("HTTP/1.1 200").contains("/static/news.js");
        assertThat(abroad.output()).contains("HTTP/1.1 403").contains("Access-Control-Allow-Origin: *")
                .contains("\"code\":403");
        assertThat(home.output()).contains("HTTP/1.1 200").contains("政府信息公开年度报告");
    }

    @Test
    public void geolocationReturnsClientCountry() throws Exception {
        assertThat(fetch("US", "https://geo.geowall-lab.test/v1/country").output()).contains("{\"country\":\"US\"}");
        assertThat(fetch("CN", "https://geo.geowall-lab.test/v1/country").output()).contains("{\"country\":\"CN\"}");
    }

    @Test
    public void downEverywhereIncludingControl() throws Exception {
        for (String country : List.of("CN", "US")) {
            Curl.Result result = fetch(country, "https://down.lab.gov.cn/");

            assertThat(result.output()).contains("HTTP/1.1 503").contains("Retry-After: 120");
        }
    }

    @Test
    public void slowSiteAnswersAfterDelay() throws Exception {
        long started = System.nanoTime();
        Curl.Result home = fetch("CN", "https://slow.lab.gov.cn/");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(home.output()).contains("HTTP/1.1 200");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(SLOW_MILLIS);
    }

    @Test
    public void flakySiteFollowsSeededSchedule() throws Exception {
        // Each client country has its own schedule, capped at two failures in a row as LabOptions sets
        // by default, and curl is a plain client: it sends no Upgrade-Insecure-Requests header.
        java.util.Map<String, FlakySchedule> expected = java.util.Map.of(
                "CN", new FlakySchedule(SEED, "flaky.lab.gov.cn CN plain", 0.30, 2),
                "US", new FlakySchedule(SEED, "flaky.lab.gov.cn US plain", 0.30, 2));
        List<Boolean> expectedFailures = new java.util.ArrayList<>();
        List<Boolean> actualFailures = new java.util.ArrayList<>();

        for (int attempt = 0; attempt < 16; attempt++) {
            String country = attempt % 2 == 0 ? "CN" : "US";
            expectedFailures.add(expected.get(country).nextFails());
            actualFailures.add(fetch(country, "https://flaky.lab.gov.cn/").exitCode() != 0);
        }

        assertThat(actualFailures).isEqualTo(expectedFailures);
        assertThat(actualFailures).contains(true, false);
    }

    @Test
    public void captchaWallSetsCookieWithStatus200() throws Exception {
        Curl.Result abroad = fetch("US", "https://waf.lab.gov.cn/");

        assertThat(abroad.output()).contains("HTTP/1.1 200").containsPattern("Set-Cookie: acw_tc=[0-9a-f]{32};")
                .contains("滑动验证").contains("acw_sc__v2");
        assertThat(fetch("CN", "https://waf.lab.gov.cn/").output()).doesNotContain("acw_tc").contains("<title>WAF</title>");
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            if (java.util.Arrays.equals(haystack, start, start + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void groundTruthMatchesScenarios() {
        GroundTruth truth = lab.groundTruth();

        assertThat(truth.entries()).hasSize(34);
        assertThat(truth.expected("https://open.lab.gov.cn/", "US")).contains(Verdict.ACCESSIBLE);
        assertThat(truth.expected("https://denied.lab.gov.cn/", "US")).contains(Verdict.BLOCK_PAGE);
        assertThat(truth.expected("https://reset.lab.gov.cn/", "US")).contains(Verdict.CONNECTION_RESET);
        assertThat(truth.expected("https://dropped.lab.gov.cn/", "US")).contains(Verdict.TIMEOUT);
        assertThat(truth.expected("https://hidden.lab.gov.cn/", "US")).contains(Verdict.DNS_FAILURE);
        assertThat(truth.expected("https://refused.lab.gov.cn/", "US")).contains(Verdict.CONNECTION_REFUSED);
        assertThat(truth.expected("https://blackhole.lab.gov.cn/", "US")).contains(Verdict.TIMEOUT);
        assertThat(truth.expected("https://servfail.lab.gov.cn/", "US")).contains(Verdict.DNS_FAILURE);
        assertThat(truth.expected("https://tls.lab.gov.cn/", "US")).contains(Verdict.TLS_FAILURE);
        assertThat(truth.expected("https://down.lab.gov.cn/", "CN")).contains(Verdict.SITE_DOWN);
        assertThat(truth.expected("https://flaky.lab.gov.cn/", "US")).contains(Verdict.ACCESSIBLE);
        assertThat(truth.entries()).filteredOn(e -> e.vantage().equals("CN") && e.scenario() != Scenario.DOWN_EVERYWHERE)
                .allSatisfy(e -> assertThat(e.verdict()).isEqualTo(Verdict.ACCESSIBLE));
    }
}
