package org.geowall.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.geowall.lab.LabWorld;
import org.geowall.report.PairVerdict;
import org.geowall.report.PairVerdicts;
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
        PairVerdicts.write(PairVerdicts.of(lines), folder.root());
        VerdictSummary.of(lines).write(folder.root());
        System.out.print(text(folder.root(), lines));
    }

    /**
     * Returns the summary text of a run folder: verdict counts, the three-way split, the agreement
     * with the lab's ground truth when the run has a {@code ground-truth.csv}, and where the files are.
     */
    public static String text(Path root, List<ResultLine> lines) throws IOException {
        List<PairVerdict> pairs = PairVerdicts.of(lines);
        VerdictSummary summary = VerdictSummary.ofPairs(pairs);
        String runId = root.getFileName().toString();

        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator()).append("Geowall run ").append(runId).append(": ")
                .append(lines.size()).append(" loads of ").append(pairs.size()).append(" site-vantage pairs")
                .append(System.lineSeparator());
        text.append(summary.toTable());
        text.append(System.lineSeparator()).append(summary.threeWaySplit());
        text.append(System.lineSeparator()).append(summary.repeatsAndTimeouts());
        Path truth = root.resolve("ground-truth.csv");
        if (Files.exists(truth)) {
            text.append(groundTruthAgreement(pairs, CalibrationRun.expectedVerdicts(truth)));
        }
        text.append("Results:  ").append(root.resolve("results.jsonl").toAbsolutePath()).append(System.lineSeparator());
        text.append("Evidence: ").append(root.resolve("evidence").toAbsolutePath()).append(System.lineSeparator());
        return text.toString();
    }

    private static String groundTruthAgreement(List<PairVerdict> pairs, Map<String, Verdict> truth) {
        int matching = 0;
        List<String> mismatches = new ArrayList<>();
        for (PairVerdict pair : pairs) {
            Verdict expected = truth.get(pair.url() + " " + pair.country());
            if (expected == pair.verdict()) {
                matching++;
            } else {
                mismatches.add("  " + pair.site() + " via " + pair.vantage() + ": expected " + expected + ", got "
                        + pair.verdict() + " (" + pair.verdictRule() + ": " + pair.verdictDetail() + "; votes "
                        + PairVerdicts.votesText(pair.votes()) + ")");
            }
        }
        StringBuilder text = new StringBuilder("Lab ground truth: ").append(matching).append(" of ")
                .append(pairs.size()).append(" verdicts match").append(System.lineSeparator());
        mismatches.stream().limit(MAX_MISMATCHES_SHOWN)
                .forEach(mismatch -> text.append(mismatch).append(System.lineSeparator()));
        if (mismatches.size() > MAX_MISMATCHES_SHOWN) {
            text.append("  ... and ").append(mismatches.size() - MAX_MISMATCHES_SHOWN).append(" more")
                    .append(System.lineSeparator());
        }
        return text.toString();
    }
}
