package org.geowall.report.allure;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.geowall.site.Site;
import org.geowall.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names and labels the running load's Allure result: the name {@code <host> via <vantage>}, a
 * history id of the URL, vantage and attempt, the vantage as epic and parent suite, province
 * and level as features, the site as story, the verdict as tag, and a link to the URL.
 * Reporting must never end a measurement, so every failure here is logged and dropped.
 */
public final class LoadLabels {

    private static final Logger log = LoggerFactory.getLogger(LoadLabels.class);

    /** The labels allure-testng derives from the TestNG suite, test and class, replaced here. */
    private static final Set<String> SUITE_LABELS = Set.of("parentSuite", "subSuite");

    /** The suite XML's parameters, which allure-testng repeats on every load; the environment names the site list. */
    private static final Set<String> SUITE_PARAMETERS = Set.of("sites", "vantages");

    private LoadLabels() {
    }

    /** Returns the vantage as reviewers see it grouped, such as {@code CN (control)}. */
    public static String vantageLabel(String vantage, boolean control) {
        return control ? vantage + " (control)" : vantage;
    }

    /** Names and labels the running result with what is known before the load: site and vantage. */
    public static void labelLoad(Site site, String vantage, boolean control) {
        try {
            // allure-testng names every result after the test method and derives the history id
            // from the suite parameters, so the name and the history id are set here.
            String name = site.host() + " via " + vantage;
            // " 1" keeps the history ids of reports made when each attempt was its own result.
            String historyId = md5(site.url() + " " + vantage + " 1");
            String vantageLabel = vantageLabel(vantage, control);
            List<Label> labels = List.of(
                    label("epic", vantageLabel),
                    label("parentSuite", vantageLabel),
                    label("feature", "province: " + orNone(site.province())),
                    label("feature", "level: " + orNone(site.level())),
                    label("story", story(site)));
            Allure.getLifecycle().updateTestCase(result -> {
                result.setName(name);
                result.setHistoryId(historyId);
                result.setTestCaseId(historyId);
                result.getParameters().removeIf(parameter -> SUITE_PARAMETERS.contains(parameter.getName()));
                replaceSuiteLabels(result, labels);
            });
            Allure.link(site.url().toString(), site.url().toString());
        } catch (RuntimeException e) {
            log.error("Could not label the report result of {} via {}", site.url(), vantage, e);
        }
    }

    /** Tags the running result with the load's verdict and its family. */
    public static void tagVerdict(Verdict verdict, boolean flaky) {
        try {
            Allure.label("tag", verdict.id());
            Allure.label("tag", "family: " + verdict.family().name().toLowerCase(Locale.ROOT));
            if (flaky) {
                Allure.label("tag", "flaky");
            }
        } catch (RuntimeException e) {
            log.error("Could not tag the report result with verdict {}", verdict, e);
        }
    }

    private static void replaceSuiteLabels(TestResult result, List<Label> labels) {
        result.getLabels().removeIf(existing -> SUITE_LABELS.contains(existing.getName()));
        result.getLabels().addAll(labels);
    }

    private static String story(Site site) {
        return site.name() == null || site.name().isBlank() ? site.host() : site.host() + " (" + site.name() + ")";
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks MD5, which every Java platform must provide", e);
        }
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }
}
