package org.geowall.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.geowall.report.RunReports;
import org.geowall.report.allure.AllureResultsFolder;
import org.geowall.run.MeasurementSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ISuite;
import org.testng.ISuiteListener;

/**
 * Starts and ends the reports of a measurement run around its suite. Named in each suite XML.
 * At the start of a new run, but not of a resumed one, it clears the Allure results of earlier
 * runs. At the end it ends the run (summary, engines, lab), then writes the chart and completes
 * the Allure results.
 */
public class MeasurementSuiteListener implements ISuiteListener {

    private static final Logger log = LoggerFactory.getLogger(MeasurementSuiteListener.class);

    @Override
    public void onStart(ISuite suite) {
        if (System.getProperty("resume", "").isBlank()) {
            AllureResultsFolder results = AllureResultsFolder.configured();
            try {
                results.clear();
            } catch (IOException e) {
                log.error("Could not clear the Allure results in {}; the report may show earlier runs too",
                        results.directory(), e);
            }
        }
    }

    @Override
    public void onFinish(ISuite suite) {
        Optional<Path> runFolder = MeasurementSession.find().map(session -> session.folder().root());
        MeasurementSession.closeCurrent();
        runFolder.ifPresent(RunReports::afterRun);
    }
}
