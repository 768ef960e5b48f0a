package org.geowall.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.geowall.probe.ProbeResult;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class LoadClassifierTest {

    private static final SignatureSet SIGNATURES = SignatureSet.builtIn();

    private static EvidenceBuilder page() {
        return new EvidenceBuilder();
    }

    private static ProbeResult proxyAnswer(int status, String cause) {
        return EvidenceBuilder.probe(status, cause);
    }

    @DataProvider
    public Object[][] cases() {
        return new Object[][] {
            {page(), Verdict.ACCESSIBLE, "rendered"},
            {page().status(403), Verdict.BLOCK_PAGE, "main_document_status"},
            {page().status(451), Verdict.BLOCK_PAGE, "main_document_status"},
            {page().timedOut("tls"), Verdict.TIMEOUT, "navigation_timeout"},
            {page().failed("net::ERR_CONNECTION_RESET"), Verdict.CONNECTION_RESET, "navigation_error"},
            {page().failed("net::ERR_EMPTY_RESPONSE"), Verdict.CONNECTION_RESET, "navigation_error"},
            {page().failed("net::ERR_CONNECTION_REFUSED"), Verdict.CONNECTION_REFUSED, "navigation_error"},
            {page().failed("net::ERR_NAME_NOT_RESOLVED"), Verdict.DNS_FAILURE, "navigation_error"},
            {page().failed("net::ERR_SSL_PROTOCOL_ERROR"), Verdict.TLS_FAILURE, "navigation_error"},
            {page().failed("net::ERR_CERT_AUTHORITY_INVALID"), Verdict.TLS_FAILURE, "navigation_error"},
            {page().failed("net::ERR_PROXY_CONNECTION_FAILED"), Verdict.PROXY_ERROR, "navigation_error"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(proxyAnswer(502, "dns_nxdomain")),
                Verdict.DNS_FAILURE, "proxy_error_header"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(proxyAnswer(502, "dns_servfail")),
                Verdict.DNS_FAILURE, "proxy_error_header"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(proxyAnswer(502, "connection_refused")),
                Verdict.CONNECTION_REFUSED, "proxy_error_header"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(proxyAnswer(502, "connection_reset")),
                Verdict.CONNECTION_RESET, "proxy_error_header"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(proxyAnswer(504, "connect_timeout")),
                Verdict.TIMEOUT, "proxy_error_header"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(proxyAnswer(502, null)),
                Verdict.PROXY_ERROR, "tunnel_failed_without_cause"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(proxyAnswer(407, null)),
                Verdict.PROXY_ERROR, "proxy_authentication"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(ProbeResult.unreachable("refused", 0)),
                Verdict.PROXY_ERROR, "proxy_unreachable"},
            {page().failed("net::ERR_TUNNEL_CONNECTION_FAILED").probe(new ProbeResult(true, null, null, null, null,
                null, null, java.util.List.of(), null, null, null, null, null, null, null, "timeout", 7000)),
                Verdict.TIMEOUT, "tunnel_timeout"},
            {page().failed("net::ERR_SOMETHING_NEW"), Verdict.HARNESS_ERROR, "unknown_navigation_error"},
            {page().dom("<div id=nc_1_wrapper>请按住滑块，拖动到最右边</div>"), Verdict.CAPTCHA_WALL,
                "signature:aliyun-waf-slider"},
            {page().cookies("acw_tc", "acw_sc__v2").dom("<script>document.cookie='acw_sc__v2=1';location.reload()"
                + "</script>"), Verdict.CAPTCHA_WALL, "signature:aliyun-waf-cookie-challenge"},
            {page().dom("<p>对不起，您所在的地区暂时无法访问本网站。</p>"), Verdict.BLOCK_PAGE,
                "signature:cn-overseas-access-denied"},
            {page().title("Just a moment...").dom("<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page"
                + "/v1\"></script>"), Verdict.CAPTCHA_WALL, "signature:cloudflare-challenge"},
        };
    }

    @Test(dataProvider = "cases")
    public void classifiesLoad(EvidenceBuilder evidence, Verdict expected, String rule) {
        VerdictDecision decision = LoadClassifier.classify(evidence.build(), SIGNATURES);

        assertThat(decision.verdict()).isEqualTo(expected);
        assertThat(decision.rule()).isEqualTo(rule);
        assertThat(decision.detail()).isNotBlank();
    }

    @Test
    public void harnessErrorWinsOverEverything() {
        VerdictDecision decision = LoadClassifier.classify(
                page().harnessError("TargetClosedError: browser has been closed").build(), SIGNATURES);

        assertThat(decision.verdict()).isEqualTo(Verdict.HARNESS_ERROR);
        assertThat(decision.detail()).contains("browser has been closed");
    }

    @Test
    public void timeoutPhaseTakenFromProbeWhenBrowserHasNone() {
        ProbeResult stuckInHandshake = new ProbeResult(true, 200, null, null, null, null, null, java.util.List.of(),
                "https://www.gov.cn/", null, null, null, null, null, null, "timeout", 5000);

        VerdictDecision decision = LoadClassifier.classify(page().timedOut(null).probe(stuckInHandshake).build(),
                SIGNATURES);

        assertThat(decision.detail()).endsWith("phase tls");
    }

    @Test
    public void domContentLoadedPhaseNamed() {
        VerdictDecision decision = LoadClassifier.classify(page().timedOut("dom_content_loaded").build(), SIGNATURES);

        assertThat(decision.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(decision.detail()).endsWith("phase dom_content_loaded");
    }

    @Test
    public void firstBytePhaseTakenFromProbe() {
        ProbeResult stuckAfterRequest = new ProbeResult(true, 200, null, "TLSv1.3 TLS_AES_128_GCM_SHA256", null, null,
                null, java.util.List.of(), "https://www.gov.cn/", null, null, null, null, null, null, "timeout", 2000);

        VerdictDecision decision = LoadClassifier.classify(page().timedOut(null).probe(stuckAfterRequest).build(),
                SIGNATURES);

        assertThat(decision.detail()).endsWith("phase first_byte");
    }

    @Test
    public void ordinaryPageWithCloudflareScriptNotAWall() {
        String dom = "<title>Just a moment...</title><script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\">"
                + "</script>cf-chl";

        VerdictDecision decision = LoadClassifier.classify(page().title("Just a moment...").dom(dom).build(),
                SIGNATURES);

        assertThat(decision.verdict()).isEqualTo(Verdict.ACCESSIBLE);
    }

    @Test
    public void verdictIdsAreSnakeCase() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(verdict.id()).matches("[a-z_]+");
            assertThat(Verdict.fromId(verdict.id())).isEqualTo(verdict);
        }
    }
}
