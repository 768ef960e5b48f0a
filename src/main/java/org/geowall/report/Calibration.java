package org.geowall.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geowall.verdict.Verdict;

/**
 * Scores verdicts against a lab's ground truth: the confusion matrix, precision, recall and
 * support per verdict, and how many blocked pairs were called accessible.
 */
public final class Calibration {

    /** One scored pair: the lab's expected verdict and the harness's verdict. */
    public record Pair(String url, String vantage, Verdict expected, Verdict actual) {
    }

    /** A pair that should time out: the expected cause ({@code geo}, {@code global}) and the cause given, or null. */
    public record CausePair(String url, String vantage, String expected, String actual) {
    }

    /** Precision, recall and support (pairs expected) of one verdict. */
    public record Score(double precision, double recall, int support) {
    }

    private final Map<Verdict, Map<Verdict, Integer>> matrix = new EnumMap<>(Verdict.class);
    private final List<Pair> pairs;
    private final int loads;
    private final List<CausePair> causes;

    /** Scores pairs that had one load each. */
    public Calibration(List<Pair> pairs) {
        this(pairs, pairs.size(), List.of());
    }

    /**
     * Scores pairs, each judged by the consensus of its attempts, and the timeout causes of the
     * pairs that should time out; {@code loads} counts the attempts.
     */
    public Calibration(List<Pair> pairs, int loads, List<CausePair> causes) {
        this.pairs = List.copyOf(pairs);
        this.loads = loads;
        this.causes = List.copyOf(causes);
        for (Pair pair : pairs) {
            matrix.computeIfAbsent(pair.expected(), v -> new EnumMap<>(Verdict.class)).merge(pair.actual(), 1,
                    Integer::sum);
        }
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** Returns the pairs whose timeout cause differs from the expected one. */
    public List<CausePair> causeMismatches() {
        return causes.stream().filter(pair -> !pair.expected().equals(pair.actual())).toList();
    }

    public List<Pair> mismatches() {
        return pairs.stream().filter(pair -> pair.expected() != pair.actual()).toList();
    }

    /** Returns the scores of every verdict that was expected or given. */
    public Map<Verdict, Score> scores() {
        Map<Verdict, Score> scores = new LinkedHashMap<>();
        for (Verdict verdict : Verdict.values()) {
            long truePositives = pairs.stream().filter(p -> p.expected() == verdict && p.actual() == verdict).count();
            long predicted = pairs.stream().filter(p -> p.actual() == verdict).count();
            int support = (int) pairs.stream().filter(p -> p.expected() == verdict).count();
            if (predicted == 0 && support == 0) {
                continue;
            }
            scores.put(verdict, new Score(predicted == 0 ? 0 : (double) truePositives / predicted,
                    support == 0 ? 0 : (double) truePositives / support, support));
        }
        return scores;
    }

    /** Counts pairs whose expected verdict is a block (explicit, partial or timeout) but which were called accessible. */
    public long blockedCalledAccessible() {
        return pairs.stream().filter(p -> p.expected().isBlocking() && p.actual() == Verdict.ACCESSIBLE).count();
    }

    /**
     * Returns the figures as {@code per_verdict}, {@code blocked_called_accessible}, {@code pairs},
     * {@code matching}, {@code loads} and {@code timeout_causes} ({@code pairs}, {@code matching}).
     */
    public Map<String, Object> toJson() {
        Map<String, Object> perVerdict = new LinkedHashMap<>();
        scores().forEach((verdict, score) -> perVerdict.put(verdict.id(), Map.of("precision", score.precision(),
                "recall", score.recall(), "support", score.support())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("per_verdict", perVerdict);
        json.put("blocked_called_accessible", blockedCalledAccessible());
        json.put("pairs", pairs.size());
        json.put("matching", pairs.size() - mismatches().size());
        json.put("loads", loads);
        json.put("timeout_causes", Map.of("pairs", causes.size(), "matching", causes.size() - causeMismatches().size()));
        return json;
    }

    /** Returns the confusion matrix (rows expected, columns given) and the scores as text. */
    public String toTable() {
        List<Verdict> seen = List.copyOf(scores().keySet());
        StringBuilder text = new StringBuilder(String.format("%-27s", "expected \\ got"));
        for (int column = 1; column <= seen.size(); column++) {
            text.append(String.format(" %5s", "(" + column + ")"));
        }
        text.append(String.format("   %9s %6s %7s%n", "precision", "recall", "support"));
        Map<Verdict, Score> scores = scores();
        for (int row = 0; row < seen.size(); row++) {
            Verdict expected = seen.get(row);
            text.append(String.format("%-27s", "(" + (row + 1) + ") " + expected.id()));
            for (Verdict actual : seen) {
                text.append(String.format(" %5d", matrix.getOrDefault(expected, Map.of()).getOrDefault(actual, 0)));
            }
            Score score = scores.get(expected);
            text.append(String.format("   %9.3f %6.3f %7d%n", score.precision(), score.recall(), score.support()));
        }
        text.append(String.format("blocked pairs called accessible: %d; matching: %d of %d pairs (%d loads)%n",
                blockedCalledAccessible(), pairs.size() - mismatches().size(), pairs.size(), loads));
        text.append(String.format("timeout causes (geo, global) matching: %d of %d pairs%n",
                causes.size() - causeMismatches().size(), causes.size()));
        return text.toString();
    }
}
