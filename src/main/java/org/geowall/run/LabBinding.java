package org.geowall.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.geowall.config.DriversConfig;
import org.geowall.config.VantageSettings;
import org.geowall.engine.ProxySettings;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabVantage;
import org.geowall.lab.LabWorld;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.ScenarioMix;
import org.geowall.lab.SiteSpec;
import org.geowall.site.Site;

/**
 * Starts the embedded lab for a run: it plays the run's site list under the real host names,
 * with one proxy per vantage country, and hands back vantages that point at the lab's proxies.
 */
final class LabBinding {

    private LabBinding() {
    }

    static LabWorld start(List<Site> sites, DriversConfig config, SessionSettings settings) throws IOException {
        ScenarioMix mix = config.lab().mix().equals("full") ? ScenarioMix.full() : ScenarioMix.demo();
        List<SiteSpec> specs = LabWorlds.fromSiteList(sites, mix, config.lab().seed());
        List<String> countries = config.vantages().stream().map(VantageSettings::country).distinct().toList();
        LabOptions options = new LabOptions()
                .setHomeCountry(config.control().country())
                .setCountries(countries)
                .setSeed(config.lab().seed());
        settings.labPassword().ifPresent(options::setPassword);
        return LabWorld.start(specs, options);
    }

    /** Returns the run's vantages, each routed through the lab proxy of its country. */
    static List<Vantage> vantages(LabWorld lab, DriversConfig config) {
        List<Vantage> vantages = new ArrayList<>();
        for (VantageSettings settings : config.vantages()) {
            LabVantage exit = lab.vantages().stream()
                    .filter(candidate -> candidate.country().equals(settings.country()))
                    .findFirst().orElseThrow();
            ProxySettings proxy = new ProxySettings(exit.proxy(), exit.username(), exit.password());
            vantages.add(new Vantage(settings.name(), settings.country(), settings.isControl(), proxy,
                    exit.errorHeader()));
        }
        return vantages;
    }

    /**
     * Returns the browser arguments the lab needs: trust in its CA by SPKI pin, and no name
     * lookups outside the proxies, so nothing the browser does can leave loopback.
     */
    static List<String> browserArguments(LabWorld lab) {
        return List.of("--ignore-certificate-errors-spki-list=" + lab.spkiPins(),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    }
}
