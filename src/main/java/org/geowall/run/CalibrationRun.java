package org.geowall.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geowall.report.Calibration;
import org.geowall.report.PairVerdict;
import org.geowall.report.PairVerdicts;
import org.geowall.report.ResultLine;
import org.geowall.verdict.Verdict;

/** Scores a finished lab run against the ground truth it wrote, one consensus verdict per pair. */
public final class CalibrationRun {

    private CalibrationRun() {
    }

    /** Reads {@code ground-truth.csv} and {@code results.jsonl} of a lab run folder and scores the pairs. */
    public static Calibration score(Path runFolder) throws IOException {
        List<ResultLine> lines = ResultsLedger.read(runFolder.resolve("results.jsonl"));
        List<String[]> truthRows = truthRows(runFolder.resolve("ground-truth.csv"));
        Map<String, Verdict> expected = expectedVerdicts(truthRows);
        Map<String, String> expectedCauses = expectedTimeoutCauses(truthRows);
        List<Calibration.Pair> pairs = new ArrayList<>();
        List<Calibration.CausePair> causes = new ArrayList<>();
        for (PairVerdict pair : PairVerdicts.of(lines)) {
            String key = pair.url() + " " + pair.country();
            Verdict truth = expected.get(key);
            if (truth != null) {
                pairs.add(new Calibration.Pair(pair.url(), pair.vantage(), truth, pair.verdict()));
            }
            if (expectedCauses.containsKey(key)) {
                causes.add(new Calibration.CausePair(pair.url(), pair.vantage(), expectedCauses.get(key),
                        pair.timeoutCause()));
            }
        }
        return new Calibration(pairs, lines.size(), causes);
    }

    /** Returns the timeout_cause column by "url country", where a run written by this version has one. */
    private static Map<String, String> expectedTimeoutCauses(List<String[]> rows) {
        Map<String, String> causes = new HashMap<>();
        for (String[] cells : rows) {
            if (cells.length >= 5 && !cells[4].isBlank()) {
                causes.put(cells[0] + " " + cells[1], cells[4]);
            }
        }
        return causes;
    }

    /** Reads ground-truth.csv (url,vantage,verdict,scenario,timeout_cause) into expected verdicts by "url country". */
    static Map<String, Verdict> expectedVerdicts(Path file) throws IOException {
        return expectedVerdicts(truthRows(file));
    }

    private static Map<String, Verdict> expectedVerdicts(List<String[]> rows) {
        Map<String, Verdict> expected = new HashMap<>();
        for (String[] cells : rows) {
            if (cells.length >= 3) {
                expected.put(cells[0] + " " + cells[1], Verdict.fromId(cells[2]));
            }
        }
        return expected;
    }

    /** Reads the rows of ground-truth.csv after its header, split at commas (the lab writes no quoted cell). */
    private static List<String[]> truthRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(Math.min(1, lines.size()), lines.size()).stream().map(row -> row.split(",")).toList();
    }
}
