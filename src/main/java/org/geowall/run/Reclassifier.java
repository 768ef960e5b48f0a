package org.geowall.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geowall.report.ResultLine;
import org.geowall.verdict.ControlComparison;
import org.geowall.verdict.LoadClassifier;
import org.geowall.verdict.LoadEvidence;
import org.geowall.verdict.ProbeClassifier;
import org.geowall.verdict.SignatureSet;
import org.geowall.verdict.VerdictDecision;

/**
 * Recomputes the verdicts of a stored run from its evidence, without a browser, so that improved
 * signatures and rules apply to old runs. The same classifier and control comparison as a live run are used.
 */
public final class Reclassifier {

    private Reclassifier() {
    }

    /** Returns the run's result lines with their verdicts recomputed, in the order of the results file. */
    public static List<ResultLine> reclassify(List<ResultLine> lines, Path runFolder, SignatureSet signatures) {
        Map<String, LoadEvidence> controlEvidence = new HashMap<>();
        Map<String, VerdictDecision> controlLocal = new HashMap<>();
        for (ResultLine line : lines) {
            if (line.control()) {
                LoadEvidence evidence = StoredEvidence.of(line, runFolder);
                controlEvidence.put(pairKey(line), evidence);
                controlLocal.put(pairKey(line), LoadClassifier.classify(evidence, signatures));
            }
        }
        List<ResultLine> reclassified = new ArrayList<>();
        for (ResultLine line : lines) {
            LoadEvidence evidence = StoredEvidence.of(line, runFolder);
            VerdictDecision local = LoadClassifier.classify(evidence, signatures);
            ControlComparison.Outcome outcome = ControlComparison.compare(evidence, local, line.control(),
                    controlEvidence.get(pairKey(line)), controlLocal.get(pairKey(line)));
            VerdictDecision probe = ProbeClassifier.classify(line.probe(), evidence.probeBody(), signatures);
            reclassified.add(withVerdicts(line, outcome, probe));
        }
        return reclassified;
    }

    private static String pairKey(ResultLine line) {
        return line.url() + " " + line.attempt();
    }

    private static ResultLine withVerdicts(ResultLine line, ControlComparison.Outcome outcome, VerdictDecision probe) {
        VerdictDecision decision = outcome.decision();
        return new ResultLine(line.schemaVersion(), line.runId(), line.site(), line.url(), line.name(),
                line.province(), line.level(), line.vantage(), line.country(), line.control(), line.driver(),
                line.attempt(), line.startedAt(), line.finishedAt(), line.durationMs(), decision.verdict(),
                decision.rule(), decision.detail(), outcome.geoBlocked(), probe.verdict(), probe.rule(),
                line.navigation(), line.probe(), line.evidence());
    }
}
