package org.geowall.suite;

import io.qameta.allure.testng.TestInstanceParameter;
import java.util.ArrayList;
import java.util.List;
import org.geowall.report.PairVerdicts;
import org.geowall.report.ResultLine;
import org.geowall.report.allure.LoadAttachments;
import org.geowall.report.allure.LoadLabels;
import org.geowall.report.allure.OutcomeMessage;
import org.geowall.run.MeasurementSession;
import org.geowall.site.Site;
import org.geowall.verdict.RepeatConsensus;
import org.geowall.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITest;
import org.testng.SkipException;
import org.testng.annotations.Test;

/**
 * The generic accessibility test: loads one site through one vantage, as many times as the
 * budgets' repeats and repeat policy ask, and judges the pair by the consensus of its attempts.
 * It passes when the site is accessible, fails with the verdict and its evidence when the site is
 * blocked, is skipped when the site is down, and breaks when the proxy or the harness failed.
 */
public class SiteAccessibilityCheck implements ITest {

    private static final Logger log = LoggerFactory.getLogger(SiteAccessibilityCheck.class);

    private final Site site;

    // The fields below are Allure parameters: they tell the (site, vantage) results apart in the
    // report's history, and let the end of the run find each pair's result lines.
    @TestInstanceParameter("url")
    private final String url;
    @TestInstanceParameter("vantage")
    private final String vantage;

    public SiteAccessibilityCheck(Site site, String vantage) {
        this.site = site;
        this.url = site.url().toString();
        this.vantage = vantage;
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
        LoadLabels.labelLoad(site, vantage, control);

        List<ResultLine> attempts = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        do {
            int attempt = attempts.size() + 1;
            if (attempt > 1) {
                log.info("[{} #{}] {} trying again after {}: attempt {} of at most {}", vantage, attempt, site.url(),
                        verdicts, attempt, session.budgets().attempts());
            }
            ResultLine line = session.measure(site, vantage, attempt);
            attempts.add(line);
            verdicts.add(line.verdict());
            LoadAttachments.attach(line, session.folder().root(),
                    session.budgets().attempts() > 1 ? "attempt " + attempt + ": " : "");
        } while (session.wantsAnotherAttempt(verdicts));

        RepeatConsensus.Outcome consensus = RepeatConsensus.of(attempts.stream().map(PairVerdicts::attempt).toList(),
                List.of(), control);
        ResultLine evidence = PairVerdicts.evidenceAttempt(attempts, consensus);
        LoadLabels.tagVerdict(consensus.verdict(), consensus.flaky());

        Verdict verdict = consensus.verdict();
        String message = OutcomeMessage.of(evidence, consensus);
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
