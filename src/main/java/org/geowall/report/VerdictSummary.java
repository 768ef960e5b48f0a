package org.geowall.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geowall.verdict.Verdict;

/** Counts of verdicts per vantage, printed at the end of a run and written beside its results. */
public final class VerdictSummary {

    private final Map<String, Map<Verdict, Integer>> countsByVantage = new LinkedHashMap<>();

    public static VerdictSummary of(List<ResultLine> lines) {
        VerdictSummary summary = new VerdictSummary();
        for (ResultLine line : lines) {
            summary.countsByVantage.computeIfAbsent(line.vantage(), v -> new EnumMap<>(Verdict.class))
                    .merge(line.verdict(), 1, Integer::sum);
        }
        return summary;
    }

    public Map<String, Map<Verdict, Integer>> countsByVantage() {
        return countsByVantage;
    }

    public int count(String vantage, Verdict verdict) {
        return countsByVantage.getOrDefault(vantage, Map.of()).getOrDefault(verdict, 0);
    }

    /** Returns the verdicts that occur at any vantage, in the order of {@link Verdict}. */
    public List<Verdict> verdictsSeen() {
        List<Verdict> seen = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            if (countsByVantage.values().stream().anyMatch(counts -> counts.containsKey(verdict))) {
                seen.add(verdict);
            }
        }
        return seen;
    }

    /** Returns a plain-text table: one row per vantage, one column per verdict seen, and the total. */
    public String toTable() {
        List<Verdict> columns = verdictsSeen();
        StringBuilder text = new StringBuilder(String.format("%-10s", "vantage"));
        for (Verdict verdict : columns) {
            text.append(String.format(" %" + Math.max(6, verdict.id().length()) + "s", verdict.id()));
        }
        text.append(String.format(" %6s%n", "total"));
        for (Map.Entry<String, Map<Verdict, Integer>> row : countsByVantage.entrySet()) {
            text.append(String.format("%-10s", row.getKey()));
            int total = 0;
            for (Verdict verdict : columns) {
                int count = row.getValue().getOrDefault(verdict, 0);
                total += count;
                text.append(String.format(" %" + Math.max(6, verdict.id().length()) + "d", count));
            }
            text.append(String.format(" %6d%n", total));
        }
        return text.toString();
    }

    /** Writes {@code summary.csv} (vantage,verdict,count) and {@code summary.json} into a folder. */
    public void write(Path folder) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            out.write("vantage,verdict,count\n");
            for (Map.Entry<String, Map<Verdict, Integer>> row : countsByVantage.entrySet()) {
                for (Map.Entry<Verdict, Integer> cell : row.getValue().entrySet()) {
                    out.write(row.getKey() + "," + cell.getKey().id() + "," + cell.getValue() + "\n");
                }
            }
        }
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("summary.json").toFile(),
                Map.of("verdicts_by_vantage", countsByVantage));
    }
}
