package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.geowall.report.ResultLine;
import org.geowall.run.ResultsLedger;
import org.geowall.testing.InProcessSuite;
import org.geowall.verdict.Verdict;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Measures the same lab world (eleven portals, three vantages, the same seed and budgets) with
 * Playwright and with Selenium, and compares the verdicts of every (site, vantage) pair.
 */
public class SeleniumParityIT {

    private static final Path SUITE = Path.of("src/test/resources/suites/engine-parity.xml");
    private static final Path DRIVERS = Path.of("src/test/resources/suites/parity-drivers.yaml");
    private static final double REQUIRED_AGREEMENT = 0.98;

    private final String password = "pw" + HexFormat.of().formatHex(new SecureRandom().generateSeed(10));
    private final Path reports = Path.of("target/it-reports/parity");
    private Path playwrightRun;
    private Path seleniumRun;
    private Map<String, ResultLine> playwright;
    private Map<String, ResultLine> selenium;

    @BeforeClass
    public void measureWithBothEngines() throws IOException {
        playwrightRun = InProcessSuite.run(SUITE, reports.resolve("playwright"), properties("playwright"));
        seleniumRun = InProcessSuite.run(SUITE, reports.resolve("selenium"), properties("selenium"));
        playwright = byPair(ResultsLedger.read(playwrightRun.resolve("results.jsonl")));
        selenium = byPair(ResultsLedger.read(seleniumRun.resolve("results.jsonl")));
    }

    private Map<String, String> properties(String engine) {
        return Map.of("drivers", DRIVERS.toString(), "world", "lab", "driver.engine", engine,
                "geowall.lab.password", password);
    }

    private static Map<String, ResultLine> byPair(List<ResultLine> lines) {
        return lines.stream().collect(Collectors.toMap(line -> line.url() + " via " + line.vantage(),
                Function.identity()));
    }

    @Test
    public void bothEnginesMeasuredEveryPair() {
        assertThat(playwright).hasSize(33);
        assertThat(selenium.keySet()).isEqualTo(playwright.keySet());
        assertThat(playwright.values()).allSatisfy(line -> assertThat(line.driver()).startsWith("playwright/"));
        assertThat(selenium.values()).allSatisfy(line -> assertThat(line.driver()).startsWith("selenium/chromium "));
    }

    @Test
    public void verdictsAgreeAcrossEngines() {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, ResultLine> pair : playwright.entrySet()) {
            ResultLine other = selenium.get(pair.getKey());
            if (other == null || other.verdict() != pair.getValue().verdict()) {
                disagreements.add(pair.getKey() + ":\n    playwright " + evidence(playwrightRun, pair.getValue())
                        + "\n    selenium   " + evidence(seleniumRun, other));
            }
        }
        double agreement = 1.0 - (double) disagreements.size() / playwright.size();
        System.out.printf("Engine agreement: %d of %d (site, vantage) verdicts (%.1f%%)%n",
                playwright.size() - disagreements.size(), playwright.size(), agreement * 100);

        assertThat(agreement).as("verdict agreement; disagreements:\n" + String.join("\n", disagreements))
                .isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }

    private static String evidence(Path run, ResultLine line) {
        if (line == null) {
            return "no result";
        }
        return line.verdict().id() + " (rule " + line.verdictRule() + ": " + line.verdictDetail() + "), navigation "
                + line.navigation().error() + ", status " + line.navigation().mainStatus() + ", evidence "
                + run.resolve(line.evidence().getOrDefault("har", "-"));
    }

    @Test
    public void seleniumMatchesGroundTruth() throws IOException {
        Map<String, String> expected = Files.readAllLines(seleniumRun.resolve("ground-truth.csv")).stream().skip(1)
                .map(row -> row.split(",")).collect(Collectors.toMap(cells -> cells[0] + " " + cells[1],
                        cells -> cells[2]));
        List<String> mismatches = selenium.values().stream()
                .filter(line -> !line.verdict().id().equals(expected.get(line.url() + " " + line.country())))
                .map(line -> line.site() + " via " + line.vantage() + ": expected "
                        + expected.get(line.url() + " " + line.country()) + ", got " + evidence(seleniumRun, line))
                .toList();

        assertThat(mismatches).isEmpty();
        assertThat(selenium.values()).extracting(ResultLine::verdict).contains(Verdict.ACCESSIBLE,
                Verdict.BLOCK_PAGE, Verdict.CONNECTION_RESET, Verdict.TIMEOUT, Verdict.DNS_FAILURE);
    }

    @Test
    public void seleniumKeepsTheSameEvidenceFiles() {
        for (ResultLine line : selenium.values()) {
            assertThat(line.evidence()).as(line.site() + " via " + line.vantage())
                    .containsKeys("har", "screenshot", "dom", "console", "page_errors", "failed_requests");
            for (String relative : line.evidence().values()) {
                assertThat(seleniumRun.resolve(relative)).isRegularFile();
            }
        }
    }

    @Test
    public void seleniumHarsHoldNoConnectEntries() throws IOException {
        for (ResultLine line : selenium.values()) {
            String har = gunzipped(seleniumRun.resolve(line.evidence().get("har")));
            assertThat(har).as(line.site() + " via " + line.vantage()).doesNotContain("\"CONNECT\"");
        }
    }

    private static String gunzipped(Path file) throws IOException {
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void noProxyPasswordUnderReports() throws IOException {
        String basic = Base64.getEncoder().encodeToString(("lab-us:" + password).getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = file.toString().endsWith(".gz") ? gunzipped(file)
                        : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(password).doesNotContain(basic);
                assertThat(file.toString()).doesNotContain(password);
            }
        }
    }
}
