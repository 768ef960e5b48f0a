package org.geowall.lab;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geowall.site.Site;
import org.geowall.site.SiteList;
import org.geowall.site.SiteListProblem;

/** Ready-made site sets for lab worlds: one site per scenario, a real site list, or generated sites. */
public final class LabWorlds {

    private LabWorlds() {
    }

    /** Returns one site per scenario, named after it, such as {@code https://tcp-reset.lab.gov.cn/}. */
    public static List<SiteSpec> showcase() {
        return ScenarioSites.onePerScenario();
    }

    /** The tag prefix with which a site list row chooses the scenario the lab plays for it. */
    public static final String SCENARIO_TAG = "lab:";

    /**
     * Returns the site list with the rows that the lab cannot play moved to its problems: a row with
     * a {@code lab:} tag that names no scenario or with two {@code lab:} tags, a row whose host is a
     * lab support host, and a second row for a host, since the lab plays one scenario per host.
     * Outside the lab, tags are only labels, so only a lab run needs this check.
     */
    public static SiteList playable(SiteList list) {
        List<Site> kept = new ArrayList<>();
        List<SiteListProblem> problems = new ArrayList<>(list.problems());
        Map<String, Integer> firstLineOfHost = new HashMap<>();
        for (Site site : list.sites()) {
            SiteListProblem problem = labProblem(list.file(), site, firstLineOfHost);
            if (problem == null) {
                kept.add(site);
            } else {
                problems.add(problem);
            }
        }
        problems.sort(Comparator.comparingInt(SiteListProblem::line));
        return new SiteList(list.file(), List.copyOf(kept), List.copyOf(problems));
    }

    private static SiteListProblem labProblem(Path file, Site site,
                                              Map<String, Integer> firstLineOfHost) {
        List<String> scenarioTags = site.tags().stream().filter(tag -> tag.startsWith(SCENARIO_TAG)).toList();
        for (String tag : scenarioTags) {
            if (Scenario.find(tag.substring(SCENARIO_TAG.length())).isEmpty()) {
                return new SiteListProblem(file, site.line(), "unknown lab scenario in tag '" + tag + "'",
                        "Use one of " + String.join(", ", Scenario.ids()) + " after 'lab:', or remove the tag.");
            }
        }
        if (scenarioTags.size() > 1) {
            return new SiteListProblem(file, site.line(), "the row has " + scenarioTags.size() + " lab scenario "
                    + "tags (" + String.join(";", scenarioTags) + ")", "Keep one 'lab:' tag per row.");
        }
        String host = site.host();
        if (SupportHost.of(host).isPresent()) {
            return new SiteListProblem(file, site.line(), "host " + host + " is reserved for a lab support host",
                    "Rename the site, or remove the row.");
        }
        Integer firstLine = firstLineOfHost.putIfAbsent(host, site.line());
        if (firstLine != null) {
            return new SiteListProblem(file, site.line(), "host " + host + " is also on line " + firstLine
                    + ", and the lab plays one scenario per host", "Keep one row per host in a lab run.");
        }
        return null;
    }

    /**
     * Returns the sites of a real site list, each playing a scenario under its own host name: the
     * one its {@code lab:<scenario>} tag names, else one of the mix. Pass the sites of
     * {@link #playable(SiteList)}, because an unknown scenario tag or a repeated host is an error here.
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

    /** The median of the generated sites' latency, in milliseconds. */
    static final int MEDIAN_LATENCY_MILLIS = 40;
    /** The cap on a generated site's latency, which keeps every page within the lab's navigation budget. */
    static final int MAX_LATENCY_MILLIS = 1_500;

    /**
     * Returns {@code count} synthetic sites with a seeded scenario mix and a seeded log-normal
     * latency per site (median 40 ms, capped at 1.5 s), for benchmarks and calibration, named
     * {@code https://portal00001.gen.lab.gov.cn/} and so on.
     */
    public static List<SiteSpec> generated(int count, long seed, ScenarioMix mix) {
        if (count < 1 || count > CountryAddresses.MAX_SITES) {
            throw new IllegalArgumentException("Generated world size " + count + " is out of range: use 1 to "
                    + CountryAddresses.MAX_SITES + " sites");
        }
        List<Scenario> scenarios = mix.assign(count, seed);
        java.util.Random latencies = new java.util.Random(seed);
        List<SiteSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = String.format(Locale.ROOT, "portal%05d", i + 1);
            int latency = (int) Math.min(MAX_LATENCY_MILLIS,
                    Math.round(MEDIAN_LATENCY_MILLIS * Math.exp(latencies.nextGaussian())));
            specs.add(new SiteSpec(URI.create("https://" + label + ".gen.lab.gov.cn/"),
                    "Generated portal " + (i + 1), scenarios.get(i), latency));
        }
        return specs;
    }

    /** Writes a world as a site list whose {@code lab:} tags make the lab play each site's scenario. */
    public static void writeSiteList(List<SiteSpec> world, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("url,name,province,level,tags\n");
            for (SiteSpec site : world) {
                out.write(site.url() + ",\"" + site.name().replace("\"", "\"\"") + "\",,lab," + SCENARIO_TAG
                        + site.scenario().id() + "\n");
            }
        }
    }
}
