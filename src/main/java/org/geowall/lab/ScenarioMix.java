package org.geowall.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Assigns scenarios to a list of sites with a seeded shuffle, so the same list and seed always
 * give the same world, and every scenario of the mix appears at least once when there are enough sites.
 */
public final class ScenarioMix {

    private final Map<Scenario, Integer> weights;
    private final boolean coverEveryScenario;

    private ScenarioMix(Map<Scenario, Integer> weights) {
        this(weights, false);
    }

    private ScenarioMix(Map<Scenario, Integer> weights, boolean coverEveryScenario) {
        this.weights = weights;
        this.coverEveryScenario = coverEveryScenario;
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

    /**
     * Returns the full mix: every scenario of the lab, weighted roughly as foreign visitors of
     * Chinese government sites meet them. Given at least one site per scenario, every scenario
     * is assigned at least once.
     */
    public static ScenarioMix full() {
        Map<Scenario, Integer> weights = new EnumMap<>(Scenario.class);
        weights.put(Scenario.ACCESSIBLE, 24);
        weights.put(Scenario.HEAVY_PAGE, 4);
        weights.put(Scenario.SLOW, 3);
        weights.put(Scenario.FLAKY, 3);
        weights.put(Scenario.DOWN_EVERYWHERE, 3);
        weights.put(Scenario.DROP_EVERYWHERE, 1);
        weights.put(Scenario.HTTP_403_DENIAL, 8);
        weights.put(Scenario.GBK_DENIAL, 4);
        weights.put(Scenario.HTTP_REDIRECT_DENIAL, 4);
        weights.put(Scenario.CAPTCHA_WALL, 5);
        weights.put(Scenario.SCRIPTED_GEO_REDIRECT, 3);
        weights.put(Scenario.STATIC_HOST_BLOCKED, 4);
        weights.put(Scenario.DATA_API_BLOCKED, 4);
        weights.put(Scenario.TCP_RESET, 6);
        weights.put(Scenario.CONNECTION_REFUSED, 3);
        weights.put(Scenario.SILENT_DROP, 6);
        weights.put(Scenario.BLACKHOLE_CONNECT, 3);
        weights.put(Scenario.TLS_ABORT, 3);
        weights.put(Scenario.NXDOMAIN, 6);
        weights.put(Scenario.DNS_SERVFAIL, 2);
        weights.put(Scenario.DNS_NO_ANSWER, 2);
        return new ScenarioMix(weights, true);
    }

    /** Returns the scenarios this mix can assign. */
    public Set<Scenario> scenarios() {
        return Collections.unmodifiableSet(weights.keySet());
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
        if (coverEveryScenario && siteCount >= weights.size()) {
            addMissingScenarios(scenarios);
        }
        Collections.shuffle(scenarios, new Random(seed));
        return scenarios;
    }

    /**
     * Puts each scenario that rounding left out in place of one site of the most frequent
     * scenario. The list contains at least one site per scenario, so the most frequent one always
     * has a site to spare.
     */
    private void addMissingScenarios(List<Scenario> scenarios) {
        for (Scenario missing : weights.keySet()) {
            if (scenarios.contains(missing)) {
                continue;
            }
            Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
            scenarios.forEach(scenario -> counts.merge(scenario, 1, Integer::sum));
            Scenario mostFrequent = Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
            scenarios.set(scenarios.lastIndexOf(mostFrequent), missing);
        }
    }
}
