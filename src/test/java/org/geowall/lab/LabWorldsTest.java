package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.geowall.site.Site;
import org.geowall.site.SiteList;
import org.geowall.site.SiteListProblem;
import org.testng.annotations.Test;

public class LabWorldsTest {

    @Test
    public void generatedWorldRepeatsForSameSeed() {
        assertThat(LabWorlds.generated(200, 7, ScenarioMix.full()))
                .isEqualTo(LabWorlds.generated(200, 7, ScenarioMix.full()));
    }

    @Test
    public void generatedLatencyCenteredAndCapped() {
        List<Integer> latencies = LabWorlds.generated(1000, 7, ScenarioMix.full()).stream()
                .map(SiteSpec::latencyMillis).sorted().toList();

        assertThat(latencies.get(500)).isBetween(30, 55);
        assertThat(latencies.get(999)).isLessThanOrEqualTo(LabWorlds.MAX_LATENCY_MILLIS);
        assertThat(latencies.get(999)).isGreaterThan(latencies.get(500) * 3);
    }

    @Test
    public void generatedWorldPlaysEveryScenario() {
        List<SiteSpec> world = LabWorlds.generated(500, 7, ScenarioMix.full());

        assertThat(EnumSet.copyOf(world.stream().map(SiteSpec::scenario).toList()))
                .isEqualTo(EnumSet.allOf(Scenario.class));
        assertThat(world).extracting(SiteSpec::host).doesNotHaveDuplicates();
    }

    @Test
    public void scenarioTagOverridesMix() {
        org.geowall.site.Site site = new org.geowall.site.Site(java.net.URI.create("https://www.gov.cn/"), "Central",
                "", "central", List.of("portal", "lab:tls_abort"), 2);

        assertThat(LabWorlds.fromSiteList(List.of(site), ScenarioMix.demo(), 1).get(0).scenario())
                .isEqualTo(Scenario.TLS_ABORT);
    }

    @Test
    public void unknownScenarioTagSkippedInLab() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, """
                url,name,province,level,tags
                https://a.gov.cn/,A,,central,lab:tcp_reset
                https://b.gov.cn/,B,,central,portal;lab:no_such_scenario
                https://c.gov.cn/,C,,central,lab:tls_abort;lab:nxdomain
                https://d.gov.cn/,D,,central,
                """);

        SiteList read = SiteList.read(file);
        SiteList playable = LabWorlds.playable(read);

        assertThat(read.problems()).as("outside the lab, tags are only labels").isEmpty();
        assertThat(playable.sites()).extracting(Site::host).containsExactly("a.gov.cn", "d.gov.cn");
        assertThat(playable.problems()).extracting(SiteListProblem::line).containsExactly(3, 4);
        assertThat(playable.problems().get(0).message()).contains("'lab:no_such_scenario'");
        assertThat(playable.problems().get(0).fix()).contains("tcp_reset", "dns_no_answer");
        assertThat(playable.problems().get(0).toString()).startsWith(file + ":3: ");
        assertThat(playable.problems().get(1).message()).contains("2 lab scenario tags");
        assertThat(LabWorlds.fromSiteList(playable.sites(), ScenarioMix.demo(), 1).get(0).scenario())
                .isEqualTo(Scenario.TCP_RESET);
    }

    @Test
    public void repeatedHostSkippedInLab() throws IOException {
        Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, """
                url,name,province,level
                https://a.gov.cn/,A,,central
                ,No URL,,city
                http://a.gov.cn/,A over HTTP,,central
                https://a.gov.cn/en/,A in English,,central
                https://img.geowall-lab.test/,Support,,city
                """);

        SiteList playable = LabWorlds.playable(SiteList.read(file));

        assertThat(playable.sites()).extracting(Site::line).containsExactly(2);
        assertThat(playable.problems()).extracting(SiteListProblem::line).containsExactly(3, 4, 5, 6);
        assertThat(playable.problems().get(1).message()).contains("host a.gov.cn is also on line 2");
        assertThat(playable.problems().get(3).message()).contains("reserved for a lab support host");
    }
}
