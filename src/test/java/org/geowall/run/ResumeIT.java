package org.geowall.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.Scenario;
import org.geowall.lab.ScenarioSites;
import org.geowall.lab.SiteSpec;
import org.geowall.report.Calibration;
import org.geowall.report.ResultLine;
import org.geowall.testing.InProcessSuite;
import org.testng.annotations.Test;

/**
 * Kills {@code bin/geowall run} with SIGKILL in the middle of a lab run with repeats, resumes it,
 * and checks that nothing measured before the kill was lost or measured twice, and that the
 * resumed run is complete and matches the lab's ground truth.
 */
public class ResumeIT {

    private static final List<Scenario> SCENARIOS = List.of(Scenario.ACCESSIBLE, Scenario.HTTP_403_DENIAL,
            Scenario.TCP_RESET, Scenario.NXDOMAIN, Scenario.CAPTCHA_WALL, Scenario.GBK_DENIAL, Scenario.FLAKY,
            Scenario.HEAVY_PAGE);
    private static final int LINES_BEFORE_KILL = 6;

    private final Path work = Path.of("target/it-reports/resume");
    private final Path reports = work.resolve("reports");

    @Test
    public void killedRunResumesWithoutLoss() throws Exception {
        InProcessSuite.deleteRecursively(work);
        Files.createDirectories(work);
        Path sites = work.resolve("sites.csv");
        List<SiteSpec> world = ScenarioSites.onePerScenario().stream()
                .filter(site -> SCENARIOS.contains(site.scenario())).toList();
        LabWorlds.writeSiteList(world, sites);
        List<String> run = List.of("bin/geowall", "run", "--sites", sites.toString(), "--vantages", "CN,US",
                "--world", "lab", "--repeats", "2", "--reports", reports.toString());

        Process first = start(run, "first.log");
        Path results = awaitResults(first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        byte[] beforeResume = Files.readAllBytes(results);
        List<ResultLine> measuredBeforeKill = ResultsLedger.read(results);

        Process resumed = start(concat(run, "--resume", "latest"), "resumed.log");
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).as("resumed run ended").isTrue();
        assertThat(resumed.exitValue()).as("exit of the resumed run, log in %s", work).isZero();

        byte[] afterResume = Files.readAllBytes(results);
        assertThat(new String(afterResume, 0, completeLinesLength(beforeResume), StandardCharsets.UTF_8))
                .as("the lines written before the kill are kept as they were")
                .isEqualTo(new String(beforeResume, 0, completeLinesLength(beforeResume), StandardCharsets.UTF_8));
        List<ResultLine> all = ResultsLedger.read(results);
        Set<String> loads = new HashSet<>();
        for (ResultLine line : all) {
            assertThat(loads.add(line.url() + " " + line.vantage() + " " + line.attempt()))
                    .as("measured once: %s via %s, attempt %d", line.url(), line.vantage(), line.attempt()).isTrue();
        }
        assertThat(all).hasSizeGreaterThan(measuredBeforeKill.size());
        Calibration calibration = CalibrationRun.score(results.getParent());
        assertThat(calibration.pairs()).as("every pair measured").hasSize(SCENARIOS.size() * 2);
        assertThat(calibration.mismatches()).as(calibration.toTable()).isEmpty();
        assertThat(Files.readAllLines(results.getParent().resolve("verdicts.jsonl"))).hasSize(SCENARIOS.size() * 2);
    }

    private Process start(List<String> command, String log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile()).start();
    }

    /** Waits until the first run has written enough result lines to be killed in the middle. */
    private Path awaitResults(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Path latest = reports.resolve("latest");
            if (Files.exists(latest)) {
                Path results = latest.toRealPath().resolve("results.jsonl");
                if (Files.exists(results) && Files.readAllLines(results).size() >= LINES_BEFORE_KILL) {
                    return results;
                }
            }
            assertThat(process.isAlive()).as("first run still running, log in %s", work).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("The first run wrote fewer than " + LINES_BEFORE_KILL + " lines in 3 minutes");
    }

    /** Returns the length of the file's complete lines: a kill may have cut the last one. */
    private static int completeLinesLength(byte[] content) {
        int end = content.length;
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
