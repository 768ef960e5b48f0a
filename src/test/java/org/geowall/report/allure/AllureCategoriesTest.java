package org.geowall.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.geowall.report.SampleResults;
import org.geowall.verdict.Verdict;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class AllureCategoriesTest {

    /** Returns the Allure status SiteAccessibilityCheck gives a verdict. */
    private static String statusOf(Verdict verdict) {
        return switch (verdict.family()) {
            case ACCESSIBLE -> "passed";
            case EXCLUDED -> verdict == Verdict.SITE_DOWN ? "skipped" : "broken";
            default -> "failed";
        };
    }

    /** Matches a result as Allure 2.34's CategoriesPlugin does: status listed, whole message matched, DOTALL. */
    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> category, String status, String message) {
        boolean statusMatches = ((List<String>) category.get("matchedStatuses")).contains(status);
        String regex = (String) category.get("messageRegex");
        boolean messageMatches = regex == null || (message != null
                && Pattern.compile(regex, Pattern.DOTALL).matcher(message).matches());
        return statusMatches && messageMatches;
    }

    @DataProvider
    public Object[][] verdicts() {
        return java.util.Arrays.stream(Verdict.values()).map(v -> new Object[] {v}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "verdicts")
    public void everyVerdictInItsFamilyOnly(Verdict verdict) {
        String message = verdict == Verdict.ACCESSIBLE ? null
                : OutcomeMessage.of(SampleResults.line("https://a.example/", "US", false, verdict, "detail\nline 2",
                Map.of()));

        List<String> matched = AllureCategories.all().stream()
                .filter(category -> matches(category, statusOf(verdict), message))
                .map(category -> (String) category.get("name")).toList();

        assertThat(matched).containsExactly(AllureCategories.name(verdict.family()));
    }

    @Test
    public void harnessFailureWithoutVerdictUnmatched() {
        String message = "java.lang.NullPointerException: Cannot invoke \"x\"";

        assertThat(AllureCategories.all()).noneMatch(category -> matches(category, "broken", message));
    }

    @Test
    public void oneCategoryPerFamily() {
        assertThat(AllureCategories.all()).hasSize(Verdict.Family.values().length);
        assertThat(AllureCategories.name(Verdict.Family.TIMEOUT)).isEqualTo("Timeout (timeout)");
    }

    @Test
    public void fileWrittenAsAllureJson() throws IOException {
        Path folder = Files.createTempDirectory("categories");

        AllureCategories.write(folder);

        JsonNode categories = new ObjectMapper().readTree(folder.resolve(AllureCategories.FILE).toFile());
        assertThat(categories.size()).isEqualTo(Verdict.Family.values().length);
        assertThat(categories.get(0).has("messageRegex")).isFalse();
        assertThat(categories.get(0).path("matchedStatuses").get(0).asText()).isEqualTo("passed");
        assertThat(categories.get(1).path("messageRegex").asText()).contains("subresource_blocked");
    }
}
