package org.geowall.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.geowall.report.Json;
import org.geowall.report.ResultLine;
import org.geowall.report.ResultsSchema;
import org.geowall.site.Site;
import org.geowall.site.SiteList;
import org.geowall.verdict.SignatureSet;
import org.geowall.verdict.Verdict;
import org.testng.TestNG;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Runs the main job's suite, {@code suites/cn-gov.xml}, against the lab in a real Chromium, and
 * checks its output: one result per (site, vantage), every evidence file present, every verdict
 * equal to the lab's ground truth, and no proxy password anywhere under the reports folder.
 */
public class MainJobIT {

    private static final Path SUITE = Path.of("suites/cn-gov.xml");
    private static final Path SITES = Path.of("suites/data/cn-gov-portals.csv");

    private final Path reports = Path.of("target/it-reports/main-job");
    private final String password = "pw" + HexFormat.of().formatHex(new SecureRandom().generateSeed(10));
    private final Map<String, String> savedProperties = new HashMap<>();
    private List<ResultLine> results;
    private Path runFolder;

    @BeforeClass
    public void runMainJob() throws IOException {
        deleteRecursively(reports);
        setProperty("world", "lab");
        setProperty("geowall.reports", reports.toString());
        setProperty("geowall.lab.password", password);
        setProperty("allure.results.directory", "target/it-reports/allure-results");

        TestNG testng = new TestNG();
        testng.setTestSuites(List.of(SUITE.toString()));
        testng.setOutputDirectory("target/it-reports/testng");
        testng.setUseDefaultListeners(false);
        testng.run();

        runFolder = reports.resolve("latest").toRealPath();
        results = ResultsLedger.read(runFolder.resolve("results.jsonl"));
    }

    @AfterClass(alwaysRun = true)
    public void restoreProperties() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private void setProperty(String name, String value) {
        savedProperties.put(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    @Test
    public void everyPairMeasuredOnce() {
        List<Site> sites = SiteList.read(SITES).sites();

        assertThat(results).hasSize(sites.size() * 4);
        for (Site site : sites) {
            assertThat(results).filteredOn(line -> line.url().equals(site.url().toString()))
                    .extracting(ResultLine::vantage)
                    .containsExactlyInAnyOrder("CN", "US", "DE", "JP");
        }
    }

    @Test
    public void resultLinesComplete() {
        for (ResultLine line : results) {
            assertThat(line.schemaVersion()).isEqualTo(ResultLine.SCHEMA_VERSION);
            assertThat(line.runId()).isEqualTo(runFolder.getFileName().toString());
            assertThat(line.driver()).startsWith("playwright/chromium ");
            assertThat(line.attempt()).isEqualTo(1);
            assertThat(line.finishedAt()).isAfterOrEqualTo(line.startedAt());
            assertThat(line.verdictRule()).isNotBlank();
            assertThat(line.evidence()).containsKeys("har", "screenshot", "console", "page_errors", "failed_requests");
            assertThat(line.evidence().get("har")).endsWith("page.har.gz");
            assertThat(line.probe()).isNotNull();
        }
    }

    @Test
    public void resultsMatchSchemaDocument() throws IOException {
        ResultsSchema schema = ResultsSchema.read(ResultsSchema.DOCUMENT);
        for (String text : Files.readAllLines(runFolder.resolve("results.jsonl"))) {
            JsonNode line = Json.MAPPER.readTree(text);

            assertThat(schema.check(line)).as(line.path("site").asText() + " via " + line.path("vantage").asText())
                    .isEmpty();
        }
    }

    @Test
    public void evidencePathsExist() {
        for (ResultLine line : results) {
            for (String relative : line.evidence().values()) {
                assertThat(runFolder.resolve(relative)).as(line.site() + " via " + line.vantage()).isRegularFile();
                assertThat(Path.of(relative).isAbsolute()).isFalse();
            }
        }
    }

    @Test
    public void verdictsMatchGroundTruth() throws IOException {
        Map<String, String> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(runFolder.resolve("ground-truth.csv"));
        assertThat(rows.get(0)).isEqualTo("url,vantage,verdict,scenario,timeout_cause");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            expected.put(cells[0] + " " + cells[1], cells[2]);
        }
        List<String> mismatches = results.stream()
                .filter(line -> !line.verdict().id().equals(expected.get(line.url() + " " + line.country())))
                .map(line -> line.site() + " via " + line.vantage() + ": expected "
                        + expected.get(line.url() + " " + line.country()) + ", got " + line.verdict()
                        + " (" + line.verdictDetail() + ")")
                .toList();

        assertThat(mismatches).isEmpty();
        assertThat(results).extracting(ResultLine::verdict)
                .contains(Verdict.ACCESSIBLE, Verdict.BLOCK_PAGE, Verdict.CONNECTION_RESET, Verdict.TIMEOUT,
                        Verdict.DNS_FAILURE);
    }

    @Test
    public void failedLoadsKeepNetErrorInHar() throws IOException {
        ResultLine reset = results.stream().filter(line -> line.verdict() == Verdict.CONNECTION_RESET
                && "net::ERR_CONNECTION_RESET".equals(line.navigation().error())).findFirst().orElseThrow();

        String har = readText(runFolder.resolve(reset.evidence().get("har")));
        String failed = Files.readString(runFolder.resolve(reset.evidence().get("failed_requests")));

        assertThat(har).contains("net::ERR_CONNECTION_RESET");
        assertThat(failed).contains("net::ERR_CONNECTION_RESET");
    }

    @Test
    public void denialPageKeptInDom() throws IOException {
        ResultLine denied = results.stream().filter(line -> line.verdict() == Verdict.BLOCK_PAGE)
                .findFirst().orElseThrow();

        assertThat(Files.readString(runFolder.resolve(denied.evidence().get("dom")), StandardCharsets.UTF_8))
                .contains("访问被拒绝");
        assertThat(denied.navigation().mainStatus()).isEqualTo(403);
        assertThat(Files.size(runFolder.resolve(denied.evidence().get("screenshot")))).isGreaterThan(1000);
    }

    @Test
    public void summaryWrittenBesideResults() throws IOException {
        assertThat(runFolder.resolve("summary.csv")).isRegularFile();
        assertThat(Files.readString(runFolder.resolve("summary.json"))).contains("\"US\"").contains("accessible");
        assertThat(runFolder.resolve("run.json")).isRegularFile();
    }

    @Test
    public void newSignatureFileChangesOldVerdicts() throws IOException {
        Path signatures = Files.createTempFile("signatures", ".yaml");
        Files.writeString(signatures, """
                version: test
                signatures:
                  - id: test-us-exit-wall
                    vendor: test
                    verdict: block_page
                    match:
                      status: [200]
                      header: {name: X-Geowall-Lab-Client, pattern: " US$"}
                """);
        SignatureSet set = SignatureSet.builtIn().plus(SignatureSet.load(signatures));

        List<ResultLine> before = Reclassifier.reclassify(results, runFolder, SignatureSet.builtIn());
        List<ResultLine> after = Reclassifier.reclassify(results, runFolder, set);

        assertThat(before).extracting(ResultLine::verdict).isEqualTo(results.stream().map(ResultLine::verdict).toList());
        for (int i = 0; i < results.size(); i++) {
            boolean accessibleInUs = results.get(i).vantage().equals("US")
                    && results.get(i).verdict() == Verdict.ACCESSIBLE;
            assertThat(after.get(i).verdict()).as(results.get(i).site() + " via " + results.get(i).vantage())
                    .isEqualTo(accessibleInUs ? Verdict.BLOCK_PAGE : results.get(i).verdict());
        }
        assertThat(after).filteredOn(line -> line.verdictRule().equals("signature:test-us-exit-wall")).isNotEmpty();
    }

    @Test
    public void noProxyPasswordUnderReports() throws IOException {
        String basic = Base64.getEncoder().encodeToString(("lab-us:" + password).getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = readText(file);
                assertThat(text).as(file.toString()).doesNotContain(password).doesNotContain(basic);
                assertThat(file.toString()).doesNotContain(password);
            }
        }
    }

    /** Reads a file as text, decompressing it first when it is gzip-compressed (the HAR is). */
    private static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.toString().endsWith(".gz")) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
