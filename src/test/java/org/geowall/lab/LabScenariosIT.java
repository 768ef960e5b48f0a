package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.Cookie;
import java.util.List;
import org.geowall.verdict.Verdict;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Starts a lab with one site per scenario and loads each site in a real Chromium through a
 * foreign vantage (US) and the control (CN), checking the behaviour each scenario promises and
 * its ground-truth verdict from both vantages.
 */
public class LabScenariosIT {

    private static final int NAVIGATION_MILLIS = 10_000;
    /** A budget for loads that are expected to time out, so they do not cost the whole navigation budget. */
    private static final int EXPECTED_TIMEOUT_MILLIS = 4_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int SLOW_MILLIS = 3_000;
    private static final long SEED = 2026;
    private static final String TUNNEL_FAILED = "net::ERR_TUNNEL_CONNECTION_FAILED";

    private LabWorld lab;
    private LabBrowser browser;

    @BeforeClass
    public void startLabAndBrowser() throws Exception {
        lab = LabWorld.start(ScenarioSites.onePerScenario(), new LabOptions().setCountries(List.of("CN", "US"))
                .setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS).setSlowResponseMillis(SLOW_MILLIS).setSeed(SEED));
        browser = new LabBrowser(lab);
    }

    @AfterClass(alwaysRun = true)
    public void stopLabAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private LabVantage vantage(String country) {
        return lab.vantages().stream().filter(v -> v.country().equals(country)).findFirst().orElseThrow();
    }

    private BrowserVisit visit(String country, Scenario scenario) {
        return visit(country, ScenarioSites.url(scenario).toString(), NAVIGATION_MILLIS);
    }

    private BrowserVisit visit(String country, String url, int timeoutMillis) {
        return browser.visit(vantage(country), url, timeoutMillis);
    }

    /** Checks that the control loads the scenario's site as its ordinary portal page. */
    private void assertControlGetsPortal(Scenario scenario) {
        try (BrowserVisit home = visit("CN", scenario)) {
            assertThat(home.navigationError()).as("control navigation error").isNull();
            assertThat(home.status()).as("control status").isEqualTo(200);
            assertThat(home.page().title()).isEqualTo("Lab " + scenario.id());
            assertThat(home.page().content()).contains("政务公开");
        }
    }

    private void assertGroundTruth(Scenario scenario, Verdict foreign, Verdict control) {
        String url = ScenarioSites.url(scenario).toString();

        assertThat(lab.groundTruth().expected(url, "US")).as("ground truth of %s via US", scenario.id())
                .contains(foreign);
        assertThat(lab.groundTruth().expected(url, "CN")).as("ground truth of %s via CN", scenario.id())
                .contains(control);
    }

    private static long count(List<BrowserVisit.Exchange> exchanges, String host) {
        return exchanges.stream().filter(exchange -> exchange.host().equals(host)).count();
    }

    @Test
    public void accessible() {
        try (BrowserVisit abroad = visit("US", Scenario.ACCESSIBLE)) {
            assertThat(abroad.status()).isEqualTo(200);
            assertThat(abroad.settle().page().textContent("#status")).contains("页面加载完成");
        }
        assertControlGetsPortal(Scenario.ACCESSIBLE);
        assertGroundTruth(Scenario.ACCESSIBLE, Verdict.ACCESSIBLE, Verdict.ACCESSIBLE);
    }

    @Test
    public void http403Denial() {
        try (BrowserVisit abroad = visit("US", Scenario.HTTP_403_DENIAL)) {
            assertThat(abroad.status()).isEqualTo(403);
            assertThat(abroad.page().content()).contains("访问被拒绝");
        }
        assertControlGetsPortal(Scenario.HTTP_403_DENIAL);
        assertGroundTruth(Scenario.HTTP_403_DENIAL, Verdict.BLOCK_PAGE, Verdict.ACCESSIBLE);
    }

    @Test
    public void tcpReset() {
        try (BrowserVisit abroad = visit("US", Scenario.TCP_RESET)) {
            assertThat(abroad.navigationError()).isEqualTo("net::ERR_CONNECTION_RESET");
        }
        assertControlGetsPortal(Scenario.TCP_RESET);
        assertGroundTruth(Scenario.TCP_RESET, Verdict.CONNECTION_RESET, Verdict.ACCESSIBLE);
    }

    @Test
    public void silentDrop() {
        try (BrowserVisit abroad = visit("US", ScenarioSites.url(Scenario.SILENT_DROP).toString(),
                EXPECTED_TIMEOUT_MILLIS)) {
            assertThat(abroad.timedOut()).as("navigation timed out").isTrue();
            assertThat(abroad.status()).isEqualTo(-1);
        }
        assertControlGetsPortal(Scenario.SILENT_DROP);
        assertGroundTruth(Scenario.SILENT_DROP, Verdict.TIMEOUT, Verdict.ACCESSIBLE);
    }

    @Test
    public void dropEverywhere() {
        for (String vantage : List.of("US", "CN")) {
            try (BrowserVisit visit = visit(vantage, ScenarioSites.url(Scenario.DROP_EVERYWHERE).toString(),
                    EXPECTED_TIMEOUT_MILLIS)) {
                assertThat(visit.timedOut()).as("navigation via %s timed out", vantage).isTrue();
                assertThat(visit.status()).isEqualTo(-1);
            }
        }
        assertGroundTruth(Scenario.DROP_EVERYWHERE, Verdict.SITE_DOWN, Verdict.SITE_DOWN);
    }

    @Test
    public void nxdomain() {
        try (BrowserVisit abroad = visit("US", Scenario.NXDOMAIN)) {
            assertThat(abroad.navigationError()).isEqualTo(TUNNEL_FAILED);
        }
        assertControlGetsPortal(Scenario.NXDOMAIN);
        assertGroundTruth(Scenario.NXDOMAIN, Verdict.DNS_FAILURE, Verdict.ACCESSIBLE);
    }

    @Test
    public void heavyPage() {
        String site = ScenarioSites.url(Scenario.HEAVY_PAGE).getHost();
        for (String country : List.of("US", "CN")) {
            try (BrowserVisit visit = visit(country, Scenario.HEAVY_PAGE)) {
                List<BrowserVisit.Exchange> responses = visit.settle().responses();

                assertThat(visit.status()).as(country).isEqualTo(200);
                assertThat(visit.failures()).as(country).isEmpty();
                assertThat(responses).as(country).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
                assertThat(count(responses, site)).as(country).isEqualTo(1 + 2 + HeavyPage.OWN_IMAGES);
                assertThat(count(responses, SupportHost.STATIC.host())).as(country)
                        .isEqualTo(HeavyPage.STATIC_STYLESHEETS + HeavyPage.STATIC_SCRIPTS);
                assertThat(count(responses, SupportHost.IMAGES.host())).as(country).isEqualTo(HeavyPage.REMOTE_IMAGES);
                assertThat(responses.size() - 1).as(country).isGreaterThanOrEqualTo(30);
                assertThat(visit.page().evaluate("() => window.geowallModules")).as(country)
                        .isEqualTo(HeavyPage.STATIC_SCRIPTS);
            }
        }
        assertGroundTruth(Scenario.HEAVY_PAGE, Verdict.ACCESSIBLE, Verdict.ACCESSIBLE);
    }

    @Test
    public void connectionRefused() {
        try (BrowserVisit abroad = visit("US", Scenario.CONNECTION_REFUSED)) {
            assertThat(abroad.navigationError()).isEqualTo(TUNNEL_FAILED);
            assertThat(abroad.elapsedMillis()).as("a refusal is immediate").isLessThan(CONNECT_TIMEOUT_MILLIS);
        }
        assertControlGetsPortal(Scenario.CONNECTION_REFUSED);
        assertGroundTruth(Scenario.CONNECTION_REFUSED, Verdict.CONNECTION_REFUSED, Verdict.ACCESSIBLE);
    }

    @Test
    public void blackholeConnect() {
        try (BrowserVisit abroad = visit("US", Scenario.BLACKHOLE_CONNECT)) {
            assertThat(abroad.navigationError()).isEqualTo(TUNNEL_FAILED);
            assertThat(abroad.elapsedMillis()).as("the proxy waits out its connect timeout")
                    .isGreaterThanOrEqualTo(CONNECT_TIMEOUT_MILLIS);
        }
        assertControlGetsPortal(Scenario.BLACKHOLE_CONNECT);
        assertGroundTruth(Scenario.BLACKHOLE_CONNECT, Verdict.TIMEOUT, Verdict.ACCESSIBLE);
    }

    @Test
    public void captchaWall() {
        try (BrowserVisit abroad = visit("US", Scenario.CAPTCHA_WALL)) {
            abroad.page().waitForSelector("#nc_1_n1z");
            List<String> cookies = abroad.cookies().stream().map(cookie -> cookie.name).toList();

            assertThat(abroad.status()).isEqualTo(200);
            assertThat(abroad.navigations()).as("the challenge reloads the page once").hasSize(2);
            assertThat(cookies).contains("acw_sc__v2", "acw_tc");
            assertThat(abroad.page().content()).contains("滑动验证").contains("请完成安全验证");
        }
        try (BrowserVisit home = visit("CN", Scenario.CAPTCHA_WALL)) {
            assertThat(home.settle().page().content()).contains("政务公开").doesNotContain("滑动验证");
            assertThat(home.cookies()).extracting((Cookie cookie) -> cookie.name).doesNotContain("acw_sc__v2");
        }
        assertGroundTruth(Scenario.CAPTCHA_WALL, Verdict.CAPTCHA_WALL, Verdict.ACCESSIBLE);
    }

    @Test
    public void staticHostBlocked() {
        String staticHost = SupportHost.STATIC_HOME_ONLY.host();
        try (BrowserVisit abroad = visit("US", Scenario.STATIC_HOST_BLOCKED)) {
            abroad.settle();

            assertThat(abroad.status()).isEqualTo(200);
            assertThat(abroad.failures()).hasSize(2).allSatisfy(failure -> {
                assertThat(failure.host()).isEqualTo(staticHost);
                assertThat(failure.failure()).startsWith("net::ERR_");
            });
            assertThat(abroad.page().locator("#news li").count()).isZero();
        }
        try (BrowserVisit home = visit("CN", Scenario.STATIC_HOST_BLOCKED)) {
            home.settle();

            assertThat(home.failures()).isEmpty();
            assertThat(count(home.responses(), staticHost)).isEqualTo(2);
            assertThat(home.page().locator("#news li").count()).isEqualTo(3);
        }
        assertGroundTruth(Scenario.STATIC_HOST_BLOCKED, Verdict.SUBRESOURCE_BLOCKED, Verdict.ACCESSIBLE);
    }

    @Test
    public void dataApiBlocked() {
        try (BrowserVisit abroad = visit("US", Scenario.DATA_API_BLOCKED)) {
            abroad.page().waitForSelector("#status.error");

            assertThat(abroad.status()).isEqualTo(200);
            assertThat(abroad.responses()).anySatisfy(response -> {
                assertThat(response.host()).isEqualTo(SupportHost.DATA_API_HOME_ONLY.host());
                assertThat(response.status()).isEqualTo(403);
            });
            assertThat(abroad.page().textContent("#status")).contains(ScriptedPages.DATA_ERROR).contains("HTTP 403");
            assertThat(abroad.page().locator("#news li").count()).isZero();
        }
        try (BrowserVisit home = visit("CN", Scenario.DATA_API_BLOCKED)) {
            home.page().waitForSelector("#news li");

            assertThat(home.page().locator("#news li").count()).isEqualTo(4);
            assertThat(home.page().textContent("#status")).doesNotContain(ScriptedPages.DATA_ERROR);
        }
        assertGroundTruth(Scenario.DATA_API_BLOCKED, Verdict.CONTENT_BLOCKED, Verdict.ACCESSIBLE);
    }

    @Test
    public void scriptedGeoRedirect() {
        String denial = "https://" + SupportHost.DENIAL.host() + "/region-unavailable.html";
        try (BrowserVisit abroad = visit("US", Scenario.SCRIPTED_GEO_REDIRECT)) {
            abroad.page().waitForURL(denial);

            assertThat(abroad.status()).as("the site itself answers 200").isEqualTo(200);
            assertThat(abroad.navigations()).containsExactly(ScenarioSites.url(Scenario.SCRIPTED_GEO_REDIRECT)
                    .toString(), denial);
            assertThat(abroad.page().content()).contains("该服务在您所在的地区不可用");
        }
        try (BrowserVisit home = visit("CN", Scenario.SCRIPTED_GEO_REDIRECT)) {
            home.settle();

            assertThat(home.responses()).anySatisfy(response ->
                    assertThat(response.host()).isEqualTo(SupportHost.GEOLOCATION.host()));
            assertThat(home.page().url()).isEqualTo(ScenarioSites.url(Scenario.SCRIPTED_GEO_REDIRECT).toString());
            assertThat(home.navigations()).hasSize(1);
        }
        assertGroundTruth(Scenario.SCRIPTED_GEO_REDIRECT, Verdict.CLIENT_REDIRECT_BLOCK, Verdict.ACCESSIBLE);
    }

    @Test
    public void httpRedirectDenial() {
        String site = ScenarioSites.url(Scenario.HTTP_REDIRECT_DENIAL).toString();
        try (BrowserVisit abroad = visit("US", Scenario.HTTP_REDIRECT_DENIAL)) {
            var redirect = abroad.mainResponse().request().redirectedFrom();

            assertThat(abroad.page().url()).isEqualTo("https://" + SupportHost.DENIAL.host() + "/denied.html");
            assertThat(abroad.status()).isEqualTo(403);
            assertThat(redirect.url()).isEqualTo(site);
            assertThat(redirect.response().status()).isEqualTo(302);
            assertThat(abroad.page().content()).contains("访问受限");
        }
        assertControlGetsPortal(Scenario.HTTP_REDIRECT_DENIAL);
        assertGroundTruth(Scenario.HTTP_REDIRECT_DENIAL, Verdict.BLOCK_PAGE, Verdict.ACCESSIBLE);
    }

    @Test
    public void gbkDenial() {
        try (BrowserVisit abroad = visit("US", Scenario.GBK_DENIAL)) {
            assertThat(abroad.status()).isEqualTo(403);
            assertThat(abroad.mainResponse().headers().get("content-type")).isEqualTo("text/html");
            assertThat(abroad.page().content()).contains("访问被拒绝").contains("根据相关规定");
            assertThat(abroad.page().title()).isEqualTo("403 禁止访问");
        }
        assertControlGetsPortal(Scenario.GBK_DENIAL);
        assertGroundTruth(Scenario.GBK_DENIAL, Verdict.BLOCK_PAGE, Verdict.ACCESSIBLE);
    }

    @Test
    public void tlsAbort() {
        String plain = "http://" + ScenarioSites.url(Scenario.TLS_ABORT).getHost() + "/";
        try (BrowserVisit abroad = visit("US", Scenario.TLS_ABORT)) {
            assertThat(abroad.navigationError()).startsWith("net::ERR_SSL_");
        }
        try (BrowserVisit abroadPlain = visit("US", plain, NAVIGATION_MILLIS)) {
            assertThat(abroadPlain.status()).as("plain HTTP still served abroad").isEqualTo(200);
            assertThat(abroadPlain.page().content()).contains("政务公开");
        }
        assertControlGetsPortal(Scenario.TLS_ABORT);
        assertGroundTruth(Scenario.TLS_ABORT, Verdict.TLS_FAILURE, Verdict.ACCESSIBLE);
    }

    @Test
    public void slow() {
        for (String country : List.of("US", "CN")) {
            try (BrowserVisit visit = visit(country, Scenario.SLOW)) {
                assertThat(visit.status()).as(country).isEqualTo(200);
                assertThat(visit.elapsedMillis()).as(country).isGreaterThanOrEqualTo(SLOW_MILLIS);
                assertThat(visit.page().content()).as(country).contains("政务公开");
            }
        }
        assertGroundTruth(Scenario.SLOW, Verdict.ACCESSIBLE, Verdict.ACCESSIBLE);
    }

    @Test
    public void downEverywhere() {
        for (String country : List.of("US", "CN")) {
            try (BrowserVisit visit = visit(country, Scenario.DOWN_EVERYWHERE)) {
                assertThat(visit.status()).as(country).isEqualTo(503);
                assertThat(visit.page().content()).as(country).contains("503 Service Temporarily Unavailable");
            }
        }
        assertGroundTruth(Scenario.DOWN_EVERYWHERE, Verdict.SITE_DOWN, Verdict.SITE_DOWN);
    }

    @Test
    public void flaky() {
        int failed = 0;
        int served = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            try (BrowserVisit visit = visit(attempt % 2 == 0 ? "CN" : "US", Scenario.FLAKY)) {
                if (visit.status() == 200) {
                    served++;
                } else {
                    assertThat(visit.navigationError()).as("attempt %d", attempt).startsWith("net::ERR_");
                    failed++;
                }
            }
        }

        assertThat(failed).as("failed loads of 10").isBetween(1, 7);
        assertThat(served).as("served loads of 10").isBetween(3, 9);
        assertGroundTruth(Scenario.FLAKY, Verdict.ACCESSIBLE, Verdict.ACCESSIBLE);
    }

    @Test
    public void dnsServfail() {
        try (BrowserVisit abroad = visit("US", Scenario.DNS_SERVFAIL)) {
            assertThat(abroad.navigationError()).isEqualTo(TUNNEL_FAILED);
        }
        assertControlGetsPortal(Scenario.DNS_SERVFAIL);
        assertGroundTruth(Scenario.DNS_SERVFAIL, Verdict.DNS_FAILURE, Verdict.ACCESSIBLE);
    }

    @Test
    public void dnsNoAnswer() {
        try (BrowserVisit abroad = visit("US", Scenario.DNS_NO_ANSWER)) {
            assertThat(abroad.navigationError()).isEqualTo(TUNNEL_FAILED);
        }
        assertControlGetsPortal(Scenario.DNS_NO_ANSWER);
        assertGroundTruth(Scenario.DNS_NO_ANSWER, Verdict.DNS_FAILURE, Verdict.ACCESSIBLE);
    }

    @Test
    public void everyScenarioHasATest() throws Exception {
        List<String> tests = java.util.Arrays.stream(LabScenariosIT.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class)).map(method -> method.getName()).toList();

        for (Scenario scenario : Scenario.values()) {
            String name = java.util.regex.Pattern.compile("_([a-z0-9])").matcher(scenario.id())
                    .replaceAll(match -> match.group(1).toUpperCase(java.util.Locale.ROOT));
            assertThat(tests).as("a test named after scenario %s", scenario.id()).contains(name);
        }
    }
}
