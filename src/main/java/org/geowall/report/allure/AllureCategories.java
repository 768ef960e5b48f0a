package org.geowall.report.allure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.geowall.report.Json;
import org.geowall.verdict.Verdict;

/**
 * Writes Allure's {@code categories.json}: one category per verdict family, matched on the
 * verdict id that starts each load's status message (see {@link OutcomeMessage}), so that the
 * report's Categories tab shows the block taxonomy.
 */
public final class AllureCategories {

    /** The file name Allure reads from the results folder. */
    public static final String FILE = "categories.json";

    private AllureCategories() {
    }

    /** Returns the categories, in the order of {@link Verdict.Family}, as Allure's JSON objects. */
    public static List<Map<String, Object>> all() {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Verdict.Family family : Verdict.Family.values()) {
            Map<String, Object> category = new LinkedHashMap<>();
            category.put("name", name(family));
            category.put("matchedStatuses", statuses(family));
            String regex = messageRegex(family);
            if (regex != null) {
                category.put("messageRegex", regex);
            }
            categories.add(category);
        }
        return categories;
    }

    /** Returns the category name of a verdict family, with the verdicts it holds. */
    public static String name(Verdict.Family family) {
        String title = switch (family) {
            case ACCESSIBLE -> "Accessible";
            case PARTIAL -> "Partial block";
            case BLOCK -> "Block";
            case EXPLICIT_BLOCK -> "Explicit block";
            case TIMEOUT -> "Timeout";
            case EXCLUDED -> "Excluded";
        };
        return title + " (" + String.join(", ", ids(family)) + ")";
    }

    /** Returns the Allure statuses a family's loads end with, as SiteAccessibilityCheck sets them. */
    static List<String> statuses(Verdict.Family family) {
        return switch (family) {
            case ACCESSIBLE -> List.of("passed");
            case PARTIAL, BLOCK, EXPLICIT_BLOCK, TIMEOUT -> List.of("failed");
            case EXCLUDED -> List.of("broken", "skipped");
        };
    }

    /**
     * Returns a regular expression that matches the whole status message of a family's verdicts.
     * It returns null for accessible loads, because a passed result has no message, and Allure
     * 2.34 matches a result without a message only when its category has no message pattern.
     */
    static String messageRegex(Verdict.Family family) {
        if (family == Verdict.Family.ACCESSIBLE) {
            return null;
        }
        return "(?s)(?:" + String.join("|", ids(family)) + "): .*";
    }

    private static List<String> ids(Verdict.Family family) {
        return Arrays.stream(Verdict.values()).filter(verdict -> verdict.family() == family).map(Verdict::id)
                .collect(Collectors.toList());
    }

    /** Writes {@link #FILE} into an Allure results folder. */
    public static void write(Path resultsDirectory) throws IOException {
        Files.createDirectories(resultsDirectory);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(resultsDirectory.resolve(FILE).toFile(), all());
    }
}
