package org.geowall.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.geowall.lab.LabWorld;
import org.geowall.report.ResultLine;
import org.geowall.report.VerdictSummary;
import org.geowall.verdict.Verdict;

/**
 * Prints the end-of-run summary (verdict counts per vantage, where the evidence is, and in the lab
 * the agreement with ground truth) and writes it beside the results.
 */
public final class RunSummary {

    private static final int MAX_MISMATCHES_SHOWN = 20;

    private RunSummary() {
    }

    static void report(RunFolder folder, LabWorld lab) throws IOException {
        List<ResultLine> lines = ResultsLedger.read(folder.results());
        VerdictSummary.of(lines).write(folder.root());
        System.out.print(text(folder.root(), lines));
    }

    /**
     * Returns the summary text of a run folder: verdict counts, the three-way split, the agreement
     * with the lab's ground truth when the run has a {@code ground-truth.csv}, and where the files are.
     */
    public static String text(Path root, List<ResultLine> lines) throws IOException {
        VerdictSummary summary = VerdictSummary.of(lines);
        String runId = root.getFileName().toString();

        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator()).append("Geowall run ").append(runId).append(": ")
                .append(lines.size()).append(" loads").append(System.lineSeparator());
        text.append(summary.toTable());
        text.append(System.lineSeparator()).append(summary.threeWaySplit());
        Path truth = root.resolve("ground-truth.csv");
        if (Files.exists(truth)) {
            text.append(groundTruthAgreement(lines, readTruth(truth)));
        }
        text.append("Results:  ").append(root.resolve("results.jsonl").toAbsolutePath()).append(System.lineSeparator());
        text.append("Evidence: ").append(root.resolve("evidence").toAbsolutePath()).append(System.lineSeparator());
        return text.toString();
    }

    /** Reads ground-truth.csv (url,vantage,verdict,scenario) into expected verdicts by "url vantage". */
    private static Map<String, Verdict> readTruth(Path file) throws IOException {
        Map<String, Verdict> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(file);
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String[] cells = row.split(",");
            if (cells.length >= 3) {
                expected.put(cells[0] + " " + cells[1], Verdict.fromId(cells[2]));
            }
        }
        return expected;
    }

    private static String groundTruthAgreement(List<ResultLine> lines, Map<String, Verdict> truth) {
        int matching = 0;
        List<String> mismatches = new ArrayList<>();
        for (ResultLine line : lines) {
            Verdict expected = truth.get(line.url() + " " + line.country());
            if (expected == line.verdict()) {
                matching++;
            } else {
                mismatches.add("  " + line.site() + " via " + line.vantage() + ": expected " + expected + ", got "
                        + line.verdict() + " (" + line.verdictRule() + ": " + line.verdictDetail() + ")");
            }
        }
        StringBuilder text = new StringBuilder("Lab ground truth: ").append(matching).append(" of ")
                .append(lines.size()).append(" verdicts match").append(System.lineSeparator());
        mismatches.stream().limit(MAX_MISMATCHES_SHOWN)
                .forEach(mismatch -> text.append(mismatch).append(System.lineSeparator()));
        if (mismatches.size() > MAX_MISMATCHES_SHOWN) {
            text.append("  ... and ").append(mismatches.size() - MAX_MISMATCHES_SHOWN).append(" more")
                    .append(System.lineSeparator());
        }
        return text.toString();
    }
}
