package org.geowall.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geowall.capture.PageLoad;
import org.geowall.capture.SecretScrubber;
import org.geowall.config.Budgets;
import org.geowall.config.ConfigException;
import org.geowall.config.DriverSettings;
import org.geowall.config.DriversConfig;
import org.geowall.config.DriversConfigLoader;
import org.geowall.config.EnvPlaceholders;
import org.geowall.config.VantageSettings;
import org.geowall.config.World;
import org.geowall.engine.LaunchSettings;
import org.geowall.engine.LoadRequest;
import org.geowall.engine.ProxySettings;
import org.geowall.lab.LabWorld;
import org.geowall.probe.ProbeResult;
import org.geowall.probe.ProxyProbe;
import org.geowall.report.ResultLine;
import org.geowall.site.Site;
import org.geowall.site.SiteList;
import org.geowall.verdict.LoadClassifier;
import org.geowall.verdict.VerdictDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One measurement run in this JVM: the configuration, the world (the lab, when chosen), the run
 * folder and its ledger, and the engines. Test instances measure through it from several threads.
 */
public final class MeasurementSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeasurementSession.class);
    private static MeasurementSession current;

    private final String suiteName;
    private final SiteList siteList;
    private final DriversConfig config;
    private final Budgets budgets;
    private final LabWorld lab;
    private final List<Vantage> vantages;
    private final RunFolder folder;
    private final ResultsLedger ledger;
    private final Set<String> measuredBefore;
    private final EnginePool engines;
    private final SecretScrubber scrubber;
    private final EvidenceFiles evidenceFiles;

    private MeasurementSession(String suiteName, SiteList siteList, SessionSettings settings) throws IOException {
        this.suiteName = suiteName;
        this.siteList = siteList;
        DriversConfig loaded = DriversConfigLoader.load(settings.drivers());
        this.config = withOverrides(settings.world().map(loaded::withWorld).orElse(loaded), settings);
        this.budgets = config.budgetsFor(config.world());
        this.folder = settings.resume().isPresent()
                ? RunFolder.resume(settings.reports(), settings.resume().get())
                : RunFolder.create(settings.reports(), suiteName);
        this.measuredBefore = keysOf(ResultsLedger.read(folder.results()));
        List<String> browserArguments = List.of();
        List<String> trustedCertificates = List.of();
        if (config.world() == World.LAB) {
            this.lab = LabBinding.start(siteList.sites(), config, settings);
            this.vantages = LabBinding.vantages(lab, config);
            browserArguments = LabBinding.browserArguments(lab);
            trustedCertificates = List.of(lab.caCertificatePem());
            lab.groundTruth().writeCsv(folder.root().resolve("ground-truth.csv"));
        } else {
            this.lab = null;
            this.vantages = realVantages(config);
        }
        this.scrubber = new SecretScrubber(secretsOf(vantages));
        this.evidenceFiles = new EvidenceFiles(folder, scrubber);
        this.ledger = new ResultsLedger(folder.results());
        this.engines = new EnginePool(new LaunchSettings(config.driver(), browserArguments, trustedCertificates));
        RunManifest.write(folder, suiteName, config, vantages, siteList, budgets);
        log.info("Run {} started: suite {}, world {}, {} sites x {} vantages, evidence in {}", folder.runId(),
                suiteName, config.world().name().toLowerCase(), siteList.sites().size(), vantages.size(),
                folder.root());
    }

    /** Applies {@code -Ddriver.engine} and {@code -Ddriver.grid_url} over the file's driver section. */
    private static DriversConfig withOverrides(DriversConfig config, SessionSettings settings) {
        DriverSettings driver = config.driver();
        if (settings.engine().isEmpty() && settings.gridUrl().isEmpty()) {
            return config;
        }
        driver = settings.engine().map(driver::withEngine).orElse(driver);
        driver = settings.gridUrl().map(driver::withGridUrl).orElse(driver);
        DriversConfigLoader.validateDriver(driver, "-Ddriver");
        return config.withDriver(driver);
    }

    /** Returns the session of this JVM, opening it for the given suite and site list on first use. */
    public static synchronized MeasurementSession open(String suiteName, SiteList siteList) {
        if (current == null) {
            try {
                current = new MeasurementSession(suiteName, siteList, SessionSettings.fromSystemProperties());
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to open the run: " + e.getMessage(), e);
            }
        } else if (!current.siteList.file().equals(siteList.file())) {
            throw new ConfigException("One run measures one site list, but the suite names both "
                    + current.siteList.file() + " and " + siteList.file() + ". Split it into two suites.");
        }
        return current;
    }

    /** Returns the open session. */
    public static synchronized MeasurementSession current() {
        if (current == null) {
            throw new IllegalStateException("No measurement run is open: the suite's factory opens it.");
        }
        return current;
    }

    /** Ends the open session, if any: prints and writes the summary, stops engines and the lab. */
    public static synchronized void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } finally {
                current = null;
            }
        }
    }

    public List<Vantage> vantages() {
        return vantages;
    }

    public RunFolder folder() {
        return folder;
    }

    /** Returns the lab world of this run, or null when the run measures the real internet. */
    public LabWorld lab() {
        return lab;
    }

    /** Returns true when an earlier, resumed part of this run already measured the load. */
    public boolean alreadyMeasured(Site site, String vantage, int attempt) {
        return measuredBefore.contains(key(site.url().toString(), vantage, attempt));
    }

    /** Loads a site through a vantage, classifies the load, and appends its result line. */
    public ResultLine measure(Site site, String vantageName, int attempt) {
        Vantage vantage = vantage(vantageName);
        Path directory = folder.evidenceDirectory(vantage.name(), site, attempt);
        String tag = "[" + vantage.name() + " #" + attempt + "] " + site.url();
        log.info("{} load started", tag);
        evidenceFiles.clear(directory);

        PageLoad load = engines.current().load(new LoadRequest(site.url(), vantage.proxy(), directory, budgets));
        if (load.harnessError() != null) {
            log.warn("{} harness error, restarting this worker's browser: {}", tag, load.harnessError());
            engines.discardCurrent();
        }
        ProbeResult probe = ProxyProbe.probe(site.url(), vantage.proxy(), vantage.errorHeader(), budgets.probe());
        Map<String, String> evidence = evidenceFiles.write(load, directory);
        VerdictDecision decision = LoadClassifier.classify(load, probe);

        ResultLine line = resultLine(site, vantage, attempt, load, probe, decision, evidence);
        ledger.append(line);
        log.info("{} verdict={} rule={} ({}) in {} ms", tag, decision.verdict(), decision.rule(),
                decision.detail(), line.durationMs());
        return line;
    }

    private ResultLine resultLine(Site site, Vantage vantage, int attempt, PageLoad load, ProbeResult probe,
                                  VerdictDecision decision, Map<String, String> evidence) {
        Instant finished = load.finishedAt() == null ? Instant.now() : load.finishedAt();
        ResultLine.Navigation navigation = new ResultLine.Navigation(load.navigationError(), load.timedOut(),
                load.mainStatus(), load.finalUrl(), scrubber.scrub(load.title()), load.visibleTextLength(),
                load.requestCount(), load.failedRequests().size(), load.consoleMessages().size(),
                load.pageErrors().size());
        return new ResultLine(ResultLine.SCHEMA_VERSION, folder.runId(), site.host(), site.url().toString(),
                site.name(), site.province(), site.level(), vantage.name(), vantage.country(), vantage.control(),
                engines.current().description(), attempt, load.startedAt(), finished,
                finished.toEpochMilli() - load.startedAt().toEpochMilli(), decision.verdict(), decision.rule(),
                decision.detail(), navigation, probe, evidence);
    }

    private Vantage vantage(String name) {
        return vantages.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigException("Vantage '" + name + "' is not in " + config.file()
                        + ". Known vantages: " + vantages.stream().map(Vantage::name).toList()));
    }

    private static List<Vantage> realVantages(DriversConfig config) {
        List<Vantage> vantages = new ArrayList<>();
        for (int i = 0; i < config.vantages().size(); i++) {
            VantageSettings settings = config.vantages().get(i);
            String field = config.file() + ": vantages[" + i + "].proxy";
            if (settings.proxy() == null || settings.proxy().isBlank()) {
                throw new ConfigException(field + " is missing. Give the proxy that exits in " + settings.country()
                        + ", such as http://${PROXY_USER}:${PROXY_PASSWORD}@gateway.example:8000, "
                        + "or measure the embedded lab with -Dworld=lab.");
            }
            String url = EnvPlaceholders.resolve(settings.proxy(), System::getenv, field);
            ProxySettings proxy;
            try {
                proxy = ProxySettings.parse(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(field + ": " + e.getMessage() + " (the value is not shown, since it may "
                        + "contain a password).");
            }
            vantages.add(new Vantage(settings.name(), settings.country(), settings.isControl(), proxy,
                    settings.errorHeaderOrDefault()));
        }
        return vantages;
    }

    private static List<String> secretsOf(List<Vantage> vantages) {
        List<String> secrets = new ArrayList<>();
        for (Vantage vantage : vantages) {
            if (vantage.proxy().password() != null) {
                secrets.add(vantage.proxy().password());
                secrets.add(Base64.getEncoder().encodeToString((vantage.proxy().username() + ":"
                        + vantage.proxy().password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return secrets;
    }

    private static Set<String> keysOf(List<ResultLine> lines) {
        Set<String> keys = new HashSet<>();
        for (ResultLine line : lines) {
            keys.add(key(line.url(), line.vantage(), line.attempt()));
        }
        return keys;
    }

    private static String key(String url, String vantage, int attempt) {
        return url + " " + vantage + " " + attempt;
    }

    @Override
    public void close() {
        try {
            ledger.close();
            RunSummary.report(folder, lab);
        } catch (IOException e) {
            log.error("Failed to write the summary of run {}", folder.runId(), e);
        } finally {
            engines.close();
            if (lab != null) {
                lab.close();
            }
            log.info("Run {} of suite {} stopped", folder.runId(), suiteName);
        }
    }

    /** Returns the site list problems, for reporting at the start of the suite. */
    public List<String> siteListProblems() {
        return siteList.problems().stream().map(Object::toString).toList();
    }
}
