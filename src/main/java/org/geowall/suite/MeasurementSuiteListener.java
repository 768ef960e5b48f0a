package org.geowall.suite;

import org.geowall.run.MeasurementSession;
import org.testng.ISuite;
import org.testng.ISuiteListener;

/** Ends the measurement run when its suite ends: summary, engines, lab. Named in each suite XML. */
public class MeasurementSuiteListener implements ISuiteListener {

    @Override
    public void onFinish(ISuite suite) {
        MeasurementSession.closeCurrent();
    }
}
