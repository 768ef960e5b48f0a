package org.geowall.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.geowall.report.SampleResults.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;

public class PairVerdictsTest {

    private static final String SITE = "https://www.example.gov.cn/";
    private static final String OTHER = "https://other.example.gov.cn/";

    /** Three attempts abroad, two at home, and one pair with a single load; written out of order. */
    private static List<ResultLine> run() {
        return List.of(
                attempt(SITE, "CN", true, Verdict.ACCESSIBLE, 1, false),
                attempt(SITE, "US", false, Verdict.TIMEOUT, 2, true),
                attempt(SITE, "US", false, Verdict.TIMEOUT, 1, true),
                attempt(SITE, "CN", true, Verdict.ACCESSIBLE, 2, false),
                attempt(SITE, "US", false, Verdict.CONNECTION_RESET, 3, false),
                attempt(OTHER, "CN", true, Verdict.ACCESSIBLE, 1, false),
                attempt(OTHER, "US", false, Verdict.BLOCK_PAGE, 1, false));
    }

    @Test
    public void groupsAttemptsIntoPairs() {
        List<PairVerdict> pairs = PairVerdicts.of(run());

        assertThat(pairs).extracting(PairVerdict::url, PairVerdict::vantage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SITE, "CN"), org.assertj.core.groups.Tuple.tuple(SITE, "US"),
                org.assertj.core.groups.Tuple.tuple(OTHER, "CN"), org.assertj.core.groups.Tuple.tuple(OTHER, "US"));
        PairVerdict abroad = pairs.get(1);
        assertThat(abroad.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(abroad.attempts()).isEqualTo(3);
        assertThat(abroad.votes()).containsEntry("timeout", 2).containsEntry("connection_reset", 1);
        assertThat(abroad.flaky()).isTrue();
        // Not every attempt timed out, so the timeouts are not called geo even though the control loaded.
        assertThat(abroad.timeoutCause()).isEqualTo("flaky");
        assertThat(abroad.evidenceAttempt()).isEqualTo(1);
        assertThat(abroad.verdictDetail()).isEqualTo("detail of attempt 1");
        assertThat(pairs.get(3).verdict()).isEqualTo(Verdict.BLOCK_PAGE);
        assertThat(pairs.get(3).confidence()).isEqualTo(1.0);
        assertThat(pairs.get(3).timeoutCause()).isNull();
    }

    @Test
    public void timeoutAbroadOnlyIsGeo() {
        List<PairVerdict> pairs = PairVerdicts.of(List.of(
                attempt(SITE, "CN", true, Verdict.ACCESSIBLE, 1, false),
                attempt(SITE, "DE", false, Verdict.TIMEOUT, 1, true),
                attempt(SITE, "DE", false, Verdict.TIMEOUT, 2, true)));

        assertThat(pairs.get(1).timeoutCause()).isEqualTo("geo");
        assertThat(pairs.get(1).flaky()).isFalse();
    }

    @Test
    public void writesJsonLinesAndCsv() throws IOException {
        Path folder = Files.createTempDirectory("pair-verdicts");

        PairVerdicts.write(PairVerdicts.of(run()), folder);

        List<String> json = Files.readAllLines(folder.resolve("verdicts.jsonl"), StandardCharsets.UTF_8);
        assertThat(json).hasSize(4);
        ResultsSchema schema = ResultsSchema.read(ResultsSchema.DOCUMENT);
        for (String line : json) {
            assertThat(schema.check(Json.MAPPER.readTree(line), "pair")).as(line).isEmpty();
        }
        JsonNode abroad = Json.MAPPER.readTree(json.get(1));
        assertThat(abroad.path("verdict").asText()).isEqualTo("timeout");
        assertThat(abroad.path("votes").path("timeout").asInt()).isEqualTo(2);
        assertThat(abroad.path("timeout_cause").asText()).isEqualTo("flaky");
        assertThat(abroad.path("schema_version").asInt()).isEqualTo(ResultLine.SCHEMA_VERSION);
        List<String> csv = Files.readAllLines(folder.resolve("verdicts.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("site,url,vantage,country,control,verdict,confidence,attempts,votes,flaky,"
                + "timeout_cause,geo_blocked,probe_verdict");
        assertThat(csv.get(2)).contains(",US,US,false,timeout,0.667,3,\"connection_reset=1 timeout=2\",true,flaky,");
    }

    @Test
    public void summaryCountsPairsNotLoads() {
        VerdictSummary summary = VerdictSummary.of(run());

        assertThat(summary.pairs()).isEqualTo(4);
        assertThat(summary.loads()).isEqualTo(7);
        assertThat(summary.count("US", Verdict.TIMEOUT)).isEqualTo(1);
        assertThat(summary.count("US", Verdict.CONNECTION_RESET)).isZero();
        assertThat(summary.repeatsAndTimeouts()).containsPattern("US\\s+1\\s+0\\s+0\\s+1");
    }
}
