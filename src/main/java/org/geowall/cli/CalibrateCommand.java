package org.geowall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.geowall.config.DriversConfigLoader;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.ScenarioMix;
import org.geowall.lab.SiteSpec;
import org.geowall.report.Calibration;
import org.geowall.report.Json;
import org.geowall.run.CalibrationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures a lab world and scores the verdicts against its ground truth. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Runs the harness against a lab world and prints the confusion matrix of verdicts against "
            + "ground truth, with precision and recall per verdict.",
            "The default world plays every scenario once; --generate N plays N sites with a seeded mix of all "
                + "scenarios.",
            "Each (site, vantage) pair is scored once, by the consensus verdict of its attempts."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--generate", paramLabel = "N", description = "Play N generated sites instead of one per scenario.")
    private Integer generate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
            description = "Seed of the generated world's scenario mix (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print one JSON object: per_verdict (precision, recall, support), "
            + "blocked_called_accessible, pairs, matching.")
    private boolean json;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Attempts per site and vantage (default: ${DEFAULT-VALUE}); with repeat_accessible false, "
                + "only pairs that were not accessible at first are tried again.")
    private int repeats;

    @Option(names = "--vantages", paramLabel = "NAMES",
            description = "Comma-separated vantage names of drivers.yaml to measure (default: all).")
    private String vantages;

    @Option(names = "--run", paramLabel = "RUN",
            description = "Score a finished lab run (a run folder, a run id under --reports, or latest) instead of "
                + "measuring a world.")
    private String run;

    @Option(names = "--drivers", paramLabel = "FILE", defaultValue = "drivers.yaml",
            description = "The drivers file whose vantages and lab budgets are used (default: ${DEFAULT-VALUE}).")
    private Path drivers;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports/calibration",
            description = "Where the calibration runs are written (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Override
    public Integer call() throws IOException {
        Path measured;
        if (run != null) {
            measured = RunFolders.resolve(run, reports);
            if (!Files.exists(measured.resolve("ground-truth.csv"))) {
                throw new IllegalArgumentException("--run " + run + ": " + measured + " has no ground-truth.csv, so it "
                        + "is not a lab run. Give a run made with --world lab or by calibrate.");
            }
        } else {
            if (!measureWorld()) {
                spec.commandLine().getErr().println("The calibration run measured nothing; see the log above.");
                return 1;
            }
            measured = reports.resolve("latest").toRealPath();
        }
        Calibration calibration = CalibrationRun.score(measured);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(calibration.toJson()));
        } else {
            out.print(calibration.toTable());
            calibration.mismatches().forEach(pair -> out.println("  " + pair.url() + " via " + pair.vantage()
                    + ": expected " + pair.expected() + ", got " + pair.actual()));
            calibration.causeMismatches().forEach(pair -> out.println("  " + pair.url() + " via " + pair.vantage()
                    + ": expected timeout cause " + pair.expected() + ", got " + pair.actual()));
        }
        out.flush();
        return 0;
    }

    /** Measures the chosen lab world with the harness; returns false when nothing was measured. */
    private boolean measureWorld() throws IOException {
        List<SiteSpec> world = generate == null ? LabWorlds.showcase()
                : LabWorlds.generated(generate, seed, ScenarioMix.full());
        Files.createDirectories(reports);
        Path siteList = reports.resolve(generate == null ? "showcase.csv" : "generated-" + generate + ".csv");
        LabWorlds.writeSiteList(world, siteList);

        System.setProperty("world", "lab");
        System.setProperty("drivers", drivers.toString());
        System.clearProperty("resume");
        DriversConfigLoader.validateRepeats(repeats, "--repeats");
        System.setProperty("repeats", String.valueOf(repeats));
        int workers = DriversConfigLoader.load(drivers).budgets().workers();
        return SuiteRunner.runSiteList(siteList, vantages, reports, workers);
    }
}
