package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testng.annotations.Test;

public class SiteRouterTest {

    private static LabSite site(String host, Scenario scenario) throws Exception {
        return new LabSite(host, "Site " + host, scenario, "CN", InetAddress.getByName("127.1.0.1"), 1, 2,
                0);
    }

    private static SitePages.Document get(LabSite site, Scenario played, String path, boolean secure,
                                          String country) {
        return SiteRouter.route(new SiteRouter.Request(site, played, path, secure, country));
    }

    private static String text(SitePages.Document document) {
        return new String(document.body(), StandardCharsets.UTF_8);
    }

    @Test
    public void pathDropsQueryAndAbsoluteForm() {
        assertThat(SiteRouter.path("/static/app.js?v=3")).isEqualTo("/static/app.js");
        assertThat(SiteRouter.path("http://a.lab.gov.cn/index.html?x")).isEqualTo("/index.html");
        assertThat(SiteRouter.path("http://a.lab.gov.cn")).isEmpty();
        assertThat(SiteRouter.isIndex("/")).isTrue();
        assertThat(SiteRouter.isIndex("/static/app.js")).isFalse();
    }

    @Test
    public void gbkDenialHasNoCharsetInContentType() throws Exception {
        SitePages.Document document = get(site("gbk.lab.gov.cn", Scenario.GBK_DENIAL), Scenario.GBK_DENIAL, "/",
                true, "US");
        String decoded = new String(document.body(), DenialPages.GBK);

        assertThat(document.status()).isEqualTo(403);
        assertThat(document.contentType()).isEqualTo("text/html").doesNotContain("charset");
        assertThat(decoded).contains("charset=gbk").contains("访问被拒绝");
        assertThat(text(document)).doesNotContain("访问被拒绝");
    }

    @Test
    public void redirectDenialKeepsScheme() throws Exception {
        LabSite site = site("moved.lab.gov.cn", Scenario.HTTP_REDIRECT_DENIAL);

        assertThat(get(site, Scenario.HTTP_REDIRECT_DENIAL, "/", true, "US").extraHeaders())
                .containsExactly("Location: https://deny.geowall-lab.test/denied.html");
        assertThat(get(site, Scenario.HTTP_REDIRECT_DENIAL, "/", false, "US").extraHeaders())
                .containsExactly("Location: http://deny.geowall-lab.test/denied.html");
        assertThat(get(site, Scenario.HTTP_REDIRECT_DENIAL, "/", true, "US").status()).isEqualTo(302);
    }

    @Test
    public void heavyPageReferencesThirtyResourcesOnThreeHosts() throws Exception {
        String html = text(get(site("heavy.lab.gov.cn", Scenario.HEAVY_PAGE), Scenario.HEAVY_PAGE, "/", true, "CN"));
        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        int own = 0;
        int assets = 0;
        int images = 0;
        while (references.find()) {
            String url = references.group(1);
            if (url.startsWith("//" + SupportHost.STATIC.host())) {
                assets++;
            } else if (url.startsWith("//" + SupportHost.IMAGES.host())) {
                images++;
            } else if (url.startsWith("/")) {
                own++;
            }
        }

        assertThat(own).isEqualTo(2 + HeavyPage.OWN_IMAGES);
        assertThat(assets).isEqualTo(HeavyPage.STATIC_STYLESHEETS + HeavyPage.STATIC_SCRIPTS);
        assertThat(images).isEqualTo(HeavyPage.REMOTE_IMAGES);
        assertThat(own + assets + images).isEqualTo(HeavyPage.SUBRESOURCES).isGreaterThanOrEqualTo(30);
    }

    @Test
    public void heavyPageResourcesServed() throws Exception {
        LabSite heavy = site("heavy.lab.gov.cn", Scenario.HEAVY_PAGE);
        LabSite images = site(SupportHost.IMAGES.host(), Scenario.ACCESSIBLE);
        LabSite assets = site(SupportHost.STATIC.host(), Scenario.ACCESSIBLE);

        assertThat(get(heavy, Scenario.HEAVY_PAGE, "/images/banner-3.svg", true, "US").contentType())
                .isEqualTo(AssetPages.SVG);
        assertThat(get(images, Scenario.ACCESSIBLE, "/img/service-12.svg", true, "US").status()).isEqualTo(200);
        assertThat(get(assets, Scenario.ACCESSIBLE, "/css/part-1.css", true, "US").contentType())
                .isEqualTo(SitePages.CSS);
        assertThat(get(assets, Scenario.ACCESSIBLE, "/js/module-5.js", true, "US").contentType())
                .isEqualTo(SitePages.JAVASCRIPT);
        assertThat(get(assets, Scenario.ACCESSIBLE, "/etc/passwd", true, "US").status()).isEqualTo(404);
    }

    @Test
    public void dataApiAnswersByScenarioPlayed() throws Exception {
        LabSite api = site(SupportHost.DATA_API_HOME_ONLY.host(), Scenario.HTTP_403_DENIAL);

        SitePages.Document home = get(api, Scenario.ACCESSIBLE, "/v1/news.json", true, "CN");
        SitePages.Document abroad = get(api, Scenario.HTTP_403_DENIAL, "/v1/news.json", true, "US");

        assertThat(home.status()).isEqualTo(200);
        assertThat(text(home)).contains("政府信息公开年度报告");
        assertThat(abroad.status()).isEqualTo(403);
        assertThat(abroad.contentType()).isEqualTo(SupportPages.JSON);
        assertThat(abroad.extraHeaders()).contains("Access-Control-Allow-Origin: *");
    }

    @Test
    public void geolocationReturnsGeoIpCountry() throws Exception {
        LabSite geo = site(SupportHost.GEOLOCATION.host(), Scenario.ACCESSIBLE);

        assertThat(text(get(geo, Scenario.ACCESSIBLE, "/v1/country", true, "JP"))).isEqualTo("{\"country\":\"JP\"}\n");
        assertThat(text(get(geo, Scenario.ACCESSIBLE, "/v1/country", true, "??"))).contains("\"??\"");
    }

    @Test
    public void captchaWallSetsCookiesWithStatus200() throws Exception {
        SitePages.Document wall = get(site("waf.lab.gov.cn", Scenario.CAPTCHA_WALL), Scenario.CAPTCHA_WALL, "/any",
                true, "US");

        assertThat(wall.status()).isEqualTo(200);
        assertThat(wall.extraHeaders()).singleElement().asString().startsWith("Set-Cookie: acw_tc=");
        assertThat(text(wall)).contains("滑动验证").contains("请完成安全验证").contains("acw_sc__v2=")
                .contains("location.reload()");
    }

    @Test
    public void homeClientsOfForeignOnlyScenarioGetPortal() throws Exception {
        LabSite site = site("waf.lab.gov.cn", Scenario.CAPTCHA_WALL);

        SitePages.Document home = get(site, Scenario.CAPTCHA_WALL.playedFor(false), "/", true, "CN");

        assertThat(home.status()).isEqualTo(200);
        assertThat(text(home)).contains("政务公开").doesNotContain("acw_sc__v2");
    }

    @Test
    public void downEverywhereAnswers503() throws Exception {
        SitePages.Document down = get(site("down.lab.gov.cn", Scenario.DOWN_EVERYWHERE), Scenario.DOWN_EVERYWHERE,
                "/", true, "CN");

        assertThat(down.status()).isEqualTo(503);
    }
}
