package org.geowall.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
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
import org.geowall.engine.Engine;
import org.geowall.probe.PlainProbe;
import org.geowall.probe.ProbeResult;
import org.geowall.report.ResultLine;
import org.geowall.site.Site;
import org.geowall.site.SiteList;
import org.geowall.util.TerminalText;
import org.geowall.verdict.ControlComparison;
import org.geowall.verdict.LoadClassifier;
import org.geowall.verdict.LoadEvidence;
import org.geowall.verdict.ProbeClassifier;
import org.geowall.verdict.RepeatConsensus;
import org.geowall.verdict.SignatureSet;
import org.geowall.verdict.Verdict;
import org.geowall.verdict.VerdictDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One measurement run in this JVM: the configuration, the world (the lab, when chosen), the run
 * folder and its ledger, and the engines. Test instances measure through it from several threads.
 */
public final class MeasurementSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeasurementSession.class);
    /** The probe follows up to five redirects, each with its own time budget. */
    private static final int PROBE_MAX_HOPS = 6;
    private static MeasurementSession current;
    private static RunFolder lastClosed;

    private final String suiteName;
    private final SiteList siteList;
    private final DriversConfig config;
    private final Budgets budgets;
    private final LabWorld lab;
    private final List<Vantage> vantages;
    private final RunFolder folder;
    private final ResultsLedger ledger;
    private final EnginePool engines;
    private final SecretScrubber scrubber;
    private final EvidenceFiles evidenceFiles;
    private final SSLContext probeTrust;
    private final ExecutorService probes;
    private final SignatureSet signatures;
    private final Map<String, ResultLine> measuredBefore;
    private final Map<String, CompletableFuture<Measured>> loads = new ConcurrentHashMap<>();

    /**
     * A finished load: its result line, and for a control's load the evidence (without DOM and
     * probe body) and own verdict that the comparison needs.
     */
    private record Measured(ResultLine line, LoadEvidence evidence, VerdictDecision local) {
    }

    private MeasurementSession(String suiteName, SiteList siteList, SessionSettings settings, SuiteOptions options)
            throws IOException {
        this.suiteName = suiteName;
        this.siteList = siteList;
        DriversConfig loaded = DriversConfigLoader.load(settings.drivers());
        this.config = withOverrides(settings.world().map(loaded::withWorld).orElse(loaded), settings, options);
        this.budgets = withRepeats(config.budgetsFor(config.world()), settings, options);
        budgets.phasesWithoutEffect().forEach(key -> log.warn("budgets.{} is not shorter than navigation_seconds "
                + "({} s) in the {} world, so it does not limit the browser; lower it or set 0", key,
                budgets.navigationSeconds(), config.world().name().toLowerCase()));
        // Everything a user can get wrong is checked before the run folder exists and latest moves.
        this.signatures = Signatures.forRun(settings);
        List<Vantage> realVantages = config.world() == World.REAL ? realVantages(config) : null;
        this.folder = settings.resume().isPresent()
                ? RunFolder.resume(settings.reports(), settings.resume().get())
                : RunFolder.create(settings.reports(), suiteName);
        if (settings.resume().isPresent()) {
            RunManifest.requireSameSiteList(folder, siteList);
            RunManifest.requireSameRepeats(folder, budgets);
            RunManifest.requireSameWorld(folder, config);
            RunManifest.requireSameVantages(folder, measuredVantages(config, options));
        }
        this.measuredBefore = byKey(ResultsLedger.read(folder.results()));
        // The user's switches come first, so that the lab's certificate pins, read from the last copy, win.
        List<String> browserArguments = new ArrayList<>(config.driver().arguments());
        List<String> trustedCertificates = List.of();
        if (config.world() == World.LAB) {
            this.lab = LabBinding.start(siteList.sites(), config, settings);
            this.vantages = LabBinding.vantages(lab, config);
            browserArguments.addAll(LabBinding.browserArguments(lab));
            trustedCertificates = List.of(lab.caCertificatePem());
            lab.groundTruth().writeCsv(folder.root().resolve("ground-truth.csv"));
            this.probeTrust = ProbeTrust.trusting(lab.caCertificate());
        } else {
            this.lab = null;
            this.vantages = realVantages;
            this.probeTrust = ProbeTrust.system();
        }
        this.probes = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "geowall-probe");
            thread.setDaemon(true);
            return thread;
        });
        this.scrubber = new SecretScrubber(secretsOf(vantages));
        this.evidenceFiles = new EvidenceFiles(folder, scrubber, config.capture());
        this.ledger = new ResultsLedger(folder.results(), scrubber);
        this.engines = new EnginePool(new LaunchSettings(config.driver(), browserArguments, trustedCertificates,
                config.capture()));
        RunManifest.write(folder, suiteName, config, vantages, measuredVantages(config, options), siteList, budgets);
        List<String> measured = measuredVantages(config, options);
        log.info("Run {} started: suite {}, world {}, {} sites x {} vantages {}, evidence in {}", folder.runId(),
                suiteName, config.world().name().toLowerCase(), siteList.sites().size(), measured.size(), measured,
                folder.root());
    }

    /**
     * Applies the suite's {@code driver} parameter, then {@code -Ddriver.engine} and
     * {@code -Ddriver.grid_url}, over the file's driver section.
     */
    static DriversConfig withOverrides(DriversConfig config, SessionSettings settings, SuiteOptions options) {
        DriverSettings driver = config.driver();
        java.util.Optional<String> engine = settings.engine().or(options::engine);
        if (engine.isEmpty() && settings.gridUrl().isEmpty()) {
            return config;
        }
        driver = engine.map(driver::withEngine).orElse(driver);
        driver = settings.gridUrl().map(driver::withGridUrl).orElse(driver);
        DriversConfigLoader.validateDriver(driver, settings.engine().isPresent() ? "-Ddriver"
                : "the suite's driver parameter: driver");
        return config.withDriver(driver);
    }

    /** Returns the names of the vantages the suite measures: its selection, or every vantage of the file. */
    private static List<String> measuredVantages(DriversConfig config, SuiteOptions options) {
        return options.vantages().isEmpty() ? config.vantages().stream().map(VantageSettings::name).toList()
                : options.vantages();
    }

    /** Applies the suite's {@code repeats} parameter, then {@code -Drepeats}, over the budgets' repeats. */
    static Budgets withRepeats(Budgets budgets, SessionSettings settings, SuiteOptions options) {
        java.util.Optional<Integer> repeats = settings.repeats().or(options::repeats);
        return repeats.map(budgets::withRepeats).orElse(budgets);
    }

    /**
     * Returns the session of this JVM, opening it for the given suite, site list and suite options
     * on first use.
     */
    public static synchronized MeasurementSession open(String suiteName, SiteList siteList, SuiteOptions options) {
        if (current == null) {
            try {
                current = new MeasurementSession(suiteName, siteList, SessionSettings.fromSystemProperties(),
                        options);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to open the run: " + e.getMessage(), e);
            }
        } else if (!current.siteList.file().equals(siteList.file())) {
            throw new ConfigException("One run measures one site list, but the suite names both "
                    + current.siteList.file() + " and " + siteList.file() + ". Split it into two suites.");
        }
        return current;
    }

    /** Returns the folder of the last run this JVM ended, or empty when no run started. */
    public static synchronized java.util.Optional<RunFolder> lastClosedRun() {
        return java.util.Optional.ofNullable(lastClosed);
    }

    /** Forgets the last ended run, so that {@link #lastClosedRun()} tells whether the next suite started one. */
    public static synchronized void forgetLastClosedRun() {
        lastClosed = null;
    }

    /** Returns the open session. */
    public static synchronized MeasurementSession current() {
        if (current == null) {
            throw new IllegalStateException("No measurement run is open: the suite's factory opens it.");
        }
        return current;
    }

    /** Returns the open session, or empty when no suite factory has opened one. */
    public static synchronized Optional<MeasurementSession> find() {
        return Optional.ofNullable(current);
    }

    /** Ends the open session, if any: prints and writes the summary, stops engines and the lab. */
    public static synchronized void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } finally {
                lastClosed = current.folder;
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

    /** Returns the budgets of this run, with the suite's and the command line's repeats applied. */
    public Budgets budgets() {
        return budgets;
    }

    /** Returns whether a pair whose attempts got these verdicts should be tried again. */
    public boolean wantsAnotherAttempt(List<Verdict> verdictsSoFar) {
        return RepeatConsensus.wantsAnotherAttempt(verdictsSoFar, budgets.attempts(), budgets.repeatsAccessible());
    }

    /**
     * Returns true when an earlier, resumed part of this run measured every attempt that the pair
     * needs, so it has nothing left to do.
     */
    public boolean pairFinished(Site site, String vantage) {
        List<Verdict> verdicts = new ArrayList<>();
        ResultLine line;
        while ((line = measuredBefore.get(key(site.url().toString(), vantage, verdicts.size() + 1))) != null) {
            verdicts.add(line.verdict());
        }
        return !verdicts.isEmpty() && !wantsAnotherAttempt(verdicts);
    }

    /**
     * Loads a site through a vantage, classifies the load against the control's load of the same
     * site, and appends its result line. The control's load is measured first, in this thread when
     * no other thread has started it, so every foreign load can be compared with it.
     */
    public ResultLine measure(Site site, String vantageName, int attempt) {
        Vantage vantage = vantage(vantageName);
        Measured control = vantage.control() ? null : load(site, controlVantage(), attempt, null);
        return load(site, vantage, attempt, control).line();
    }

    /** Returns the load of a site through a vantage, measuring it once however many threads ask. */
    private Measured load(Site site, Vantage vantage, int attempt, Measured control) {
        String key = key(site.url().toString(), vantage.name(), attempt);
        CompletableFuture<Measured> created = new CompletableFuture<>();
        CompletableFuture<Measured> existing = loads.putIfAbsent(key, created);
        if (existing != null) {
            return existing.join();
        }
        try {
            ResultLine before = measuredBefore.get(key);
            Measured measured = before != null ? restore(before) : measureNow(site, vantage, attempt, control);
            created.complete(measured);
            return measured;
        } catch (RuntimeException e) {
            created.completeExceptionally(e);
            throw e;
        }
    }

    /** Rebuilds a load measured by an earlier, resumed part of the run, for the control comparison. */
    private Measured restore(ResultLine line) {
        LoadEvidence evidence = StoredEvidence.of(line, folder.root());
        return new Measured(line, withoutBodies(evidence), LoadClassifier.classify(evidence, signatures));
    }

    private Measured measureNow(Site site, Vantage vantage, int attempt, Measured control) {
        Path directory = folder.evidenceDirectory(vantage.name(), site, attempt);
        String tag = "[" + vantage.name() + " #" + attempt + "] " + site.url();
        log.info("{} load started", tag);
        evidenceFiles.clear(directory);

        Engine engine = engines.current();
        Future<PlainProbe.Outcome> probing = startProbe(engine, site, vantage);
        PageLoad load = engine.load(new LoadRequest(site.url(), vantage.proxy(), directory, budgets));
        // Read after the load: an engine may learn its browser's version only from its first session.
        String driver = engine.description();
        if (load.harnessError() != null) {
            log.warn("{} harness error, restarting this worker's browser: {}", tag, load.harnessError());
            engines.discardCurrent();
        }
        PlainProbe.Outcome probe = awaitProbe(probing, tag);
        Map<String, String> evidenceFilesWritten = evidenceFiles.write(load, directory, probe.bodyText());
        ResultLine.Navigation navigation = navigation(load);
        LoadEvidence evidence = StoredEvidence.read(site.url().toString(), navigation, probe.result(),
                evidenceFilesWritten, folder.root());

        VerdictDecision local = LoadClassifier.classify(evidence, signatures);
        ControlComparison.Outcome outcome = ControlComparison.compare(evidence, local, vantage.control(),
                control == null ? null : control.evidence(), control == null ? null : control.local());
        VerdictDecision probeVerdict = ProbeClassifier.classify(probe.result(), probe.bodyText(), signatures);

        ResultLine line = resultLine(site, vantage, attempt, driver, load, navigation, probe.result(), outcome,
                probeVerdict, evidenceFilesWritten);
        ledger.append(line);
        log.info("{} verdict={} rule={} ({}) geo_blocked={} probe={} in {} ms", tag, line.verdict(),
                line.verdictRule(), TerminalText.safe(line.verdictDetail()), line.geoBlocked(), line.probeVerdict(),
                line.durationMs());
        // Only a control's load is compared with later on, and never its DOM or probe body: keep little.
        return new Measured(line, vantage.control() ? withoutBodies(evidence) : null, local);
    }

    private static LoadEvidence withoutBodies(LoadEvidence evidence) {
        return new LoadEvidence(evidence.url(), evidence.harnessError(), evidence.navigationError(),
                evidence.timedOut(), evidence.timeoutPhase(), evidence.mainStatus(), evidence.mainHeaders(),
                evidence.finalUrl(), evidence.httpRedirects(), evidence.title(), evidence.visibleTextLength(), "",
                evidence.cookieNames(),
                evidence.requests(), evidence.probe(), null);
    }

    /** Starts the plain probe beside the browser, so its time budget overlaps the navigation's. */
    private Future<PlainProbe.Outcome> startProbe(Engine engine, Site site, Vantage vantage) {
        PlainProbe probe = new PlainProbe(probeTrust, engine.userAgent(), config.capture().maxBodyBytes());
        return probes.submit(() -> probe.probe(site.url(), vantage.proxy(), vantage.errorHeader(), budgets));
    }

    private PlainProbe.Outcome awaitProbe(Future<PlainProbe.Outcome> probing, String tag) {
        try {
            return probing.get(budgets.probe().toSeconds() * (PROBE_MAX_HOPS + 1) + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probing.cancel(true);
            return new PlainProbe.Outcome(ProbeResult.unreachable("interrupted", 0), null);
        } catch (ExecutionException | TimeoutException e) {
            log.error("{} plain probe failed", tag, e);
            probing.cancel(true);
            return new PlainProbe.Outcome(ProbeResult.unreachable("probe_failed: " + e, 0), null);
        }
    }

    private ResultLine.Navigation navigation(PageLoad load) {
        return new ResultLine.Navigation(load.navigationError(), load.timedOut(), load.timeoutPhase(),
                load.mainStatus(), load.mainHeaders(), load.redirectChain(), load.finalUrl(),
                scrubber.scrub(load.title()), load.visibleTextLength(), load.timings(), load.requestCount(),
                load.requestsByHost(), load.failedRequests().size(), load.consoleMessages().size(),
                load.pageErrors().size(), load.exit(), load.cookieNames(), load.harnessError());
    }

    private ResultLine resultLine(Site site, Vantage vantage, int attempt, String driver, PageLoad load,
                                  ResultLine.Navigation navigation, ProbeResult probe,
                                  ControlComparison.Outcome outcome, VerdictDecision probeVerdict,
                                  Map<String, String> evidence) {
        Instant finished = load.finishedAt() == null ? Instant.now() : load.finishedAt();
        VerdictDecision decision = outcome.decision();
        return new ResultLine(ResultLine.SCHEMA_VERSION, folder.runId(), site.host(), site.url().toString(),
                site.name(), site.province(), site.level(), vantage.name(), vantage.country(), vantage.control(),
                driver, attempt, load.startedAt(), finished,
                finished.toEpochMilli() - load.startedAt().toEpochMilli(), decision.verdict(), decision.rule(),
                decision.detail(), outcome.geoBlocked(), probeVerdict.verdict(), probeVerdict.rule(), navigation,
                probe, evidence);
    }

    private Vantage controlVantage() {
        return vantages.stream().filter(Vantage::control).findFirst()
                .orElseThrow(() -> new ConfigException("No control vantage in " + config.file()));
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
                        + "or measure the embedded lab with -Dworld=lab (bin/geowall: --world lab).");
            }
            String url = EnvPlaceholders.resolve(settings.proxy(), System::getenv, field);
            ProxySettings proxy;
            try {
                proxy = ProxySettings.parse(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(field + ": " + e.getMessage() + " (the value is not shown, since it may "
                        + "contain a password)");
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
                secrets.add(java.net.URLEncoder.encode(vantage.proxy().password(), java.nio.charset.StandardCharsets.UTF_8));
                secrets.add(Base64.getEncoder().encodeToString((vantage.proxy().username() + ":"
                        + vantage.proxy().password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return secrets;
    }

    private static Map<String, ResultLine> byKey(List<ResultLine> lines) {
        Map<String, ResultLine> byKey = new HashMap<>();
        for (ResultLine line : lines) {
            byKey.put(key(line.url(), line.vantage(), line.attempt()), line);
        }
        return byKey;
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
            probes.shutdownNow();
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
