package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
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
}
