package org.geowall.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.testng.annotations.Test;

public class SiteListTest {

    @Test
    public void chineseGovernmentListIsComplete() {
        SiteList list = SiteList.read(Path.of("suites/data/cn-gov-portals.csv"));

        assertThat(list.problems()).isEmpty();
        assertThat(list.sites()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(list.sites()).filteredOn(site -> site.level().equals("provincial")).hasSize(31);
        assertThat(list.sites()).extracting(Site::host).contains("www.gov.cn", "www.court.gov.cn", "www.spp.gov.cn");
        assertThat(list.sites()).filteredOn(site -> site.level().equals("ministry")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(list.sites()).filteredOn(site -> site.level().equals("city")).isNotEmpty();
        assertThat(list.sites().stream().map(Site::host).collect(Collectors.toSet())).hasSize(list.sites().size());
    }

    @Test
    public void badRowsReportedGoodRowsKept() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, """
                url,name,province,level
                https://www.gov.cn/,Central,,central
                ,No URL,,city
                ftp://files.example.cn/,FTP,,city
                www.beijing.gov.cn,Beijing,Beijing,provincial
                https://www.gov.cn/,Again,,central
                """);

        SiteList list = SiteList.read(file);

        assertThat(list.sites()).extracting(site -> site.url().toString())
                .containsExactly("https://www.gov.cn/", "https://www.beijing.gov.cn/");
        assertThat(list.problems()).extracting(SiteListProblem::line).containsExactly(3, 4, 6);
        assertThat(list.problems().get(0).message()).contains("missing url");
        assertThat(list.problems().get(1).message()).contains("scheme must be http or https");
        assertThat(list.problems().get(2).message()).contains("duplicate url");
        assertThat(list.problems().get(0).toString()).startsWith(file + ":3: ");
    }

    @Test
    public void malformedCsvRowsSkippedGoodRowsKept() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, """
                url,name,province,level,tags
                https://a.gov.cn/,A,,central,
                https://b.gov.cn/,B,Beijing,city,portal,extra
                https://c.gov.cn/,"Gamma,,central
                https://d.gov.cn/,D,,central
                https://e.gov.cn/,"Epsilon"x,,central
                https://f.gov.cn/,"Zeta, ""F""\",,central
                https://g.gov.cn/,G,,central,,,
                """);

        SiteList list = SiteList.read(file);

        assertThat(list.sites()).extracting(Site::host)
                .containsExactly("a.gov.cn", "d.gov.cn", "f.gov.cn", "g.gov.cn");
        assertThat(list.sites()).extracting(Site::line).containsExactly(2, 5, 7, 8);
        assertThat(list.sites().get(2).name()).isEqualTo("Zeta, \"F\"");
        assertThat(list.problems()).extracting(SiteListProblem::line).containsExactly(3, 4, 6);
        assertThat(list.problems().get(0).message()).contains("6 values").contains("5 columns");
        assertThat(list.problems().get(1).message()).contains("unclosed quote");
        assertThat(list.problems().get(2).message()).contains("stray character 'x' at column 28");
        assertThat(list.problems()).allSatisfy(problem -> assertThat(problem.fix()).contains("double quotes"));
        assertThat(list.problems().get(1).toString()).startsWith(file + ":4: unclosed quote");
    }

    @Test
    public void unclosedQuoteKeepsNextRow() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        // A parser that lets values span lines closes this quote after "Beta" and loses the second row.
        Files.writeString(file, """
                url,name,province,level
                https://a.gov.cn/,"Alpha,,central
                https://b.gov.cn/,Beta",,central
                """);

        SiteList list = SiteList.read(file);

        assertThat(list.sites()).extracting(Site::host).containsExactly("b.gov.cn");
        assertThat(list.problems()).extracting(SiteListProblem::line).containsExactly(2);
        assertThat(list.problems().get(0).message()).contains("unclosed quote");
    }

    @Test
    public void unclosedQuoteInLastLineReported() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, "url,name,province,level\nhttps://a.gov.cn/,A,,central\nhttps://b.gov.cn/,\"B");

        SiteList list = SiteList.read(file);

        assertThat(list.sites()).extracting(Site::host).containsExactly("a.gov.cn");
        assertThat(list.problems()).extracting(SiteListProblem::line).containsExactly(3);
    }

    @Test
    public void defaultPortsMakeDuplicates() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, """
                url,name,province,level
                https://a.gov.cn,A,,central
                https://a.gov.cn:443/,A again,,central
                http://x.gov.cn,X,,city
                http://x.gov.cn:80,X again,,city
                https://y.gov.cn:8443/,Y,,city
                """);

        SiteList list = SiteList.read(file);

        assertThat(list.sites()).extracting(site -> site.url().toString())
                .containsExactly("https://a.gov.cn/", "http://x.gov.cn/", "https://y.gov.cn:8443/");
        assertThat(list.problems()).extracting(SiteListProblem::line).containsExactly(3, 5);
        assertThat(list.problems().get(0).message()).contains("duplicate url https://a.gov.cn/").contains("line 2");
        assertThat(list.problems().get(1).message()).contains("duplicate url http://x.gov.cn/").contains("line 4");
    }

    @Test
    public void lastRowWithoutNewlineNumbered() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, "url,name,province,level\nhttps://www.gov.cn/,A,,central\nftp://x.cn/,B,,city");

        assertThat(SiteList.read(file).problems()).extracting(SiteListProblem::line).containsExactly(3);
    }

    @Test
    public void internationalisedHostConvertedToPunycode() throws Exception {
        assertThat(SiteList.normaliseUrl("https://中国政府网.政务/index?a=1"))
                .isEqualTo(URI.create("https://xn--fiqs8sirgfmhq98a.xn--zfr164b/index?a=1"));
        assertThat(SiteList.normaliseUrl("北京.中国:8443")).isEqualTo(URI.create("https://xn--1lq90i.xn--fiqs8s:8443/"));
    }

    @Test
    public void tagsSplitOnSemicolons() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, "url,name,province,level,tags\nhttps://www.gov.cn/,A,,central, portal ;english;\n");

        assertThat(SiteList.read(file).sites().get(0).tags()).containsExactly("portal", "english");
    }

    @Test
    public void byteOrderMarkSkipped() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, "\uFEFFurl,name,province,level\nhttps://www.gov.cn/,A,,central\n");

        assertThat(SiteList.read(file).sites()).hasSize(1);
    }

    @Test
    public void wrongHeaderNamedWithFix() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, "URL,Name\nhttps://www.gov.cn/,A\n");

        assertThatThrownBy(() -> SiteList.read(file))
                .hasMessageContaining(file + ":1:")
                .hasMessageContaining("URL,Name")
                .hasMessageContaining("url,name,province,level");
    }

    @Test
    public void hostOfUserInput() {
        assertThat(SiteList.hostOf("WWW.GOV.CN")).isEqualTo("www.gov.cn");
        assertThat(SiteList.hostOf("https://www.gov.cn/")).isEqualTo("www.gov.cn");
    }

    @Test
    public void urlNormalised() throws Exception {
        assertThat(SiteList.normaliseUrl("WWW.Gov.CN")).isEqualTo(URI.create("https://www.gov.cn/"));
        assertThat(SiteList.normaliseUrl("http://www.gov.cn/a?b=1")).isEqualTo(URI.create("http://www.gov.cn/a?b=1"));
    }

    @Test
    public void trailingDotOfHostDropped() throws Exception {
        assertThat(SiteList.normaliseUrl("https://www.gov.cn./")).isEqualTo(URI.create("https://www.gov.cn/"));
        assertThat(SiteList.normaliseUrl("www.gov.cn.:8443/a")).isEqualTo(URI.create("https://www.gov.cn:8443/a"));
    }

    @Test
    public void defaultPortDropped() throws Exception {
        assertThat(SiteList.normaliseUrl("https://WWW.gov.cn:443")).isEqualTo(URI.create("https://www.gov.cn/"));
        assertThat(SiteList.normaliseUrl("http://www.gov.cn:80/a")).isEqualTo(URI.create("http://www.gov.cn/a"));
        assertThat(SiteList.normaliseUrl("http://www.gov.cn:443/")).isEqualTo(URI.create("http://www.gov.cn:443/"));
        assertThat(SiteList.normaliseUrl("www.gov.cn:80")).isEqualTo(URI.create("https://www.gov.cn:80/"));
    }

    @Test
    public void missingFileExplained() {
        assertThatThrownBy(() -> SiteList.read(Path.of("suites/data/none.csv")))
                .hasMessageContaining("Site list not found")
                .hasMessageContaining("'sites' parameter");
    }
}
