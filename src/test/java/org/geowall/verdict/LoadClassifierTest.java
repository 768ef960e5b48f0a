package org.geowall.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.geowall.capture.PageLoad;
import org.geowall.probe.ProbeResult;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class LoadClassifierTest {

    private static final ProbeResult TUNNEL_OK = probeAnswer(200, null);

    private static ProbeResult probeAnswer(int connectStatus, String cause) {
        return new ProbeResult(true, connectStatus, cause, null, null, null, null, List.of(), null, null, null, null,
                null, null, null, null, 0);
    }

    private static PageLoad loaded(int status) {
        PageLoad load = new PageLoad("https://www.gov.cn/");
        load.setMainStatus(status);
        return load;
    }

    private static PageLoad failed(String error) {
        PageLoad load = new PageLoad("https://www.gov.cn/");
        load.setNavigationError(error, false);
        return load;
    }

    private static PageLoad timedOut() {
        PageLoad load = new PageLoad("https://www.gov.cn/");
        load.setNavigationError("timeout: no load event within 8000 ms", true);
        return load;
    }

    private static ProbeResult proxyAnswer(int status, String cause) {
        return probeAnswer(status, cause);
    }

    @DataProvider
    public Object[][] cases() {
        return new Object[][] {
            {loaded(200), TUNNEL_OK, Verdict.ACCESSIBLE, "rendered"},
            {loaded(403), TUNNEL_OK, Verdict.BLOCK_PAGE, "main_document_status"},
            {loaded(451), TUNNEL_OK, Verdict.BLOCK_PAGE, "main_document_status"},
            {timedOut(), TUNNEL_OK, Verdict.TIMEOUT, "navigation_timeout"},
            {failed("net::ERR_CONNECTION_RESET"), TUNNEL_OK, Verdict.CONNECTION_RESET, "navigation_error"},
            {failed("net::ERR_EMPTY_RESPONSE"), TUNNEL_OK, Verdict.CONNECTION_RESET, "navigation_error"},
            {failed("net::ERR_CONNECTION_REFUSED"), TUNNEL_OK, Verdict.CONNECTION_REFUSED, "navigation_error"},
            {failed("net::ERR_NAME_NOT_RESOLVED"), null, Verdict.DNS_FAILURE, "navigation_error"},
            {failed("net::ERR_SSL_PROTOCOL_ERROR"), TUNNEL_OK, Verdict.TLS_FAILURE, "navigation_error"},
            {failed("net::ERR_CERT_AUTHORITY_INVALID"), TUNNEL_OK, Verdict.TLS_FAILURE, "navigation_error"},
            {failed("net::ERR_PROXY_CONNECTION_FAILED"), null, Verdict.PROXY_ERROR, "navigation_error"},
            {failed("net::ERR_TUNNEL_CONNECTION_FAILED"), proxyAnswer(502, "dns_nxdomain"),
                Verdict.DNS_FAILURE, "proxy_error_header"},
            {failed("net::ERR_TUNNEL_CONNECTION_FAILED"), proxyAnswer(502, "connection_refused"),
                Verdict.CONNECTION_REFUSED, "proxy_error_header"},
            {failed("net::ERR_TUNNEL_CONNECTION_FAILED"), proxyAnswer(502, "connection_reset"),
                Verdict.CONNECTION_RESET, "proxy_error_header"},
            {failed("net::ERR_TUNNEL_CONNECTION_FAILED"), proxyAnswer(504, "connect_timeout"),
                Verdict.TIMEOUT, "proxy_error_header"},
            {failed("net::ERR_TUNNEL_CONNECTION_FAILED"), proxyAnswer(502, null),
                Verdict.PROXY_ERROR, "tunnel_failed_without_cause"},
            {failed("net::ERR_TUNNEL_CONNECTION_FAILED"), proxyAnswer(407, null),
                Verdict.PROXY_ERROR, "proxy_authentication"},
            {failed("net::ERR_TUNNEL_CONNECTION_FAILED"), ProbeResult.unreachable("refused", 0),
                Verdict.PROXY_ERROR, "proxy_unreachable"},
            {failed("net::ERR_SOMETHING_NEW"), TUNNEL_OK, Verdict.HARNESS_ERROR, "unknown_navigation_error"},
        };
    }

    @Test(dataProvider = "cases")
    public void classifiesLoad(PageLoad load, ProbeResult probe, Verdict expected, String rule) {
        VerdictDecision decision = LoadClassifier.classify(load, probe);

        assertThat(decision.verdict()).isEqualTo(expected);
        assertThat(decision.rule()).isEqualTo(rule);
        assertThat(decision.detail()).isNotBlank();
    }

    @Test
    public void harnessErrorWinsOverEverything() {
        PageLoad load = loaded(200);
        load.setHarnessError("TargetClosedError: browser has been closed");

        VerdictDecision decision = LoadClassifier.classify(load, TUNNEL_OK);

        assertThat(decision.verdict()).isEqualTo(Verdict.HARNESS_ERROR);
        assertThat(decision.detail()).contains("browser has been closed");
    }

    @Test
    public void verdictIdsAreSnakeCase() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(verdict.id()).matches("[a-z_]+");
            assertThat(Verdict.fromId(verdict.id())).isEqualTo(verdict);
        }
    }
}
