package org.geowall.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.geowall.lab.LabWorld;
import org.geowall.report.ResultLine;
import org.geowall.report.VerdictSummary;
import org.geowall.verdict.Verdict;

/**
 * Prints the end-of-run summary (verdict counts per vantage, where the evidence is, and in the lab
 * the agreement with ground truth) and writes it beside the results.
 */
final class RunSummary {

    private static final int MAX_MISMATCHES_SHOWN = 20;

    private RunSummary() {
    }

    static void report(RunFolder folder, LabWorld lab) throws IOException {
        List<ResultLine> lines = ResultsLedger.read(folder.results());
        VerdictSummary summary = VerdictSummary.of(lines);
        summary.write(folder.root());

        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator()).append("Geowall run ").append(folder.runId()).append(": ")
                .append(lines.size()).append(" loads").append(System.lineSeparator());
        text.append(summary.toTable());
        text.append(System.lineSeparator()).append(summary.threeWaySplit());
        if (lab != null) {
            text.append(groundTruthAgreement(lines, lab));
        }
        text.append("Results:  ").append(folder.results().toAbsolutePath()).append(System.lineSeparator());
        text.append("Evidence: ").append(folder.root().resolve("evidence").toAbsolutePath())
                .append(System.lineSeparator());
        System.out.print(text);
    }

    private static String groundTruthAgreement(List<ResultLine> lines, LabWorld lab) {
        int matching = 0;
        List<String> mismatches = new ArrayList<>();
        for (ResultLine line : lines) {
            Verdict expected = lab.groundTruth().expected(line.url(), line.country()).orElse(null);
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
