package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.geowall.probe.ProbeResult;
import org.geowall.report.ResultLine;
import org.geowall.report.SampleResults;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;

public class OutcomeMessageTest {

    @Test
    public void messageStatesVerdictRuleAndProbe() {
        ResultLine line = SampleResults.line("https://a.example/", "US", false, Verdict.BLOCK_PAGE, "HTTP 403", Map.of());

        assertThat(OutcomeMessage.of(line))
                .isEqualTo("block_page: rule_block_page (HTTP 403); probe: CONNECT 200, HTTP 200");
    }

    @Test
    public void multiLineDetailJoined() {
        ResultLine line = SampleResults.line("https://a.example/", "US", false, Verdict.HARNESS_ERROR,
                "PlaywrightException: crashed\n  at frame\r\n", Map.of());

        assertThat(OutcomeMessage.of(line)).doesNotContain("\n", "\r")
                .contains("(PlaywrightException: crashed at frame)");
    }

    @Test
    public void siteMarkupEscaped() {
        ResultLine line = SampleResults.line("http://a.example/", "US", false, Verdict.DNS_FAILURE,
                "<img src=x onerror=alert('1')> & \"q\"", Map.of());

        String message = OutcomeMessage.of(line);

        assertThat(message).doesNotContain("<", ">", "'", "\"");
        assertThat(message).contains("(&lt;img src=x onerror=alert(&#39;1&#39;)&gt; &amp; &quot;q&quot;)");
        assertThat(message).startsWith("dns_failure: ");
    }

    @Test
    public void longDetailCut() {
        assertThat(OutcomeMessage.oneLine("x".repeat(1000))).hasSize(303).endsWith("...");
    }

    @Test
    public void probeAnswersDescribed() {
        assertThat(OutcomeMessage.probe(ProbeResult.unreachable("Connection refused", 3)))
                .isEqualTo("proxy unreachable (Connection refused)");
        assertThat(OutcomeMessage.probe(new ProbeResult(true, 502, "dns_nxdomain", null, null, null, null,
                java.util.List.of(), null, null, null, null, null, null, null, null, 4)))
                .isEqualTo("CONNECT 502, HTTP none, error header dns_nxdomain");
        assertThat(OutcomeMessage.probe(new ProbeResult(true, 200, null, "TLSv1.3", null, 403, null,
                java.util.List.of(), null, null, null, null, null, null, null, null, 4)))
                .isEqualTo("CONNECT 200, HTTP 403");
        assertThat(OutcomeMessage.probe(null)).isEqualTo("not run");
    }
}
