package org.geowall.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.geowall.report.ResultLine;
import org.geowall.report.SampleResults;
import org.geowall.report.VerdictSummary;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public class VerdictShareChartTest {

    private static VerdictSummary summary(String... vantageAndVerdict) {
        List<ResultLine> lines = new ArrayList<>();
        for (int i = 0; i < vantageAndVerdict.length; i += 2) {
            lines.add(SampleResults.line("https://site" + i + ".example/", vantageAndVerdict[i], false,
                    Verdict.fromId(vantageAndVerdict[i + 1]), "HTTP 200", Map.of()));
        }
        return VerdictSummary.of(lines);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void svgEscapesVantageMarkup() throws Exception {
        String svg = VerdictShareChart.of(summary("<script>alert(1)</script>", "accessible", "A&B", "block_page"),
                "title").toSvg();

        assertThat(svg).doesNotContain("<script");
        assertThat(svg).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(svg).contains("A&amp;B");
        assertThat(parse(svg).getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    public void svgEscapesTitleMarkup() throws Exception {
        String svg = VerdictShareChart.of(summary("US", "timeout"), "run <img src=x onerror=alert(1)>").toSvg();

        assertThat(svg).doesNotContain("<img");
        assertThat(parse(svg).getElementsByTagName("img").getLength()).isZero();
    }

    @Test
    public void svgLabelsEveryVantageAndVerdict() throws Exception {
        String svg = VerdictShareChart.of(summary("CN", "accessible", "US", "dns_failure", "US", "accessible"),
                "Verdict share").toSvg();

        NodeList texts = parse(svg).getElementsByTagName("text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertThat(labels).contains("CN (n=1)", "US (n=2)", "accessible", "dns_failure", "Verdict share");
    }

    @Test
    public void sharesSumToHundredPerVantage() {
        var dataset = VerdictShareChart.shares(summary("US", "accessible", "US", "timeout", "US", "timeout",
                "DE", "block_page"));

        assertThat(dataset.getValue("timeout", "US (n=3)").doubleValue()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(dataset.getValue("accessible", "US (n=3)").doubleValue()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
        assertThat(dataset.getValue("block_page", "DE (n=1)").doubleValue()).isEqualTo(100.0);
        assertThat(dataset.getValue("accessible", "DE (n=1)").doubleValue()).isZero();
    }

    @Test
    public void bothFilesWritten() throws IOException {
        Path folder = Files.createTempDirectory("chart");

        VerdictShareChart.of(summary("CN", "accessible", "US", "block_page"), "title").writeBoth(folder);

        var image = ImageIO.read(folder.resolve(VerdictShareChart.PNG_FILE).toFile());
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isGreaterThan(200);
        assertThat(Files.readString(folder.resolve(VerdictShareChart.SVG_FILE))).startsWith("<?xml").contains("<svg");
    }
}
