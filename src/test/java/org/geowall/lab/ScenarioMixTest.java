package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.testng.annotations.Test;

public class ScenarioMixTest {

    private static final EnumSet<Scenario> DEMO_SCENARIOS = EnumSet.of(Scenario.ACCESSIBLE,
            Scenario.HTTP_403_DENIAL, Scenario.TCP_RESET, Scenario.NXDOMAIN, Scenario.SILENT_DROP);

    @Test
    public void sameSeedSameWorld() {
        assertThat(ScenarioMix.demo().assign(79, 2026)).isEqualTo(ScenarioMix.demo().assign(79, 2026));
    }

    @Test
    public void otherSeedOtherOrder() {
        assertThat(ScenarioMix.demo().assign(79, 2026)).isNotEqualTo(ScenarioMix.demo().assign(79, 7));
    }

    @Test
    public void everyScenarioPlayedOncePerSite() {
        List<Scenario> scenarios = ScenarioMix.demo().assign(79, 2026);

        assertThat(scenarios).hasSize(79);
        assertThat(EnumSet.copyOf(scenarios)).isEqualTo(DEMO_SCENARIOS);
        assertThat(scenarios).filteredOn(s -> s == Scenario.ACCESSIBLE).hasSizeGreaterThan(79 / 3);
    }

    @Test
    public void demoMixUnchanged() {
        Map<Scenario, Long> counts = ScenarioMix.demo().assign(79, 2026).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(ScenarioMix.demo().scenarios()).isEqualTo(DEMO_SCENARIOS);
        assertThat(counts).containsEntry(Scenario.ACCESSIBLE, 36L).containsEntry(Scenario.HTTP_403_DENIAL, 12L)
                .containsEntry(Scenario.TCP_RESET, 9L).containsEntry(Scenario.NXDOMAIN, 10L)
                .containsEntry(Scenario.SILENT_DROP, 12L);
    }

    @Test
    public void fewSitesStillGetOneEach() {
        assertThat(ScenarioMix.demo().assign(3, 1)).hasSize(3);
        assertThat(ScenarioMix.demo().assign(0, 1)).isEmpty();
    }

    @Test
    public void fullMixHoldsEveryScenario() {
        assertThat(ScenarioMix.full().scenarios()).isEqualTo(EnumSet.allOf(Scenario.class));
    }

    @Test
    public void fullMixCoversEveryScenarioAtMinimumSize() {
        int siteCount = Scenario.values().length;

        List<Scenario> scenarios = ScenarioMix.full().assign(siteCount, 2026);

        assertThat(scenarios).hasSize(siteCount);
        assertThat(EnumSet.copyOf(scenarios)).isEqualTo(EnumSet.allOf(Scenario.class));
    }

    @Test
    public void fullMixCoversAllAtLargerSizes() {
        for (int siteCount = Scenario.values().length; siteCount <= 120; siteCount++) {
            List<Scenario> scenarios = ScenarioMix.full().assign(siteCount, siteCount);

            assertThat(scenarios).as("%d sites", siteCount).hasSize(siteCount);
            assertThat(EnumSet.copyOf(scenarios)).as("%d sites", siteCount).isEqualTo(EnumSet.allOf(Scenario.class));
        }
    }

    @Test
    public void fullMixMostlyAccessible() {
        List<Scenario> scenarios = ScenarioMix.full().assign(200, 2026);

        assertThat(scenarios).filteredOn(s -> s == Scenario.ACCESSIBLE).hasSizeBetween(40, 60);
    }

    @Test
    public void fullMixSameSeedSameWorld() {
        assertThat(ScenarioMix.full().assign(79, 2026)).isEqualTo(ScenarioMix.full().assign(79, 2026));
        assertThat(ScenarioMix.full().assign(79, 2026)).isNotEqualTo(ScenarioMix.full().assign(79, 7));
    }

    @Test
    public void onePerScenarioSitesPlayEveryScenarioOnce() {
        List<SiteSpec> sites = ScenarioSites.onePerScenario();

        assertThat(sites).hasSize(Scenario.values().length);
        assertThat(sites).extracting(SiteSpec::scenario).containsExactly(Scenario.values());
        assertThat(sites.get(Scenario.TLS_ABORT.ordinal()).url()).hasToString("https://tls-abort.lab.gov.cn/");
        assertThat(sites).extracting(SiteSpec::host).doesNotHaveDuplicates().allMatch(host -> !host.contains("_"));
    }
}
