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
        Map<String, Verdict> expected = expectedVerdicts(runFolder.resolve("ground-truth.csv"));
        List<Calibration.Pair> pairs = new ArrayList<>();
        for (PairVerdict pair : PairVerdicts.of(lines)) {
            Verdict truth = expected.get(pair.url() + " " + pair.country());
            if (truth != null) {
                pairs.add(new Calibration.Pair(pair.url(), pair.vantage(), truth, pair.verdict()));
            }
        }
        return new Calibration(pairs, lines.size());
    }

    /** Reads ground-truth.csv (url,vantage,verdict,scenario) into expected verdicts by "url country". */
    static Map<String, Verdict> expectedVerdicts(Path file) throws IOException {
        Map<String, Verdict> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String[] cells = row.split(",");
            if (cells.length >= 3) {
                expected.put(cells[0] + " " + cells[1], Verdict.fromId(cells[2]));
            }
        }
        return expected;
    }
}
