package org.geowall.lab;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Site lists made up for the lab, such as one site per scenario for tests and calibration. */
public final class ScenarioSites {

    /** The domain under which the made-up sites are named, as the lab's other test sites are. */
    public static final String DOMAIN = "lab.gov.cn";

    private ScenarioSites() {
    }

    /**
     * Returns one HTTPS site per scenario, named after it: {@code https://tls-abort.lab.gov.cn/}
     * plays {@link Scenario#TLS_ABORT}. Passed to {@link LabWorld#start}, it gives a world that
     * plays every scenario exactly once.
     */
    public static List<SiteSpec> onePerScenario() {
        List<SiteSpec> sites = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            sites.add(new SiteSpec(url(scenario), "Lab " + scenario.id(), scenario));
        }
        return sites;
    }

    /** Returns the URL {@link #onePerScenario()} gives the site of a scenario. */
    public static URI url(Scenario scenario) {
        return URI.create("https://" + scenario.id().replace('_', '-') + "." + DOMAIN + "/");
    }
}
