package org.geowall.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.geowall.run.ResultsLedger;
import org.geowall.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a run's summary again, as the main job does after its report. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Prints a run's verdict counts per vantage, the three-way split, and in the lab the "
                + "agreement with ground truth.")
final class SummaryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN", defaultValue = "latest", description = "A run folder, a run id, or latest "
            + "(default: ${DEFAULT-VALUE}).")
    private String run;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "The reports folder, for run ids and latest (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Override
    public Integer call() throws IOException {
        Path folder = RunFolders.resolve(run, reports).toRealPath();
        spec.commandLine().getOut().print(RunSummary.text(folder, ResultsLedger.read(folder.resolve("results.jsonl"))));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
