package org.geowall.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabSite;
import org.geowall.lab.LabVantage;
import org.geowall.lab.LabWorld;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.ScenarioMix;
import org.geowall.lab.SiteSpec;
import org.geowall.site.SiteList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the embedded lab on loopback until interrupted, for manual exploration with any HTTP client. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Runs the embedded lab on loopback until Ctrl+C or --duration. Without --sites or --generate it "
            + "plays one site per scenario, such as https://tcp-reset.lab.gov.cn/.",
            "Prints one line per vantage (VANTAGE PROXY_URL, with the lab's own credentials), then the sites "
                + "(URL SCENARIO), then how to trust the lab's certificate authority."})
final class LabCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(LabCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--sites", paramLabel = "FILE",
            description = "Play the host names of this site list (CSV with the header url,name,province,level).")
    private Path sites;

    @Option(names = "--generate", paramLabel = "N", description = "Play N generated sites instead.")
    private Integer generate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
            description = "Seed of the scenario assignment (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--countries", paramLabel = "CC", split = ",", defaultValue = "CN,US,DE,JP",
            description = "Countries that get a proxy, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<String> countries;

    @Option(names = "--home", paramLabel = "CC", defaultValue = "CN",
            description = "Country whose sites are measured; its proxy is the control (default: ${DEFAULT-VALUE}).")
    private String home;

    @Option(names = "--truth", paramLabel = "FILE", description = "Write the ground truth as CSV (url,vantage,verdict,scenario).")
    private Path truth;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "Write the lab CA certificate (PEM) here (default: a file in the temporary folder).")
    private Path caFile;

    @Option(names = "--no-auth", description = "Run the proxies without Basic authentication.")
    private boolean noAuthentication;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after this many seconds instead of waiting for Ctrl+C.")
    private Integer durationSeconds;

    @Override
    public Integer call() throws Exception {
        List<SiteSpec> specs = siteSpecs();
        LabOptions options = new LabOptions().setHomeCountry(home).setCountries(countries)
                .setAuthentication(!noAuthentication);
        CountDownLatch stopped = new CountDownLatch(1);
        try (LabWorld lab = LabWorld.start(specs, options)) {
            Thread hook = new Thread(() -> {
                lab.close();
                stopped.countDown();
            }, "geowall-lab-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            print(lab);
            if (durationSeconds == null) {
                stopped.await();
            } else {
                stopped.await(durationSeconds, TimeUnit.SECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return 0;
    }

    private List<SiteSpec> siteSpecs() {
        if (sites != null && generate != null) {
            throw new ParameterException(spec.commandLine(), "Use either --sites or --generate, not both.");
        }
        if (generate != null) {
            return LabWorlds.generated(generate, seed, ScenarioMix.demo());
        }
        if (sites != null) {
            SiteList list = LabWorlds.playable(SiteList.read(sites));
            list.problems().forEach(problem -> log.error("Skipped site list row: {}", problem));
            return LabWorlds.fromSiteList(list.sites(), ScenarioMix.demo(), seed);
        }
        return LabWorlds.showcase();
    }

    private void print(LabWorld lab) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (LabVantage vantage : lab.vantages()) {
            out.println(vantage.country() + " " + vantage.proxyUrlWithCredentials());
        }
        for (LabVantage vantage : lab.vantages()) {
            out.println(vantage.country() + " " + vantage.socksProxy());
        }
        out.println("(SOCKS5 proxies resolve lab names themselves: curl needs socks5h://, Chromium takes socks5://.)");
        out.println();
        for (LabSite site : lab.sites()) {
            out.println("https://" + site.host() + "/ " + site.scenario().id());
        }
        Path ca = caFile != null ? caFile : Files.createTempFile("geowall-lab-ca-", ".pem");
        Files.writeString(ca, lab.caCertificatePem());
        out.println();
        out.println("CA certificate: " + ca.toAbsolutePath() + " (for example curl --cacert " + ca + ")");
        out.println("Chromium: --ignore-certificate-errors-spki-list=" + lab.spkiPins());
        if (truth != null) {
            lab.groundTruth().writeCsv(truth);
            out.println("Ground truth: " + truth.toAbsolutePath());
        }
        out.println(durationSeconds == null ? "Lab running. Press Ctrl+C to stop."
                : "Lab running for " + durationSeconds + " s.");
        out.flush();
    }
}
