package org.geowall.lab;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geowall.site.Site;

/** Ready-made site sets for lab worlds: one site per scenario, a real site list, or generated sites. */
public final class LabWorlds {

    private LabWorlds() {
    }

    /** Returns one site per scenario, named after it, such as {@code https://tcp-reset.showcase.lab.gov.cn/}. */
    public static List<SiteSpec> showcase() {
        List<SiteSpec> specs = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            String label = scenario.id().replace('_', '-');
            specs.add(new SiteSpec(URI.create("https://" + label + ".showcase.lab.gov.cn/"),
                    "Showcase: " + scenario.id(), scenario));
        }
        return specs;
    }

    /** The tag prefix with which a site list row chooses the scenario the lab plays for it. */
    public static final String SCENARIO_TAG = "lab:";

    /**
     * Returns the sites of a real site list, each playing a scenario under its own host name: the
     * one its {@code lab:<scenario>} tag names, else one of the mix.
     */
    public static List<SiteSpec> fromSiteList(List<Site> sites, ScenarioMix mix, long seed) {
        List<Scenario> scenarios = mix.assign(sites.size(), seed);
        List<SiteSpec> specs = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            Scenario scenario = site.tags().stream().filter(tag -> tag.startsWith(SCENARIO_TAG)).findFirst()
                    .map(tag -> Scenario.fromId(tag.substring(SCENARIO_TAG.length())))
                    .orElse(scenarios.get(i));
            specs.add(new SiteSpec(site.url(), site.name(), scenario));
        }
        return specs;
    }

    /**
     * Returns {@code count} synthetic sites with a seeded scenario mix, for benchmarks and
     * calibration, named {@code https://portal00001.gen.lab.gov.cn/} and so on.
     */
    public static List<SiteSpec> generated(int count, long seed, ScenarioMix mix) {
        if (count < 1 || count > CountryAddresses.MAX_SITES) {
            throw new IllegalArgumentException("Generated world size " + count + " is out of range: use 1 to "
                    + CountryAddresses.MAX_SITES + " sites");
        }
        List<Scenario> scenarios = mix.assign(count, seed);
        List<SiteSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = String.format(Locale.ROOT, "portal%05d", i + 1);
            specs.add(new SiteSpec(URI.create("https://" + label + ".gen.lab.gov.cn/"),
                    "Generated portal " + (i + 1), scenarios.get(i)));
        }
        return specs;
    }
}
