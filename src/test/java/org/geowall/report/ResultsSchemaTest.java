package org.geowall.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geowall.capture.PageLoad;
import org.geowall.capture.PhaseTimings;
import org.geowall.probe.ProbeResult;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;

public class ResultsSchemaTest {

    private static JsonNode sampleLine() {
        ResultLine.Navigation navigation = new ResultLine.Navigation(null, false, null, 200,
                Map.of("content-type", "text/html"), List.of(new PageLoad.RedirectHop("https://www.gov.cn/", 200)),
                "https://www.gov.cn/", "中国政府网", 120, new PhaseTimings(null, 10.0, 5.0, 20.0, 100.0, 120.0, 500L),
                3, Map.of("www.gov.cn", 3), 0, 1, 0, "127.0.1.1 US", List.of("acw_tc"), null);
        ProbeResult probe = new ProbeResult(true, 200, null, "TLSv1.3 TLS_AES_256_GCM_SHA384", null, 200,
                Map.of("server", "lab"), List.of(), "https://www.gov.cn/", 900L, false, "utf-8", "header", "t", 50,
                null, 12);
        ResultLine line = new ResultLine(ResultLine.SCHEMA_VERSION, "run", "www.gov.cn", "https://www.gov.cn/",
                "Central", "", "central", "US", "US", false, "playwright/chromium 156", 1, Instant.now(),
                Instant.now(), 5, Verdict.ACCESSIBLE, "rendered", "HTTP 200", "false", Verdict.ACCESSIBLE,
                "probe_status", navigation, probe,
                Map.of("har", "evidence/US/www.gov.cn/attempt-1/page.har.gz", "console", "c.json",
                        "page_errors", "p.json", "failed_requests", "f.json"));
        return Json.MAPPER.valueToTree(line);
    }

    @Test
    public void documentDescribesEveryObject() throws IOException {
        ResultsSchema schema = ResultsSchema.read(ResultsSchema.DOCUMENT);

        assertThat(schema.objects()).containsKeys("result", "navigation", "redirect_hop", "timings", "probe",
                "evidence");
        assertThat(schema.objects().get("result")).containsKeys("schema_version", "verdict", "evidence");
    }

    @Test
    public void serializedLineConforms() throws IOException {
        assertThat(ResultsSchema.read(ResultsSchema.DOCUMENT).check(sampleLine())).isEmpty();
    }

    @Test
    public void undocumentedFieldReported() throws IOException {
        ObjectNode line = (ObjectNode) sampleLine();
        ((ObjectNode) line.get("navigation")).put("x_new_thing", 1);

        assertThat(ResultsSchema.read(ResultsSchema.DOCUMENT).check(line))
                .containsExactly("navigation.x_new_thing: not documented in docs/results-schema.md");
    }

    @Test
    public void missingAlwaysFieldReported() throws IOException {
        ObjectNode line = (ObjectNode) sampleLine();
        line.remove("verdict");

        assertThat(ResultsSchema.read(ResultsSchema.DOCUMENT).check(line))
                .containsExactly("verdict: documented as always present, but missing");
    }

    @Test
    public void wrongTypeReported() throws IOException {
        ObjectNode line = (ObjectNode) sampleLine();
        line.put("attempt", "first");

        assertThat(ResultsSchema.read(ResultsSchema.DOCUMENT).check(line)).containsExactly(
                "attempt: expected integer, got STRING");
    }
}
