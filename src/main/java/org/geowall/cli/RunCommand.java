package org.geowall.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.geowall.config.World;
import org.geowall.suite.MeasurementSuiteListener;
import org.geowall.suite.SiteAccessibilityFactory;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a measurement suite, or a site list through chosen vantages, without Maven. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Measures a suite, or a site list through chosen vantages, without Maven.",
            "Results go to REPORTS/runs/<run-id>/ and REPORTS/latest. Blocked sites are findings: the command "
                + "exits 0 when the run completed."})
final class RunCommand implements Callable<Integer> {

    /** TestNG's status bit for "no test was run" (TestNG.HAS_NO_TEST, protected there). */
    private static final int TESTNG_HAS_NO_TEST = 8;

    /** What to measure: a suite XML, or a site list. */
    static final class Target {
        @Option(names = "--suite", paramLabel = "FILE", required = true,
                description = "A TestNG suite XML, such as suites/cn-gov.xml.")
        Path suite;

        @Option(names = "--sites", paramLabel = "FILE", required = true,
                description = "A site list CSV (url,name,province,level).")
        Path sites;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--vantages", paramLabel = "NAMES",
            description = "With --sites: comma-separated vantage names of drivers.yaml (default: all).")
    private String vantages;

    @Option(names = "--world", paramLabel = "WORLD", description = "lab or real (default: the world in drivers.yaml).")
    private String world;

    @Option(names = "--drivers", paramLabel = "FILE", defaultValue = "drivers.yaml",
            description = "The drivers file (default: ${DEFAULT-VALUE}).")
    private Path drivers;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "The reports folder (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Resume a run (a run id, or latest): loads that have a result are not measured again.")
    private String resume;

    @Override
    public Integer call() {
        if (world != null) {
            World.parse(world, "--world");
            System.setProperty("world", world);
        }
        if (resume != null) {
            System.setProperty("resume", resume);
        }
        System.setProperty("drivers", drivers.toString());
        System.setProperty("geowall.reports", reports.toString());
        System.setProperty("allure.results.directory", reports.resolve("allure-results").toString());

        TestNG testng = new TestNG();
        testng.setOutputDirectory(reports.resolve("testng").toString());
        testng.setUseDefaultListeners(false);
        if (target.suite != null) {
            requireFile(target.suite, "--suite");
            testng.setTestSuites(List.of(target.suite.toString()));
        } else {
            requireFile(target.sites, "--sites");
            testng.setXmlSuites(List.of(siteListSuite()));
        }
        testng.run();
        // Failed and skipped tests are blocked and excluded sites, which are findings; only a suite that
        // ran no test at all (a bad site list, an invalid drivers.yaml) is an error.
        return (testng.getStatus() & TESTNG_HAS_NO_TEST) == 0 ? 0 : 1;
    }

    private static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + ": file not found");
        }
    }

    /** Builds the suite that suites/cn-gov.xml spells out in XML, for a site list given on the command line. */
    private XmlSuite siteListSuite() {
        XmlSuite suite = new XmlSuite();
        String name = target.sites.getFileName().toString().replaceFirst("\\.csv$", "");
        suite.setName(name);
        suite.setParallel(XmlSuite.ParallelMode.INSTANCES);
        suite.setThreadCount(2);
        suite.setParameters(vantages == null ? Map.of("sites", target.sites.toString())
                : Map.of("sites", target.sites.toString(), "vantages", vantages));
        suite.addListener(MeasurementSuiteListener.class.getName());
        XmlTest test = new XmlTest(suite);
        test.setName(name);
        test.setXmlClasses(List.of(new XmlClass(SiteAccessibilityFactory.class.getName())));
        return suite;
    }
}
