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

/**
 * Counts of verdicts per vantage, printed at the end of a run and written beside its results. Each
 * (site, vantage) pair counts once, with the consensus verdict of its attempts.
 */
public final class VerdictSummary {

    // Vantages sort by name, so the rows do not depend on which loads happened to finish first.
    private final Map<String, Map<Verdict, Integer>> countsByVantage = new java.util.TreeMap<>();
    private final Map<String, Map<Verdict.Family, Integer>> familiesByVantage = new java.util.TreeMap<>();
    private final Map<String, Integer> probeDisagreementsByVantage = new java.util.TreeMap<>();
    private final Map<String, Integer> flakyByVantage = new java.util.TreeMap<>();
    private final Map<String, Map<String, Integer>> timeoutCausesByVantage = new java.util.TreeMap<>();
    private int pairs;
    private int loads;

    /** Counts the consensus verdicts of a run's (site, vantage) pairs; see {@link PairVerdicts}. */
    public static VerdictSummary of(List<ResultLine> lines) {
        VerdictSummary summary = ofPairs(PairVerdicts.of(lines));
        summary.loads = lines.size();
        return summary;
    }

    /** Counts the verdicts of (site, vantage) pairs. */
    public static VerdictSummary ofPairs(List<PairVerdict> pairs) {
        VerdictSummary summary = new VerdictSummary();
        for (PairVerdict pair : pairs) {
            summary.countsByVantage.computeIfAbsent(pair.vantage(), v -> new EnumMap<>(Verdict.class))
                    .merge(pair.verdict(), 1, Integer::sum);
            summary.familiesByVantage.computeIfAbsent(pair.vantage(), v -> new EnumMap<>(Verdict.Family.class))
                    .merge(pair.verdict().family(), 1, Integer::sum);
            boolean disagree = pair.probeVerdict() != null && pair.probeVerdict() != pair.verdict();
            summary.probeDisagreementsByVantage.merge(pair.vantage(), disagree ? 1 : 0, Integer::sum);
            summary.flakyByVantage.merge(pair.vantage(), pair.flaky() ? 1 : 0, Integer::sum);
            if (pair.timeoutCause() != null) {
                summary.timeoutCausesByVantage.computeIfAbsent(pair.vantage(), v -> new java.util.TreeMap<>())
                        .merge(pair.timeoutCause(), 1, Integer::sum);
            }
        }
        summary.pairs = pairs.size();
        summary.loads = pairs.stream().mapToInt(PairVerdict::attempts).sum();
        return summary;
    }

    /** Returns how many (site, vantage) pairs were counted. */
    public int pairs() {
        return pairs;
    }

    /** Returns how many loads (attempts of all pairs) were counted. */
    public int loads() {
        return loads;
    }

    /**
     * Returns, per vantage, the pairs whose attempts disagreed and why the timed-out pairs timed
     * out: geo (loads at the control), global (fails at the control too) or flaky.
     */
    public String repeatsAndTimeouts() {
        StringBuilder text = new StringBuilder(String.format("%-10s %7s %14s %14s %14s%n", "vantage", "flaky",
                "timeout_geo", "timeout_global", "timeout_flaky"));
        for (String vantage : countsByVantage.keySet()) {
            Map<String, Integer> causes = timeoutCausesByVantage.getOrDefault(vantage, Map.of());
            text.append(String.format("%-10s %7d %14d %14d %14d%n", vantage, flakyByVantage.getOrDefault(vantage, 0),
                    causes.getOrDefault("geo", 0), causes.getOrDefault("global", 0), causes.getOrDefault("flaky", 0)));
        }
        return text.toString();
    }

    /**
     * Returns the split the 2026 study of Chinese government sites reports, per vantage: explicit
     * DNS or server-side block, timeout, accessible, and the rest (partial and other blocks, excluded).
     */
    public String threeWaySplit() {
        StringBuilder text = new StringBuilder(String.format("%-10s %14s %9s %11s %7s %20s%n", "vantage",
                "explicit_block", "timeout", "accessible", "other", "browser_vs_probe"));
        for (Map.Entry<String, Map<Verdict.Family, Integer>> row : familiesByVantage.entrySet()) {
            Map<Verdict.Family, Integer> families = row.getValue();
            int total = families.values().stream().mapToInt(Integer::intValue).sum();
            int explicit = families.getOrDefault(Verdict.Family.EXPLICIT_BLOCK, 0);
            int timeout = families.getOrDefault(Verdict.Family.TIMEOUT, 0);
            int accessible = families.getOrDefault(Verdict.Family.ACCESSIBLE, 0);
            text.append(String.format("%-10s %8d %4.0f%% %4d %3.0f%% %6d %3.0f%% %7d %12d disagree%n", row.getKey(),
                    explicit, share(explicit, total), timeout, share(timeout, total), accessible,
                    share(accessible, total), total - explicit - timeout - accessible,
                    probeDisagreementsByVantage.getOrDefault(row.getKey(), 0)));
        }
        return text.toString();
    }

    private static double share(int count, int total) {
        return total == 0 ? 0 : 100.0 * count / total;
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
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verdicts_by_vantage", withIds(countsByVantage));
        json.put("families_by_vantage", familiesByVantage);
        json.put("browser_probe_disagreements_by_vantage", probeDisagreementsByVantage);
        json.put("flaky_by_vantage", flakyByVantage);
        json.put("timeout_causes_by_vantage", timeoutCausesByVantage);
        json.put("pairs", pairs);
        json.put("loads", loads);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("summary.json").toFile(), json);
    }

    private static Map<String, Map<String, Integer>> withIds(Map<String, Map<Verdict, Integer>> counts) {
        Map<String, Map<String, Integer>> byId = new LinkedHashMap<>();
        counts.forEach((vantage, verdicts) -> {
            Map<String, Integer> row = new LinkedHashMap<>();
            verdicts.forEach((verdict, count) -> row.put(verdict.id(), count));
            byId.put(vantage, row);
        });
        return byId;
    }
}
