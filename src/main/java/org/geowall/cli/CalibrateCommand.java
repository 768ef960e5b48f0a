package org.geowall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.ScenarioMix;
import org.geowall.lab.SiteSpec;
import org.geowall.report.Calibration;
import org.geowall.report.Json;
import org.geowall.report.ResultLine;
import org.geowall.run.ResultsLedger;
import org.geowall.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures a lab world and scores the verdicts against its ground truth. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Runs the harness against a lab world and prints the confusion matrix of verdicts against "
            + "ground truth, with precision and recall per verdict.",
            "The default world plays every scenario once; --generate N plays N sites with a seeded mix of all "
                + "scenarios."})
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

    @Option(names = "--drivers", paramLabel = "FILE", defaultValue = "drivers.yaml",
            description = "The drivers file whose vantages and lab budgets are used (default: ${DEFAULT-VALUE}).")
    private Path drivers;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports/calibration",
            description = "Where the calibration runs are written (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Override
    public Integer call() throws IOException {
        List<SiteSpec> world = generate == null ? LabWorlds.showcase()
                : LabWorlds.generated(generate, seed, ScenarioMix.full());
        Files.createDirectories(reports);
        Path siteList = reports.resolve(generate == null ? "showcase.csv" : "generated-" + generate + ".csv");
        writeSiteList(world, siteList);

        System.setProperty("world", "lab");
        System.setProperty("drivers", drivers.toString());
        System.clearProperty("resume");
        int workers = org.geowall.config.DriversConfigLoader.load(drivers).budgets().workers();
        if (!SuiteRunner.runSiteList(siteList, null, reports, workers)) {
            spec.commandLine().getErr().println("The calibration run measured nothing; see the log above.");
            return 1;
        }
        Path run = reports.resolve("latest").toRealPath();
        Calibration calibration = new Calibration(pairs(run));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(calibration.toJson()));
        } else {
            out.print(calibration.toTable());
            calibration.mismatches().forEach(pair -> out.println("  " + pair.url() + " via " + pair.vantage()
                    + ": expected " + pair.expected() + ", got " + pair.actual()));
        }
        out.flush();
        return 0;
    }

    /** Writes the world as a site list whose tags make the lab play each site's scenario. */
    private static void writeSiteList(List<SiteSpec> world, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("url,name,province,level,tags\n");
            for (SiteSpec site : world) {
                out.write(site.url() + ",\"" + site.name().replace("\"", "\"\"") + "\",,lab,"
                        + LabWorlds.SCENARIO_TAG + site.scenario().id() + "\n");
            }
        }
    }

    private static List<Calibration.Pair> pairs(Path run) throws IOException {
        Map<String, Verdict> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(run.resolve("ground-truth.csv"), StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            expected.put(cells[0] + " " + cells[1], Verdict.fromId(cells[2]));
        }
        List<Calibration.Pair> pairs = new ArrayList<>();
        for (ResultLine line : ResultsLedger.read(run.resolve("results.jsonl"))) {
            Verdict truth = expected.get(line.url() + " " + line.country());
            if (truth != null) {
                pairs.add(new Calibration.Pair(line.url(), line.vantage(), truth, line.verdict()));
            }
        }
        return pairs;
    }
}
