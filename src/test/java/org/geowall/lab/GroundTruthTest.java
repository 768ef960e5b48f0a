package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geowall.report.Json;
import org.geowall.verdict.Verdict;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class GroundTruthTest {

    private GroundTruth truth;

    @BeforeMethod
    public void buildTruth() throws Exception {
        InetAddress address = InetAddress.getByName("127.1.0.1");
        List<SiteSpec> specs = List.of(
                new SiteSpec(URI.create("https://down.lab.gov.cn/"), "Down", Scenario.DOWN_EVERYWHERE),
                new SiteSpec(URI.create("https://waf.lab.gov.cn/"), "WAF", Scenario.CAPTCHA_WALL),
                new SiteSpec(URI.create("https://flaky.lab.gov.cn/"), "Flaky", Scenario.FLAKY));
        List<LabSite> sites = specs.stream()
                .map(spec -> new LabSite(spec.host(), spec.name(), spec.scenario(), "CN", address, 1, 2, 0)).toList();
        List<LabVantage> vantages = List.of(vantage("CN", true), vantage("US", false));
        truth = GroundTruth.of(sites, specs, vantages);
    }

    @Test
    public void csvNamesTimeoutCauses() throws Exception {
        InetAddress address = InetAddress.getByName("127.1.0.1");
        List<SiteSpec> specs = List.of(
                new SiteSpec(URI.create("https://drop.lab.gov.cn/"), "Drop", Scenario.SILENT_DROP),
                new SiteSpec(URI.create("https://gone.lab.gov.cn/"), "Gone", Scenario.DROP_EVERYWHERE));
        List<LabSite> sites = specs.stream()
                .map(spec -> new LabSite(spec.host(), spec.name(), spec.scenario(), "CN", address, 1, 2, 0)).toList();
        Path file = Files.createTempFile("ground-truth", ".csv");

        GroundTruth.of(sites, specs, List.of(vantage("CN", true), vantage("US", false))).writeCsv(file);

        assertThat(Files.readAllLines(file)).containsExactly("url,vantage,verdict,scenario,timeout_cause",
                "https://drop.lab.gov.cn/,CN,accessible,silent_drop,",
                "https://drop.lab.gov.cn/,US,timeout,silent_drop,geo",
                "https://gone.lab.gov.cn/,CN,site_down,drop_everywhere,global",
                "https://gone.lab.gov.cn/,US,site_down,drop_everywhere,global");
    }

    private static LabVantage vantage(String country, boolean control) {
        return new LabVantage(country, control, URI.create("http://127.0.0.1:1"), null, null,
                URI.create("socks5://127.0.0.1:2"), null, "X-Error");
    }

    @Test
    public void verdictPerVantage() {
        assertThat(truth.expected("https://down.lab.gov.cn/", "CN")).contains(Verdict.SITE_DOWN);
        assertThat(truth.expected("https://down.lab.gov.cn/", "US")).contains(Verdict.SITE_DOWN);
        assertThat(truth.expected("https://waf.lab.gov.cn/", "CN")).contains(Verdict.ACCESSIBLE);
        assertThat(truth.expected("https://waf.lab.gov.cn/", "US")).contains(Verdict.CAPTCHA_WALL);
        assertThat(truth.expected("https://flaky.lab.gov.cn/", "US")).contains(Verdict.ACCESSIBLE);
    }

    @Test
    public void csvKeepsHeaderAndScenarioIds() throws Exception {
        Path file = Files.createTempFile("ground-truth", ".csv");

        truth.writeCsv(file);
        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(0)).isEqualTo("url,vantage,verdict,scenario,timeout_cause");
        assertThat(lines).hasSize(7).contains("https://down.lab.gov.cn/,CN,site_down,down_everywhere,",
                "https://waf.lab.gov.cn/,US,captcha_wall,captcha_wall,", "https://flaky.lab.gov.cn/,US,accessible,flaky,");
    }

    @Test
    public void jsonHasOneObjectPerPair() throws Exception {
        Path file = Files.createTempFile("ground-truth", ".json");

        truth.writeJson(file);
        JsonNode rows = Json.MAPPER.readTree(file.toFile());

        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(6);
        JsonNode first = rows.get(0);
        assertThat(first.get("url").asText()).isEqualTo("https://down.lab.gov.cn/");
        assertThat(first.get("vantage").asText()).isEqualTo("CN");
        assertThat(first.get("verdict").asText()).isEqualTo("site_down");
        assertThat(first.get("scenario").asText()).isEqualTo("down_everywhere");
    }
}
