package org.geowall.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.geowall.engine.BrowserDiscovery;
import org.geowall.engine.LaunchSettings;
import org.geowall.report.allure.AllureCategories;
import org.geowall.report.allure.AllureReportGenerator;
import org.geowall.report.allure.AnalyticsGuard;
import org.geowall.report.allure.ReportServer;
import org.geowall.run.ResultsLedger;
import org.geowall.verdict.Verdict;
import org.testng.TestNG;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Runs a small suite (eight sites from CN, US and JP) against the lab in Chromium and generates
 * the Allure reports the way the main job does. It checks the stored results, then the rendered
 * report in headless Chromium (categories, grouping by vantage, screenshot attachments), then the
 * single-file report opened from disk. The checked test page is written to
 * {@code reports/allure-report-check.png} for a person to look at.
 */
public class AllureReportIT {

    private static final Path SUITE = Path.of("src/test/resources/suites/allure-report-it.xml");
    private static final Path CHECK_PNG = Path.of("reports/allure-report-check.png");
    private static final Path CATEGORIES_PNG = Path.of("reports/allure-report-check-categories.png");
    private static final Path SUITES_PNG = Path.of("reports/allure-report-check-suites.png");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_SUMMARY = "run summary: verdict share per vantage";

    private final Path reports = Path.of("target/it-reports/allure-report-it");
    private final Path results = reports.resolve("allure-results");
    private final Path report = reports.resolve("allure-report");
    private final Path singleFile = reports.resolve("allure-report.html");
    private final String password = "pw" + HexFormat.of().formatHex(new SecureRandom().generateSeed(10));
    private final Map<String, String> savedProperties = new HashMap<>();

    private List<ResultLine> lines;
    private List<JsonNode> stored;
    private Playwright playwright;
    private Browser browser;
    private ReportServer server;

    @BeforeClass
    public void measureAndGenerate() throws IOException {
        deleteRecursively(reports);
        setProperty("world", "lab");
        setProperty("geowall.reports", reports.toString());
        setProperty("geowall.lab.password", password);
        setProperty("allure.results.directory", results.toString());
        runSuite();

        Path runFolder = reports.resolve("latest").toRealPath();
        lines = ResultsLedger.read(runFolder.resolve("results.jsonl"));
        stored = storedResults();

        AllureReportGenerator generator = new AllureReportGenerator(Path.of(System.getProperty("allure.home")));
        String runId = runFolder.getFileName().toString();
        // Twice, as two runs of the main job would: the second report carries the first one's history.
        generator.generate(results, report, singleFile, runId, "allure-report-it");
        generator.generate(results, report, singleFile, runId, "allure-report-it");

        server = ReportServer.start(report, 0);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(LaunchSettings.QUIET_ARGUMENTS);
        BrowserDiscovery.find("auto").ifPresent(launch::setExecutablePath);
        browser = playwright.chromium().launch(launch);
    }

    /** Runs the suite in this JVM, with its own Allure lifecycle writing into {@link #results}. */
    private void runSuite() {
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        try {
            TestNG testng = new TestNG();
            testng.setTestSuites(List.of(SUITE.toString()));
            testng.setOutputDirectory(reports.resolve("testng").toString());
            testng.setUseDefaultListeners(false);
            testng.run();
        } finally {
            Allure.setLifecycle(previous);
        }
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
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

    private List<JsonNode> storedResults() throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                found.add(JSON.readTree(file.toFile()));
            }
        }
        return found;
    }

    @Test
    public void oneResultPerLoad() {
        assertThat(lines).hasSize(8 * 3);
        assertThat(stored).hasSize(lines.size());
        assertThat(lines).extracting(ResultLine::verdict)
                .contains(Verdict.ACCESSIBLE, Verdict.BLOCK_PAGE, Verdict.CONNECTION_RESET, Verdict.DNS_FAILURE,
                        Verdict.TIMEOUT);
    }

    @Test
    public void statusFollowsVerdict() {
        for (ResultLine line : lines) {
            JsonNode result = resultOf(line);
            String expected = switch (line.verdict().family()) {
                case ACCESSIBLE -> "passed";
                case EXCLUDED -> line.verdict() == Verdict.SITE_DOWN ? "skipped" : "broken";
                default -> "failed";
            };
            assertThat(result.path("status").asText()).as(line.site() + " via " + line.vantage()).isEqualTo(expected);
        }
    }

    @Test
    public void failureMessageIsOneVerdictLine() {
        for (ResultLine line : lines) {
            if (line.verdict().family() == Verdict.Family.ACCESSIBLE) {
                continue;
            }
            String message = resultOf(line).path("statusDetails").path("message").asText();
            assertThat(message).startsWith(line.verdict().id() + ": " + line.verdictRule() + " (");
            assertThat(message).contains("; probe: ");
            assertThat(message).doesNotContain("\n");
        }
    }

    @Test
    public void labelsNameVantageSiteAndVerdict() {
        for (ResultLine line : lines) {
            JsonNode result = resultOf(line);
            String vantage = line.control() ? line.vantage() + " (control)" : line.vantage();
            assertThat(labels(result, "epic")).containsExactly(vantage);
            assertThat(labels(result, "parentSuite")).containsExactly(vantage);
            assertThat(labels(result, "feature")).containsExactlyInAnyOrder(
                    "province: " + (line.province() == null || line.province().isBlank() ? "none" : line.province()),
                    "level: " + line.level());
            assertThat(labels(result, "story")).singleElement().asString().startsWith(line.site() + " (");
            assertThat(labels(result, "tag")).contains(line.verdict().id());
            assertThat(result.path("links").findValuesAsText("url")).contains(line.url());
            assertThat(result.path("name").asText()).isEqualTo(line.site() + " via " + line.vantage());
        }
    }

    @Test
    public void evidenceAttachedToEveryLoad() {
        for (ResultLine line : lines) {
            List<String> names = resultOf(line).path("attachments").findValuesAsText("name");
            assertThat(names).as(line.site() + " via " + line.vantage()).contains("screenshot", "HAR (page.har)",
                    "final DOM (as text)", "console and page errors", "failed requests", "plain probe result",
                    "result line");
            if (!line.control()) {
                assertThat(names).contains("control screenshot (CN)");
            }
        }
    }

    @Test
    public void domAttachedAsPlainText() {
        for (JsonNode result : stored) {
            for (JsonNode attachment : result.path("attachments")) {
                assertThat(attachment.path("type").asText()).isNotEqualTo("text/html");
                assertThat(attachment.path("source").asText()).doesNotEndWith(".html");
            }
        }
    }

    @Test
    public void resultsFolderHasReportExtras() throws IOException {
        JsonNode categories = JSON.readTree(results.resolve("categories.json").toFile());
        assertThat(categories.findValuesAsText("name")).contains(AllureCategories.name(Verdict.Family.EXPLICIT_BLOCK));
        String environment = Files.readString(results.resolve("environment.properties"));
        assertThat(environment).contains("world=lab", "signatures=none", "vantage.CN=CN, control, proxy http\\://127.0.0.1\\:");
        assertThat(environment).contains("browser=chromium ");
        assertThat(JSON.readTree(results.resolve("executor.json").toFile()).path("buildOrder").asInt()).isEqualTo(2);
    }

    @Test
    public void historyCarriedIntoSecondReport() throws IOException {
        JsonNode trend = JSON.readTree(report.resolve("history/history-trend.json").toFile());

        assertThat(trend.size()).isEqualTo(2);
    }

    @Test
    public void reportsHaveNoAnalytics() throws IOException {
        assertThat(AnalyticsGuard.findings(report)).isEmpty();
        assertThat(AnalyticsGuard.findings(singleFile)).isEmpty();
        assertThat(Files.readString(report.resolve("index.html"))).doesNotContain("dataLayer");
    }

    @Test
    public void noProxyPasswordInReports() throws IOException {
        String basic = java.util.Base64.getEncoder().encodeToString(("lab-us:" + password)
                .getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(password).doesNotContain(basic);
            }
        }
    }

    @Test
    public void renderedCategoriesShowFamilies() {
        try (Page page = browser.newPage()) {
            page.navigate(server.url() + "#categories");
            page.getByText("Explicit block (").first().waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(CATEGORIES_PNG));

            assertThat(page.locator(".side-by-side__left, body").first().innerText())
                    .contains("Explicit block (", "Timeout (", "Accessible (");
        }
    }

    @Test
    public void renderedSuitesGroupByVantage() {
        try (Page page = browser.newPage()) {
            page.navigate(server.url() + "#suites");
            page.getByText("CN (control)").first().waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(SUITES_PNG));

            assertThat(page.locator(".side-by-side__left, body").first().innerText())
                    .contains("CN (control)", "US", "JP");
        }
    }

    @Test
    public void renderedTestShowsScreenshot() throws IOException {
        ResultLine blocked = lines.stream().filter(l -> l.vantage().equals("US") && l.verdict() == Verdict.BLOCK_PAGE)
                .findFirst().orElseThrow();
        String uid = testCaseUid(blocked.site() + " via US");
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 3000))) {
            page.navigate(server.url() + "#testresult/" + uid);
            expand(page, "screenshot");
            expand(page, "control screenshot (CN)");
            expand(page, "Tear down");
            // The fixture's title also counts its attachments, so it is matched by substring.
            page.getByText(RUN_SUMMARY).first().click();
            expand(page, "verdict share per vantage (PNG)");
            Locator images = page.locator("img.attachment__media");
            images.nth(2).waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(CHECK_PNG));
            String text = page.locator("body").innerText();

            assertThat(text).contains("block_page: " + blocked.verdictRule() + " (").contains("); probe: ");
            assertThat(text).contains("HAR (page.har)", "final DOM (as text)", "failed requests", "plain probe result");
            assertThat(images.count()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(images.nth(i).isVisible()).isTrue();
                assertThat((Integer) images.nth(i).evaluate("img => img.naturalWidth")).isGreaterThan(900);
            }
        }
        assertThat(Files.size(CHECK_PNG)).isGreaterThan(10_000);
    }

    @Test
    public void singleFileReportOpensFromDisk() {
        try (Page page = browser.newPage()) {
            page.navigate(singleFile.toAbsolutePath().toUri() + "#categories");
            page.getByText("Explicit block (").first().waitFor();

            assertThat(page.locator("body").innerText()).contains("Explicit block (");
        }
    }

    @Test
    public void singleFileSmallerThanReport() throws IOException {
        long reportBytes;
        try (Stream<Path> files = Files.walk(report)) {
            reportBytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }

        assertThat(Files.size(singleFile)).isLessThan(reportBytes);
    }

    /** Clicks the first element whose whole text is {@code text}, opening an attachment or a section. */
    private static void expand(Page page, String text) {
        page.getByText(text, new Page.GetByTextOptions().setExact(true)).first().click();
    }

    private String testCaseUid(String name) throws IOException {
        try (Stream<Path> files = Files.list(report.resolve("data/test-cases"))) {
            for (Path file : files.toList()) {
                JsonNode testCase = JSON.readTree(file.toFile());
                if (name.equals(testCase.path("name").asText())) {
                    return testCase.path("uid").asText();
                }
            }
        }
        throw new AssertionError("No test case named " + name + " in " + report);
    }

    private JsonNode resultOf(ResultLine line) {
        return stored.stream().filter(result -> line.url().equals(parameter(result, "url"))
                        && line.vantage().equals(parameter(result, "vantage")))
                .findFirst().orElseThrow(() -> new AssertionError("No Allure result for " + line.url() + " via "
                        + line.vantage()));
    }

    private static String parameter(JsonNode result, String name) {
        for (JsonNode parameter : result.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter.path("value").asText();
            }
        }
        return null;
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode label : result.path("labels")) {
            if (name.equals(label.path("name").asText())) {
                values.add(label.path("value").asText());
            }
        }
        return values;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
