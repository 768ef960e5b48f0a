package org.geowall.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.Scenario;
import org.geowall.lab.SiteSpec;
import org.geowall.report.Calibration;
import org.geowall.report.Json;
import org.geowall.report.PairVerdict;
import org.geowall.report.PairVerdicts;
import org.geowall.report.ResultsSchema;
import org.geowall.testing.InProcessSuite;
import org.geowall.verdict.Verdict;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Measures every lab scenario from the control and one foreign vantage, with three attempts per
 * pair chosen by the suite XML. The consensus verdicts must meet the calibration targets: at
 * least 0.98 precision and recall for every verdict, and no blocked pair called accessible.
 */
public class CalibrationIT {

    private static final double TARGET = 0.98;

    private final Path reports = Path.of("target/it-reports/calibration");
    private final Path work = Path.of("target/it-reports/calibration-input");
    private Path run;
    private List<PairVerdict> pairs;

    @BeforeClass
    public void measureEveryScenario() throws IOException {
        InProcessSuite.deleteRecursively(work);
        Files.createDirectories(work);
        Path sites = work.resolve("showcase.csv");
        LabWorlds.writeSiteList(LabWorlds.showcase(), sites);
        Path suite = work.resolve("calibration.xml");
        Files.writeString(suite, """
                <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
                <suite name="calibration" parallel="instances" thread-count="2">
                  <parameter name="sites" value="%s"/>
                  <parameter name="vantages" value="CN,US"/>
                  <parameter name="repeats" value="3"/>
                  <listeners>
                    <listener class-name="org.geowall.suite.MeasurementSuiteListener"/>
                  </listeners>
                  <test name="every scenario">
                    <classes>
                      <class name="org.geowall.suite.SiteAccessibilityFactory"/>
                    </classes>
                  </test>
                </suite>
                """.formatted(sites), StandardCharsets.UTF_8);

        run = InProcessSuite.run(suite, reports, Map.of("world", "lab"));
        pairs = PairVerdicts.of(ResultsLedger.read(run.resolve("results.jsonl")));
    }

    @Test
    public void everyVerdictMeetsTargets() throws IOException {
        Calibration calibration = CalibrationRun.score(run);

        assertThat(calibration.pairs()).as("scored pairs").hasSize(LabWorlds.showcase().size() * 2);
        calibration.scores().forEach((verdict, score) -> {
            assertThat(score.precision()).as("precision of %s\n%s", verdict, calibration.toTable())
                    .isGreaterThanOrEqualTo(TARGET);
            assertThat(score.recall()).as("recall of %s\n%s", verdict, calibration.toTable())
                    .isGreaterThanOrEqualTo(TARGET);
        });
        assertThat(calibration.blockedCalledAccessible()).isZero();
        assertThat(calibration.causeMismatches()).as(calibration.toTable()).isEmpty();
        assertThat(calibration.toJson().get("timeout_causes")).isEqualTo(Map.of("pairs", 4, "matching", 4));
    }

    @Test
    public void onlyFailedPairsAreRepeated() {
        for (PairVerdict pair : pairs) {
            int accessibleVotes = pair.votes().getOrDefault("accessible", 0);
            if (pair.votes().size() == 1 && accessibleVotes == 1) {
                assertThat(pair.attempts()).as("attempts of %s via %s", pair.url(), pair.vantage()).isEqualTo(1);
            } else if (accessibleVotes == 0 && !pair.control()) {
                assertThat(pair.attempts()).as("attempts of %s via %s", pair.url(), pair.vantage()).isEqualTo(3);
            }
        }
    }

    @Test
    public void dropsAbroadAreGeoTimeouts() {
        for (Scenario scenario : List.of(Scenario.SILENT_DROP, Scenario.BLACKHOLE_CONNECT)) {
            PairVerdict abroad = pair(scenario, "US");
            assertThat(abroad.verdict()).isEqualTo(Verdict.TIMEOUT);
            assertThat(abroad.timeoutCause()).as("timeout cause of %s", scenario).isEqualTo("geo");
            assertThat(abroad.confidence()).isEqualTo(1.0);
            assertThat(abroad.flaky()).isFalse();
            assertThat(pair(scenario, "CN").timeoutCause()).isNull();
        }
    }

    @Test
    public void dropEverywhereIsGlobalTimeout() {
        for (String vantage : List.of("CN", "US")) {
            PairVerdict down = pair(Scenario.DROP_EVERYWHERE, vantage);
            assertThat(down.verdict()).isEqualTo(Verdict.SITE_DOWN);
            assertThat(down.timeoutCause()).as("timeout cause via %s", vantage).isEqualTo("global");
        }
    }

    @Test
    public void flakySiteAccessibleEverywhere() {
        for (String vantage : List.of("CN", "US")) {
            PairVerdict flaky = pair(Scenario.FLAKY, vantage);
            assertThat(flaky.verdict()).isEqualTo(Verdict.ACCESSIBLE);
            assertThat(flaky.flaky()).isEqualTo(flaky.votes().size() > 1);
            assertThat(flaky.confidence()).isEqualTo((double) flaky.votes().get("accessible") / flaky.attempts());
        }
    }

    @Test
    public void summaryAndVerdictFilesCountPairs() throws IOException {
        List<String> verdictLines = Files.readAllLines(run.resolve("verdicts.jsonl"), StandardCharsets.UTF_8);
        assertThat(verdictLines).hasSize(pairs.size());
        ResultsSchema schema = ResultsSchema.read(ResultsSchema.DOCUMENT);
        for (String line : verdictLines) {
            assertThat(schema.check(Json.MAPPER.readTree(line), "pair")).as(line).isEmpty();
        }
        assertThat(Files.readAllLines(run.resolve("verdicts.csv"), StandardCharsets.UTF_8)).hasSize(pairs.size() + 1);

        JsonNode summary = Json.MAPPER.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("pairs").asInt()).isEqualTo(pairs.size());
        assertThat(summary.path("loads").asInt()).isGreaterThan(pairs.size());
        assertThat(summary.path("timeout_causes_by_vantage").path("US").path("geo").asInt()).isEqualTo(2);
        JsonNode manifest = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(manifest.toString()).contains("\"repeats\":3");
    }

    private PairVerdict pair(Scenario scenario, String vantage) {
        SiteSpec site = LabWorlds.showcase().stream().filter(spec -> spec.scenario() == scenario).findFirst()
                .orElseThrow();
        return pairs.stream().filter(pair -> pair.site().equals(site.host())
                        && pair.vantage().equals(vantage)).findFirst()
                .orElseThrow(() -> new AssertionError("no pair for " + scenario + " via " + vantage));
    }
}
