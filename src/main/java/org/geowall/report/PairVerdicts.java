package org.geowall.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geowall.verdict.RepeatConsensus;
import org.geowall.verdict.Verdict;

/**
 * Groups a run's result lines by (site, vantage) and gives each pair its consensus verdict, then
 * writes them as {@code verdicts.jsonl} and {@code verdicts.csv}. The pairs are computed from
 * {@code results.jsonl} alone, so a resumed or reclassified run gets them again for free.
 */
public final class PairVerdicts {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema CSV_COLUMNS = CsvSchema.builder()
            .addColumn("site").addColumn("url").addColumn("vantage").addColumn("country").addColumn("control")
            .addColumn("verdict").addColumn("confidence").addColumn("attempts").addColumn("votes")
            .addColumn("flaky").addColumn("timeout_cause").addColumn("geo_blocked").addColumn("probe_verdict")
            .build().withHeader();

    private PairVerdicts() {
    }

    /** Returns one consensus per (site, vantage), in the order in which the pairs first appear. */
    public static List<PairVerdict> of(List<ResultLine> lines) {
        Map<String, List<ResultLine>> byPair = new LinkedHashMap<>();
        Map<String, List<RepeatConsensus.Attempt>> controlAttempts = new LinkedHashMap<>();
        for (ResultLine line : lines) {
            byPair.computeIfAbsent(line.url() + " " + line.vantage(), key -> new ArrayList<>()).add(line);
            if (line.control()) {
                controlAttempts.computeIfAbsent(line.url(), key -> new ArrayList<>()).add(attempt(line));
            }
        }
        List<PairVerdict> pairs = new ArrayList<>();
        for (List<ResultLine> attempts : byPair.values()) {
            attempts.sort(Comparator.comparingInt(ResultLine::attempt));
            ResultLine first = attempts.get(0);
            RepeatConsensus.Outcome outcome = RepeatConsensus.of(attempts.stream().map(PairVerdicts::attempt).toList(),
                    controlAttempts.getOrDefault(first.url(), List.of()), first.control());
            ResultLine evidence = evidenceAttempt(attempts, outcome);
            pairs.add(new PairVerdict(ResultLine.SCHEMA_VERSION, first.runId(), first.site(), first.url(),
                    first.vantage(), first.country(), first.control(), outcome.verdict(), outcome.confidence(),
                    outcome.attempts(), voteIds(outcome.votes()), outcome.flaky(),
                    outcome.timeoutCause() == null ? null : outcome.timeoutCause().id(), evidence.geoBlocked(),
                    evidence.verdictRule(), evidence.verdictDetail(), evidence.probeVerdict(), evidence.attempt()));
        }
        return pairs;
    }

    /**
     * Returns the attempt whose evidence stands for the pair: the first, in the given order, that
     * got the consensus verdict.
     */
    public static ResultLine evidenceAttempt(List<ResultLine> attempts, RepeatConsensus.Outcome outcome) {
        return attempts.stream().filter(line -> line.verdict() == outcome.verdict()).findFirst()
                .orElse(attempts.get(0));
    }

    /** Returns one load as the consensus counts it: its verdict, and whether it timed out. */
    public static RepeatConsensus.Attempt attempt(ResultLine line) {
        boolean timedOut = line.verdict() == Verdict.TIMEOUT
                || (line.navigation() != null && line.navigation().timedOut());
        return new RepeatConsensus.Attempt(line.verdict(), timedOut);
    }

    /** Writes {@code verdicts.jsonl} (one {@link PairVerdict} per line) and {@code verdicts.csv} into a folder. */
    public static void write(List<PairVerdict> pairs, Path folder) throws IOException {
        write(pairs, folder, "verdicts");
    }

    /** Writes {@code NAME.jsonl} and {@code NAME.csv}, in the layout of {@code verdicts.jsonl} and {@code verdicts.csv}. */
    public static void write(List<PairVerdict> pairs, Path folder, String name) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(name + ".jsonl"), StandardCharsets.UTF_8)) {
            for (PairVerdict pair : pairs) {
                out.write(Json.MAPPER.writeValueAsString(pair));
                out.write('\n');
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (PairVerdict pair : pairs) {
            rows.add(java.util.Arrays.asList(pair.site(), pair.url(), pair.vantage(), pair.country(),
                    String.valueOf(pair.control()), pair.verdict().id(),
                    String.format(java.util.Locale.ROOT, "%.3f", pair.confidence()), String.valueOf(pair.attempts()),
                    votesText(pair.votes()), String.valueOf(pair.flaky()), pair.timeoutCause(), pair.geoBlocked(),
                    pair.probeVerdict() == null ? null : pair.probeVerdict().id()));
        }
        CSV.writer(CSV_COLUMNS).writeValue(folder.resolve(name + ".csv").toFile(), rows);
    }

    /** Returns votes as {@code accessible=2 connection_reset=1}. */
    public static String votesText(Map<String, Integer> votes) {
        StringBuilder text = new StringBuilder();
        votes.forEach((verdict, count) -> text.append(text.length() == 0 ? "" : " ").append(verdict).append('=')
                .append(count));
        return text.toString();
    }

    private static Map<String, Integer> voteIds(Map<Verdict, Integer> votes) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        votes.forEach((verdict, count) -> ids.put(verdict.id(), count));
        return ids;
    }
}
