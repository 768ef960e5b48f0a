package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.testng.annotations.Test;

public class ScenarioMixTest {

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
        assertThat(EnumSet.copyOf(scenarios)).isEqualTo(EnumSet.allOf(Scenario.class));
        assertThat(scenarios).filteredOn(s -> s == Scenario.ACCESSIBLE).hasSizeGreaterThan(79 / 3);
    }

    @Test
    public void fewSitesStillGetOneEach() {
        assertThat(ScenarioMix.demo().assign(3, 1)).hasSize(3);
        assertThat(ScenarioMix.demo().assign(0, 1)).isEmpty();
    }
}
