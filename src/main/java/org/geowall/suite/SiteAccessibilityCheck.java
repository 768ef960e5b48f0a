package org.geowall.suite;

import io.qameta.allure.testng.TestInstanceParameter;
import org.geowall.report.ResultLine;
import org.geowall.report.allure.LoadAttachments;
import org.geowall.report.allure.LoadLabels;
import org.geowall.report.allure.OutcomeMessage;
import org.geowall.run.MeasurementSession;
import org.geowall.site.Site;
import org.geowall.verdict.Verdict;
import org.testng.ITest;
import org.testng.SkipException;
import org.testng.annotations.Test;

/**
 * The generic accessibility test: loads one site through one vantage. It passes when the site is
 * accessible, fails with the verdict and its evidence when the site is blocked, is skipped when
 * the load is excluded (site down), and breaks when the proxy or the harness failed.
 */
public class SiteAccessibilityCheck implements ITest {

    private final Site site;

    // The fields below are Allure parameters: they tell the (site, vantage, attempt) results
    // apart in the report's history, and let the end of the run find each load's result.
    @TestInstanceParameter("url")
    private final String url;
    @TestInstanceParameter("vantage")
    private final String vantage;
    @TestInstanceParameter("attempt")
    private final int attempt;

    public SiteAccessibilityCheck(Site site, String vantage, int attempt) {
        this.site = site;
        this.url = site.url().toString();
        this.vantage = vantage;
        this.attempt = attempt;
    }

    /** Returns the readable test name, such as {@code www.gov.cn via US}. */
    @Override
    public String getTestName() {
        return site.host() + " via " + vantage;
    }

    @Test
    public void loadsFromVantage() {
        MeasurementSession session = MeasurementSession.current();
        boolean control = session.vantages().stream().anyMatch(v -> v.name().equals(vantage) && v.control());
        LoadLabels.labelLoad(site, vantage, control, attempt);

        ResultLine line = session.measure(site, vantage, attempt);
        LoadAttachments.attach(line, session.folder().root());
        LoadLabels.tagVerdict(line.verdict());

        Verdict verdict = line.verdict();
        String message = OutcomeMessage.of(line);
        switch (verdict.family()) {
            case ACCESSIBLE -> {
                return;
            }
            case EXCLUDED -> {
                if (verdict == Verdict.SITE_DOWN) {
                    throw new SkipException(message);
                }
                throw new IllegalStateException(message);
            }
            default -> throw new AssertionError(message);
        }
    }
}
