package org.geowall.suite;

import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geowall.report.ResultLine;
import org.geowall.run.MeasurementSession;
import org.geowall.site.Site;
import org.geowall.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITest;
import org.testng.SkipException;
import org.testng.annotations.Test;

/**
 * The generic accessibility test: loads one site through one vantage. It passes when the site is
 * accessible, fails with the verdict and its evidence when the site is blocked, is skipped when
 * the load is excluded (site down), and breaks when the proxy or the harness failed.
 */
public class SiteAccessibilityCheck implements ITest {

    private static final Logger log = LoggerFactory.getLogger(SiteAccessibilityCheck.class);

    private final Site site;
    private final String vantage;
    private final int attempt;

    public SiteAccessibilityCheck(Site site, String vantage, int attempt) {
        this.site = site;
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
        Allure.epic(vantage);
        Allure.feature(site.level().isEmpty() ? "unspecified level" : site.level());
        Allure.story(site.host());
        Allure.link(site.url().toString(), site.url().toString());

        MeasurementSession session = MeasurementSession.current();
        ResultLine line = session.measure(site, vantage, attempt);
        attachScreenshot(session, line);
        Allure.label("tag", line.verdict().id());

        Verdict verdict = line.verdict();
        String message = verdict.id() + ": " + line.verdictRule() + " (" + line.verdictDetail() + ")";
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
            default -> throw new AssertionError(getTestName() + " is blocked: " + message);
        }
    }

    private static void attachScreenshot(MeasurementSession session, ResultLine line) {
        String relative = line.evidence().get("screenshot");
        if (relative == null) {
            return;
        }
        Path screenshot = session.folder().root().resolve(relative);
        try (InputStream in = Files.newInputStream(screenshot)) {
            Allure.addAttachment("screenshot", "image/png", in, "png");
        } catch (IOException e) {
            log.warn("Could not attach {} to the report", screenshot, e);
        }
    }
}
