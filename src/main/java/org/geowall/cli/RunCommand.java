package org.geowall.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.geowall.config.DriversConfig;
import org.geowall.config.DriversConfigLoader;
import org.geowall.config.World;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Runs a measurement suite, or a site list through chosen vantages, without Maven. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Measures a suite, or a site list through chosen vantages, without Maven.",
            "Results go to REPORTS/runs/<run-id>/ and REPORTS/latest. Blocked sites are findings: the command "
                + "exits 0 when the run completed."})
final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** The measurement target: a suite XML, or a site list. */
    static final class Target {
        @Option(names = "--suite", paramLabel = "FILE", required = true,
                description = "A TestNG suite XML, such as suites/cn-gov.xml.")
        Path suite;

        @Option(names = "--sites", paramLabel = "FILE", required = true,
                description = "A site list CSV (url,name,province,level).")
        Path sites;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--vantages", paramLabel = "NAMES",
            description = "With --sites: comma-separated vantage names of drivers.yaml (default: all).")
    private String vantages;

    @Option(names = "--world", paramLabel = "WORLD", description = "lab or real (default: the world in drivers.yaml).")
    private String world;

    @Option(names = "--drivers", paramLabel = "FILE", defaultValue = "drivers.yaml",
            description = "The drivers file (default: ${DEFAULT-VALUE}).")
    private Path drivers;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "The reports folder (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Resume a run (a run id, or latest): loads that have a result are not measured again.")
    private String resume;

    @Option(names = "--repeats", paramLabel = "N",
            description = "Attempts per site and vantage, replacing budgets.repeats of drivers.yaml.")
    private Integer repeats;

    @Override
    public Integer call() {
        if (world != null) {
            World.parse(world, "--world");
            System.setProperty("world", world);
        }
        if (resume != null) {
            System.setProperty("resume", resume);
        }
        if (repeats != null) {
            DriversConfigLoader.validateRepeats(repeats, "--repeats");
            System.setProperty("repeats", repeats.toString());
        }
        System.setProperty("drivers", drivers.toString());
        boolean ran;
        if (target.suite != null) {
            if (vantages != null) {
                throw new ParameterException(spec.commandLine(), "--vantages works with --sites only, because "
                        + "a suite chooses its vantages in its 'vantages' parameter. Remove --vantages, or edit the "
                        + "suite.");
            }
            requireFile(target.suite, "--suite");
            ran = SuiteRunner.runSuiteFiles(List.of(target.suite.toString()), reports);
        } else {
            requireFile(target.sites, "--sites");
            DriversConfig config = DriversConfigLoader.load(drivers);
            // Checked here, so that a typo stops the command before the run folder and the lab exist.
            config.selectVantageNames(vantages, "--vantages");
            ran = SuiteRunner.runSiteList(target.sites, vantages, reports, config.budgets().workers());
        }
        // Failed and skipped tests are blocked and excluded sites, which are findings. A run that
        // did not start, or whose loads all broke before writing a result, is an error.
        return SuiteRunner.measuredSomething(ran, spec.commandLine().getErr()) ? 0 : 1;
    }

    private static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + ": file not found");
        }
    }
}
