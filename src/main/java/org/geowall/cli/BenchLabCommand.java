package org.geowall.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabWorld;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.ScenarioMix;
import org.geowall.lab.SiteSpec;
import org.geowall.site.SiteList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks lab start-up: the time from nothing to a world that serves, for worlds of several sizes. */
@Command(name = "bench-lab", mixinStandardHelpOptions = true,
        description = "Prints how long the lab takes to start and stop, and the heap it uses, per world size.")
final class BenchLabCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,5000",
            description = "Generated world sizes to start (default: ${DEFAULT-VALUE}).")
    private List<Integer> sizes;

    @Option(names = "--sites", defaultValue = "suites/data/cn-gov-portals.csv",
            description = "A real site list to start as well (default: ${DEFAULT-VALUE}).")
    private Path sites;

    @Option(names = "--repeats", defaultValue = "5", description = "Starts per world (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-22s %8s %11s %10s %10s %10s %12s%n", "world", "sites", "start_first", "start_min",
                "start_med", "stop_med", "heap_mb");
        measure(out, "showcase", LabWorlds.showcase());
        measure(out, sites.getFileName().toString(),
                LabWorlds.fromSiteList(LabWorlds.playable(SiteList.read(sites)).sites(), ScenarioMix.demo(), 2026));
        for (int size : sizes) {
            measure(out, "generated", LabWorlds.generated(size, 2026, ScenarioMix.demo()));
        }
        out.flush();
        return 0;
    }

    private void measure(PrintWriter out, String name, List<SiteSpec> specs) throws Exception {
        List<Long> starts = new ArrayList<>();
        long first = -1;
        List<Long> stops = new ArrayList<>();
        long heap = 0;
        for (int i = 0; i < repeats; i++) {
            System.gc();
            long before = usedHeap();
            long started = System.nanoTime();
            LabWorld lab = LabWorld.start(specs, new LabOptions());
            starts.add((System.nanoTime() - started) / 1_000_000);
            first = first < 0 ? starts.get(0) : first;
            heap = Math.max(heap, usedHeap() - before);
            long stopping = System.nanoTime();
            lab.close();
            stops.add((System.nanoTime() - stopping) / 1_000_000);
        }
        Collections.sort(starts);
        Collections.sort(stops);
        out.printf("%-22s %8d %8d ms %8d ms %8d ms %8d ms %12.1f%n", name, specs.size(), first, starts.get(0),
                starts.get(starts.size() / 2), stops.get(stops.size() / 2), heap / 1e6);
        out.flush();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
