package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import net.lightbody.bmp.core.har.Har;
import net.lightbody.bmp.core.har.HarEntry;
import net.lightbody.bmp.core.har.HarLog;
import net.lightbody.bmp.core.har.HarRequest;
import net.lightbody.bmp.core.har.HarResponse;
import org.geowall.capture.FailedRequest;
import org.geowall.capture.PageLoad;
import org.geowall.config.Budgets;
import org.geowall.engine.LoadRequest;
import org.testng.annotations.Test;

/** How BrowserMob's recording of a load becomes evidence, without a browser. */
public class SeleniumLoadRecordingTest {

    private static final String URL = "https://www.gov.cn/";

    private static HarEntry entry(String method, String url, int status, String error) {
        HarEntry entry = new HarEntry("page");
        entry.setRequest(new HarRequest(method, url, "HTTP/1.1"));
        HarResponse response = new HarResponse(status, "", "HTTP/1.1");
        response.setError(error);
        entry.setResponse(response);
        return entry;
    }

    private static PageLoad finish(List<HarEntry> entries, List<UpstreamFailure> upstream,
                                   List<FailedRequest> browserFailures, String navigationError) throws IOException {
        Har har = new Har(new HarLog());
        entries.forEach(har.getLog()::addEntry);
        PageLoad evidence = new PageLoad(URL);
        if (navigationError != null) {
            evidence.setNavigationError(navigationError, false);
        }
        LoadRequest request = new LoadRequest(URI.create(URL), null, Files.createTempDirectory("recording"),
                Budgets.defaults());
        new LoadRecording(new RecordingProxy.Recording(har, upstream), request, evidence).finish(browserFailures);
        return evidence;
    }

    @Test
    public void tunnelFailureGetsUpstreamCause() throws IOException {
        PageLoad load = finish(List.of(entry("CONNECT", "https://www.gov.cn:443", 0, "Unable to connect to host")),
                List.of(new UpstreamFailure("www.gov.cn:443", "IOException: Connection reset by peer",
                        "net::ERR_CONNECTION_RESET")),
                List.of(new FailedRequest(URL, "GET", "document", "net::ERR_TUNNEL_CONNECTION_FAILED")),
                "net::ERR_TUNNEL_CONNECTION_FAILED");

        assertThat(load.navigationError()).isEqualTo("net::ERR_CONNECTION_RESET");
        assertThat(load.failedRequests()).extracting(FailedRequest::failure).containsExactly("net::ERR_CONNECTION_RESET");
        assertThat(load.mainStatus()).isNull();
    }

    @Test
    public void tunnelFailureWithoutCauseStands() throws IOException {
        PageLoad load = finish(List.of(), List.of(new UpstreamFailure("www.gov.cn:443", "no cause given", null)),
                List.of(new FailedRequest(URL, "GET", "document", "net::ERR_TUNNEL_CONNECTION_FAILED")),
                "net::ERR_TUNNEL_CONNECTION_FAILED");

        assertThat(load.navigationError()).isEqualTo("net::ERR_TUNNEL_CONNECTION_FAILED");
    }

    @Test
    public void badGatewayPageBecomesNavigationError() throws IOException {
        PageLoad load = finish(List.of(entry("GET", URL, 0, "No response received")), List.of(), List.of(), null);

        assertThat(load.navigationError()).isEqualTo("net::ERR_EMPTY_RESPONSE");
        assertThat(load.mainStatus()).isNull();
        assertThat(load.failedRequests()).extracting(FailedRequest::url).containsExactly(URL);
    }

    @Test
    public void answeredDocumentKeepsItsStatus() throws IOException {
        PageLoad load = finish(List.of(entry("GET", URL, 403, null), entry("GET", URL + "app.js", 0,
                "No response received")), List.of(), List.of(), null);

        assertThat(load.navigationError()).isNull();
        assertThat(load.mainStatus()).isEqualTo(403);
        assertThat(load.failedRequests()).extracting(FailedRequest::url).containsExactly(URL + "app.js");
        assertThat(load.files()).containsKey(PageLoad.HAR);
    }
}
