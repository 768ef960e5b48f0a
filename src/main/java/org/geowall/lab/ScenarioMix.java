package org.geowall.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Assigns scenarios to a list of sites with a seeded shuffle, so the same list and seed always
 * give the same world, and every scenario of the mix appears at least once when there are enough sites.
 */
public final class ScenarioMix {

    private final Map<Scenario, Integer> weights;

    private ScenarioMix(Map<Scenario, Integer> weights) {
        this.weights = weights;
    }

    /**
     * Returns the demo mix: mostly accessible, then the explicit blocks and silent drops that
     * foreign visitors of Chinese government sites meet.
     */
    public static ScenarioMix demo() {
        Map<Scenario, Integer> weights = new EnumMap<>(Scenario.class);
        weights.put(Scenario.ACCESSIBLE, 45);
        weights.put(Scenario.HTTP_403_DENIAL, 15);
        weights.put(Scenario.TCP_RESET, 12);
        weights.put(Scenario.NXDOMAIN, 13);
        weights.put(Scenario.SILENT_DROP, 15);
        return new ScenarioMix(weights);
    }

    /** Returns one scenario per site, in the order of the sites. */
    public List<Scenario> assign(int siteCount, long seed) {
        List<Scenario> scenarios = new ArrayList<>(siteCount);
        int totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<Scenario, Integer> entry : weights.entrySet()) {
            int count = Math.max(1, Math.round((float) siteCount * entry.getValue() / totalWeight));
            for (int i = 0; i < count && scenarios.size() < siteCount; i++) {
                scenarios.add(entry.getKey());
            }
        }
        while (scenarios.size() < siteCount) {
            scenarios.add(Scenario.ACCESSIBLE);
        }
        Collections.shuffle(scenarios, new Random(seed));
        return scenarios;
    }
}
