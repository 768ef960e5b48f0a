package org.geowall.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geowall.suite.MeasurementSuiteListener;
import org.geowall.suite.SiteAccessibilityFactory;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

/** Runs measurement suites in this JVM with TestNG, as Maven's Surefire would. */
final class SuiteRunner {

    /** TestNG's status bit for "no test was run" (TestNG.HAS_NO_TEST, protected there). */
    private static final int TESTNG_HAS_NO_TEST = 8;

    private SuiteRunner() {
    }

    /** Runs suite XML files; returns false when no test ran at all (a bad site list or configuration). */
    static boolean runSuiteFiles(List<String> suites, Path reports) {
        TestNG testng = testng(reports);
        testng.setTestSuites(suites);
        testng.run();
        return (testng.getStatus() & TESTNG_HAS_NO_TEST) == 0;
    }

    /** Runs the generic accessibility suite over a site list, as suites/cn-gov.xml spells it out in XML. */
    static boolean runSiteList(Path sites, String vantages, Path reports, int workers) {
        XmlSuite suite = new XmlSuite();
        String name = sites.getFileName().toString().replaceFirst("\\.csv$", "");
        suite.setName(name);
        suite.setParallel(XmlSuite.ParallelMode.INSTANCES);
        suite.setThreadCount(workers);
        suite.setParameters(vantages == null ? Map.of("sites", sites.toString())
                : Map.of("sites", sites.toString(), "vantages", vantages));
        suite.addListener(MeasurementSuiteListener.class.getName());
        XmlTest test = new XmlTest(suite);
        test.setName(name);
        test.setXmlClasses(List.of(new XmlClass(SiteAccessibilityFactory.class.getName())));

        TestNG testng = testng(reports);
        testng.setXmlSuites(List.of(suite));
        testng.run();
        return (testng.getStatus() & TESTNG_HAS_NO_TEST) == 0;
    }

    /**
     * Returns true when the last run in this JVM started and its results file contains at least one
     * result; otherwise prints why not. A resumed run whose pairs were all measured before has no
     * test to run, but it is complete, so it counts as measured.
     */
    static boolean measuredSomething(boolean ran, java.io.PrintWriter err) {
        java.util.Optional<org.geowall.run.RunFolder> run = org.geowall.run.MeasurementSession.lastClosedRun();
        if (run.isEmpty()) {
            err.println("geowall: the run did not start; the error is in the log above.");
            return false;
        }
        try {
            if (org.geowall.run.ResultsLedger.read(run.get().results()).isEmpty()) {
                err.println("geowall: run " + run.get().runId() + " wrote no result: every load failed before it "
                        + "could be measured; the errors are in the log above.");
                return false;
            }
            if (!ran) {
                err.println("geowall: run " + run.get().runId() + " had nothing left to measure; its verdicts and "
                        + "summary were written again.");
            }
        } catch (java.io.IOException e) {
            err.println("geowall: could not read " + run.get().results() + ": " + e.getMessage());
            return false;
        }
        return true;
    }

    private static TestNG testng(Path reports) {
        org.geowall.run.MeasurementSession.forgetLastClosedRun();
        System.setProperty("geowall.reports", reports.toString());
        System.setProperty("allure.results.directory", reports.resolve("allure-results").toString());
        TestNG testng = new TestNG();
        testng.setOutputDirectory(reports.resolve("testng").toString());
        testng.setUseDefaultListeners(false);
        return testng;
    }
}
