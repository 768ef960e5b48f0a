package org.geowall.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geowall.config.ConfigException;
import org.geowall.config.DriversConfig;
import org.geowall.config.DriversConfigLoader;
import org.geowall.config.World;
import org.geowall.lab.LabWorlds;
import org.geowall.run.MeasurementSession;
import org.geowall.run.SessionSettings;
import org.geowall.run.SuiteOptions;
import org.geowall.run.Vantage;
import org.geowall.site.Site;
import org.geowall.site.SiteList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITestContext;
import org.testng.annotations.Factory;
import org.testng.annotations.Optional;
import org.testng.annotations.Parameters;

/**
 * Creates one {@link SiteAccessibilityCheck} per (site, vantage) of a suite. Suite parameters:
 * {@code sites} (the site list CSV), {@code vantages} (optional comma-separated vantage names,
 * all of drivers.yaml by default), {@code driver} (optional engine, {@code playwright} or
 * {@code selenium}) and {@code repeats} (optional attempts per pair). A {@code -Ddriver.engine} or
 * {@code -Drepeats} given to Maven wins over the suite's parameter, which wins over drivers.yaml.
 */
public class SiteAccessibilityFactory {

    private static final Logger log = LoggerFactory.getLogger(SiteAccessibilityFactory.class);

    @Factory
    @Parameters({"sites", "vantages", "driver", "repeats"})
    public Object[] create(String sites, @Optional("") String vantageNames, @Optional("") String driver,
                           @Optional("") String repeats, ITestContext context) {
        try {
            return createChecks(sites, vantageNames, SuiteOptions.parse(driver, repeats, suiteSource(context)),
                    context);
        } catch (RuntimeException e) {
            // TestNG reports only that the factory threw, so the cause is logged here for the user.
            log.error("Could not start suite {}: {}", context.getSuite().getName(), e.getMessage(), e);
            throw e;
        }
    }

    /** Returns the suite's file name where TestNG has one, or else its name, for error messages. */
    private static String suiteSource(ITestContext context) {
        String file = context.getSuite().getXmlSuite().getFileName();
        return file == null || file.isBlank() ? context.getSuite().getName() : file;
    }

    private Object[] createChecks(String sites, String vantageNames, SuiteOptions options, ITestContext context) {
        // Everything a user can get wrong in the suite is checked before the session makes the run
        // folder and starts the lab.
        SessionSettings settings = SessionSettings.fromSystemProperties();
        DriversConfig config = DriversConfigLoader.load(settings.drivers());
        List<String> wanted = config.selectVantageNames(vantageNames, "Suite parameter 'vantages'");
        SiteList siteList = SiteList.read(Path.of(sites));
        if (settings.worldFor(config) == World.LAB) {
            siteList = LabWorlds.playable(siteList);
        }
        siteList.problems().forEach(problem -> log.error("Skipped site list row: {}", problem));
        requireSites(siteList);
        MeasurementSession session = MeasurementSession.open(context.getSuite().getName(), siteList,
                options.withVantages(wanted));
        List<Vantage> vantages = selectVantages(session.vantages(), wanted);

        List<Object> checks = new ArrayList<>();
        int skipped = 0;
        for (Site site : siteList.sites()) {
            for (Vantage vantage : vantages) {
                if (session.pairFinished(site, vantage.name())) {
                    skipped++;
                    continue;
                }
                checks.add(new SiteAccessibilityCheck(site, vantage.name()));
            }
        }
        if (skipped > 0) {
            log.info("Resuming run {}: {} site-vantage pairs already measured, {} to go", session.folder().runId(), skipped,
                    checks.size());
        }
        return checks.toArray();
    }

    /** Stops a suite whose site list has no site to measure, before the run folder and the lab exist. */
    private static void requireSites(SiteList siteList) {
        if (!siteList.sites().isEmpty()) {
            return;
        }
        if (siteList.problems().isEmpty()) {
            throw new ConfigException("Site list " + siteList.file() + " has no site rows. Add one row per site "
                    + "below the header url,name,province,level, such as https://www.gov.cn/,Central portal,,central.");
        }
        throw new ConfigException("Site list " + siteList.file() + " has no site to measure, because every row "
                + "was skipped. Fix the rows named in the errors above.");
    }

    /** Returns the session's vantages of the given names, which come from the same drivers file. */
    private static List<Vantage> selectVantages(List<Vantage> all, List<String> names) {
        List<Vantage> selected = new ArrayList<>();
        for (String name : names) {
            // Reached only when a session opened earlier in this JVM read another drivers file.
            selected.add(all.stream().filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Vantage '" + name + "' is not a vantage of "
                            + "the open run, whose vantages are " + all.stream().map(Vantage::name).toList()
                            + ". Run this suite in a JVM of its own.")));
        }
        return selected;
    }
}
