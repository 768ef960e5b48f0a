package org.geowall.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.geowall.capture.FailedRequest;
import org.geowall.report.Json;
import org.geowall.report.PairVerdict;
import org.geowall.report.PairVerdicts;
import org.geowall.report.ResultLine;
import org.geowall.run.ResultsLedger;
import org.geowall.site.SiteList;
import org.geowall.util.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints one result's verdict and evidence in a terminal. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints the results of a site (all vantages, or one) from a run, with their evidence.")
final class ShowCommand implements Callable<Integer> {

    private static final int MAX_ITEMS = 15;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SITE", description = "A host name, such as www.gov.cn, or a URL of the run.")
    private String site;

    @Option(names = "--vantage", paramLabel = "NAME", description = "Only this vantage.")
    private String vantage;

    @Option(names = "--run", paramLabel = "RUN", defaultValue = "latest",
            description = "A run id, a run folder, or latest (default: ${DEFAULT-VALUE}).")
    private String run;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "The reports folder (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Override
    public Integer call() throws Exception {
        Path folder = RunFolders.resolve(run, reports);
        String host = SiteList.hostOf(site);
        List<ResultLine> lines = ResultsLedger.read(folder.resolve("results.jsonl"));
        List<ResultLine> matches = lines.stream()
                .filter(line -> line.site().equals(host) || line.url().equals(site))
                .filter(line -> vantage == null || line.vantage().equals(vantage))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        if (matches.isEmpty()) {
            List<ResultLine> all = ResultsLedger.read(folder.resolve("results.jsonl"));
            spec.commandLine().getErr().println("No result for " + site + (vantage == null ? "" : " via " + vantage)
                    + " in " + folder.resolve("results.jsonl") + ". Vantages in this run: "
                    + all.stream().map(ResultLine::vantage).distinct().sorted().toList() + "; sites, for example: "
                    + all.stream().map(ResultLine::site).distinct().limit(5).toList());
            return 1;
        }
        for (ResultLine line : matches) {
            print(out, folder, line);
        }
        for (PairVerdict pair : PairVerdicts.of(lines)) {
            if (matches.stream().anyMatch(line -> line.url().equals(pair.url()) && line.vantage().equals(pair.vantage()))) {
                printPair(out, pair);
            }
        }
        out.flush();
        return 0;
    }

    /** Prints the consensus of a pair's attempts, as verdicts.jsonl contains it. */
    private static void printPair(PrintWriter out, PairVerdict pair) {
        out.println("== " + pair.site() + " via " + pair.vantage() + ": " + pair.verdict() + " over "
                + pair.attempts() + (pair.attempts() == 1 ? " attempt" : " attempts") + " ("
                + PairVerdicts.votesText(pair.votes()) + "), confidence "
                + String.format(java.util.Locale.ROOT, "%.2f", pair.confidence()) + (pair.flaky() ? ", flaky" : "")
                + (pair.timeoutCause() == null ? "" : ", timeout cause " + pair.timeoutCause()));
    }

    private void print(PrintWriter out, Path folder, ResultLine line) throws Exception {
        ResultLine.Navigation navigation = line.navigation();
        out.println("== " + line.site() + " via " + line.vantage() + " (" + line.country()
                + (line.control() ? ", control" : "") + "), attempt " + line.attempt());
        out.println("verdict:    " + line.verdict() + "  [" + line.verdictRule() + "] " + safe(line.verdictDetail()));
        out.println("url:        " + safe(line.url()) + " -> " + safe(navigation.finalUrl()));
        out.println("browser:    status " + orDash(navigation.mainStatus()) + ", error " + safe(navigation.error())
                + (navigation.timeoutPhase() != null ? ", stuck in phase " + navigation.timeoutPhase() : ""));
        out.println("geo:        geo_blocked " + line.geoBlocked() + "; the plain probe alone says " + line.probeVerdict()
                + " [" + line.probeVerdictRule() + "]");
        out.println("title:      " + safe(navigation.title()) + (navigation.visibleTextLength() == null ? ""
                : " (" + navigation.visibleTextLength() + " characters of visible text)"));
        out.println("requests:   " + navigation.requests() + " (" + navigation.failedRequests() + " failed), by host "
                + navigation.requestsByHost());
        out.println("exit:       " + safe(navigation.exit()));
        out.println("probe:      " + probeSummary(line));
        out.println("driver:     " + line.driver() + ", " + line.startedAt() + ", " + line.durationMs() + " ms");
        printFailedRequests(out, folder, line);
        out.println("evidence:");
        line.evidence().forEach((kind, path) -> out.println("  " + kind + ": " + folder.resolve(path)));
        out.println();
    }

    private static String probeSummary(ResultLine line) {
        var probe = line.probe();
        if (probe == null) {
            return "-";
        }
        if (!probe.proxyReached()) {
            return "proxy unreachable: " + safe(probe.error());
        }
        return "CONNECT " + orDash(probe.connectStatus()) + ", proxy error " + safe(probe.proxyError()) + ", TLS "
                + safe(probe.tls() != null ? probe.tls() : probe.tlsError()) + ", HTTP " + orDash(probe.status())
                + ", title " + safe(probe.title()) + ", charset " + safe(probe.charset()) + " ("
                + safe(probe.charsetSource()) + "), error " + safe(probe.error());
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private void printFailedRequests(PrintWriter out, Path folder, ResultLine line) throws Exception {
        String path = line.evidence().get("failed_requests");
        if (path == null) {
            return;
        }
        FailedRequest[] failed = Json.MAPPER.readValue(folder.resolve(path).toFile(), FailedRequest[].class);
        if (failed.length == 0) {
            return;
        }
        out.println("failed requests:");
        for (int i = 0; i < Math.min(failed.length, MAX_ITEMS); i++) {
            out.printf("  %-30s %-10s %s%n", safe(failed[i].failure()), safe(failed[i].resourceType()),
                    safe(failed[i].url()));
        }
        if (failed.length > MAX_ITEMS) {
            out.println("  ... and " + (failed.length - MAX_ITEMS) + " more");
        }
    }

    /** Returns site-controlled text with control characters and bidi overrides replaced. */
    static String safe(String text) {
        return TerminalText.safe(text);
    }
}
