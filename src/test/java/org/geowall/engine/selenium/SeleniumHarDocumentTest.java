package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.geowall.capture.FailedRequest;
import org.testng.annotations.Test;

/** BrowserMob's HAR as Geowall keeps it: without CONNECT entries, with failures, with the main status. */
public class SeleniumHarDocumentTest {

    private static String entry(String method, String url, int status, String location) {
        String headers = location == null ? "[]" : "[{\"name\": \"Location\", \"value\": \"" + location + "\"}]";
        return """
                {"request": {"method": "%s", "url": "%s", "headers": []},
                 "response": {"status": %d, "headers": %s, "redirectURL": ""}}
                """.formatted(method, url, status, headers);
    }

    private static HarDocument har(String... entries) throws IOException {
        return HarDocument.parse("{\"log\": {\"version\": \"1.2\", \"entries\": [" + String.join(",", entries) + "]}}");
    }

    @Test
    public void mainStatusFollowsRedirects() throws IOException {
        HarDocument har = har(entry("GET", "https://www.gov.cn/", 302, "/zh/index.html"),
                entry("GET", "https://www.gov.cn/zh/index.html", 301, "https://gov.cn/home"),
                entry("GET", "https://gov.cn/home", 403, null));

        assertThat(har.mainStatus("https://www.gov.cn")).isEqualTo(403);
        assertThat(har.navigationChain("https://www.gov.cn/")).hasSize(3);
    }

    @Test
    public void mainStatusNullWithoutResponse() throws IOException {
        HarDocument har = har(entry("GET", "https://www.gov.cn/", 0, null));

        assertThat(har.mainStatus("https://www.gov.cn/")).isNull();
        assertThat(har.mainStatus("https://other.example/")).isNull();
    }

    @Test
    public void redirectLoopEnds() throws IOException {
        HarDocument har = har(entry("GET", "https://a.example/", 302, "https://b.example/"),
                entry("GET", "https://b.example/", 302, "https://a.example/"));

        assertThat(har.navigationChain("https://a.example/")).hasSize(2);
        assertThat(har.mainStatus("https://a.example/")).isEqualTo(302);
    }

    @Test
    public void failureAddedAsPlaywrightMarksIt() throws IOException {
        HarDocument har = har();

        har.markFailures(List.of(new FailedRequest("https://www.gov.cn/", "GET", "document",
                "net::ERR_CONNECTION_RESET")));

        assertThat(har.entries()).hasSize(1);
        assertThat(har.toString()).contains("\"status\":-1").contains("\"_failureText\":\"net::ERR_CONNECTION_RESET\"");
    }

    @Test
    public void failureMarkedOnExistingEntry() throws IOException {
        HarDocument har = har(entry("GET", "https://www.gov.cn/app.js", 0, null));

        har.markFailures(List.of(new FailedRequest("https://www.gov.cn/app.js", "GET", "script",
                "net::ERR_EMPTY_RESPONSE")));

        assertThat(har.entries()).hasSize(1);
        assertThat(har.entries().get(0).path("response").path("_failureText").asText())
                .isEqualTo("net::ERR_EMPTY_RESPONSE");
    }

    @Test
    public void urlsCompareNormalized() {
        assertThat(HarDocument.normalize("https://www.gov.cn")).isEqualTo("https://www.gov.cn/");
        assertThat(HarDocument.normalize("https://www.gov.cn:443/a?b=1")).isEqualTo("https://www.gov.cn/a?b=1");
        assertThat(HarDocument.normalize("http://www.gov.cn:8080/")).isEqualTo("http://www.gov.cn:8080/");
    }

    @Test
    public void serviceHostsRecognized() {
        assertThat(BrowserServiceFilter.isServiceHost("update.googleapis.com:443")).isTrue();
        assertThat(BrowserServiceFilter.isServiceHost("https://accounts.google.com/ListAccounts")).isTrue();
        assertThat(BrowserServiceFilter.isServiceHost("https://fonts.googleapis.com/css")).isFalse();
        assertThat(BrowserServiceFilter.isServiceHost("www.gov.cn")).isFalse();
    }
}
