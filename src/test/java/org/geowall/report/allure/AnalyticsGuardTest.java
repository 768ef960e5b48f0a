package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

public class AnalyticsGuardTest {

    /** The end of Allure 2.34's index.html when ALLURE_NO_ANALYTICS is not "true". */
    private static final String PAGE = """
            <body>
                <div id="content"></div>
                <script src="app.js"></script>
                <script async src="https://www.googletagmanager.com/gtag/js?id=G-FVWC4GKEYS"></script>
                <script>
                    window.dataLayer = window.dataLayer || [];
                    function gtag(){dataLayer.push(arguments);}
                    gtag('js', new Date());
                    gtag('config', 'G-FVWC4GKEYS', {
                      'allureVersion': '2.34.0',
                      'single_file': true
                    });
                </script>
                <script async>
                    window.reportDataReady = false;
                </script>
            </body>
            """;

    @Test
    public void stripRemovesLoaderAndConfig() {
        String stripped = AnalyticsGuard.strip(PAGE);

        assertThat(stripped).doesNotContain("googletagmanager", "gtag(", "dataLayer");
        assertThat(stripped).contains("<script src=\"app.js\"></script>", "window.reportDataReady = false;");
    }

    @Test
    public void cleanFixesReportFolder() throws IOException {
        Path report = Files.createTempDirectory("report");
        Files.writeString(report.resolve("index.html"), PAGE);
        Files.writeString(report.resolve("app.js"), "Symbol.toStringTag(x)");
        Files.createDirectories(report.resolve("data/attachments"));
        // A measured page's DOM may well load analytics; as an attachment it is data, not report code.
        Files.writeString(report.resolve("data/attachments/1.html"), "<script src=\"https://www.google-analytics.com/a.js\">");

        AnalyticsGuard.clean(report);

        assertThat(AnalyticsGuard.findings(report)).isEmpty();
        assertThat(Files.readString(report.resolve("index.html"))).doesNotContain("googletagmanager");
    }

    @Test
    public void cleanFailsOnAnalyticsInScript() throws IOException {
        Path report = Files.createTempDirectory("report");
        Files.writeString(report.resolve("index.html"), "<html></html>");
        Files.writeString(report.resolve("app.js"), "load('https://www.googletagmanager.com/gtag/js')");

        assertThatThrownBy(() -> AnalyticsGuard.clean(report)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app.js: googletagmanager");
    }

    @Test
    public void singleFileChecked() throws IOException {
        Path page = Files.createTempFile("report", ".html");
        Files.writeString(page, PAGE);

        AnalyticsGuard.clean(page);

        assertThat(Files.readString(page)).doesNotContain("gtag");
    }
}
