package org.geowall.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.geowall.report.Json;
import org.geowall.report.PairVerdicts;
import org.geowall.report.ResultLine;
import org.geowall.report.VerdictSummary;
import org.geowall.run.Reclassifier;
import org.geowall.run.ResultsLedger;
import org.geowall.verdict.SignatureSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Recomputes a stored run's verdicts from its evidence, without a browser. */
@Command(name = "reclassify", mixinStandardHelpOptions = true,
        description = {"Recomputes the verdicts of a stored run from its evidence, without a browser, so that "
            + "new signatures or rules apply to old runs.",
            "Writes reclassified.jsonl beside results.jsonl (which stays as measured) and prints the verdicts "
                + "that changed."})
final class ReclassifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "A run folder, a run id, or latest.")
    private String run;

    @Option(names = "--signatures", paramLabel = "FILE",
            description = "A signature file (YAML, or OONI's fingerprint CSV) added to the built-in signatures.")
    private Path signatures;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "The reports folder, for run ids and latest (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Override
    public Integer call() throws IOException {
        Path folder = RunFolders.resolve(run, reports);
        SignatureSet set = signatures == null ? SignatureSet.builtIn()
                : SignatureSet.builtIn().plus(SignatureSet.load(signatures));
        List<ResultLine> measured = ResultsLedger.read(folder.resolve("results.jsonl"));
        List<ResultLine> reclassified = Reclassifier.reclassify(measured, folder, set);

        Path output = folder.resolve("reclassified.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (ResultLine line : reclassified) {
                out.write(Json.MAPPER.writeValueAsString(line));
                out.newLine();
            }
        }
        PairVerdicts.write(PairVerdicts.of(reclassified), folder, "reclassified-verdicts");
        PrintWriter out = spec.commandLine().getOut();
        int changed = 0;
        for (int i = 0; i < measured.size(); i++) {
            ResultLine before = measured.get(i);
            ResultLine after = reclassified.get(i);
            if (before.verdict() != after.verdict()) {
                changed++;
                out.println(before.site() + " via " + before.vantage() + ": " + before.verdict() + " -> "
                        + after.verdict() + " (" + after.verdictRule() + ": " + ShowCommand.safe(after.verdictDetail())
                        + ")");
            }
        }
        out.println(changed + " of " + measured.size() + " verdicts changed with signatures " + set.version());
        out.print(VerdictSummary.of(reclassified).toTable());
        out.println("Written: " + output.toAbsolutePath() + " and, one consensus verdict per pair, "
                + folder.resolve("reclassified-verdicts.jsonl").toAbsolutePath());
        out.flush();
        return 0;
    }
}
