package org.geowall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.geowall.config.DriversConfigLoaderTest;
import org.geowall.report.Json;
import org.geowall.report.SampleResults;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;
import picocli.CommandLine;

public class RunCommandTest {

    private static final String DRIVERS = "world: lab\n" + DriversConfigLoaderTest.MINIMAL;
    private static final String RUN_ID = "20261201-100000-sites";

    /** Runs {@code geowall} with the arguments, and restores the system properties that {@code run} sets. */
    private static int execute(StringWriter err, String... arguments) {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            CommandLine command = GeowallCommand.commandLine();
            command.setErr(new PrintWriter(err, true));
            return command.execute(arguments);
        } finally {
            System.setProperties(saved);
        }
    }

    @Test
    public void unknownVantageStopsBeforeRun() throws IOException {
        Path folder = Files.createTempDirectory("run-command");
        Path drivers = Files.writeString(folder.resolve("drivers.yaml"), DRIVERS);
        Path sites = Files.writeString(folder.resolve("sites.csv"), "url,name,province,level\nhttps://a.gov.cn/,A,,c\n");
        Path reports = folder.resolve("reports");
        StringWriter err = new StringWriter();

        int exit = execute(err, "run", "--sites", sites.toString(), "--vantages", "CN,FR", "--drivers",
                drivers.toString(), "--reports", reports.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--vantages names vantage 'FR'");
        assertThat(err.toString()).contains("Known vantages: CN, US");
        assertThat(reports).as("no run folder, so the lab never started").doesNotExist();
    }

    @Test
    public void vantagesWithSuiteRejected() throws IOException {
        Path folder = Files.createTempDirectory("run-command");
        Path suite = Files.writeString(folder.resolve("suite.xml"), "<suite name=\"s\"/>\n");
        StringWriter err = new StringWriter();

        int exit = execute(err, "run", "--suite", suite.toString(), "--vantages", "US", "--reports",
                folder.resolve("reports").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--vantages works with --sites only");
    }

    @Test
    public void siteListWithoutSitesStopsBeforeRun() throws IOException {
        Path folder = Files.createTempDirectory("run-command");
        Path drivers = Files.writeString(folder.resolve("drivers.yaml"), DRIVERS);
        Path sites = Files.writeString(folder.resolve("sites.csv"), "url,name,province,level\n,No url,,c\n");
        Path reports = folder.resolve("reports");
        StringWriter err = new StringWriter();

        int exit = execute(err, "run", "--sites", sites.toString(), "--drivers", drivers.toString(), "--reports",
                reports.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(reports.resolve("runs")).as("no run folder, so the lab never started").doesNotExist();
    }

    /**
     * Writes run {@code RUN_ID} under {@code reports}, with one accessible attempt of a.gov.cn from
     * CN and US, and the given run.json.
     */
    private static Path measuredRun(Path reports, java.util.Map<String, Object> manifest) throws IOException {
        Path run = Files.createDirectories(reports.resolve("runs").resolve(RUN_ID));
        Files.writeString(run.resolve("run.json"), Json.MAPPER.writeValueAsString(manifest));
        String results = Json.MAPPER.writeValueAsString(SampleResults.attempt("https://a.gov.cn/", "CN", true,
                Verdict.ACCESSIBLE, 1, false)) + "\n"
                + Json.MAPPER.writeValueAsString(SampleResults.attempt("https://a.gov.cn/", "US", false,
                Verdict.ACCESSIBLE, 1, false)) + "\n";
        Files.writeString(run.resolve("results.jsonl"), results);
        return run;
    }

    @Test
    public void resumeOfFinishedRunSucceeds() throws IOException {
        Path folder = Files.createTempDirectory("run-command");
        Path drivers = Files.writeString(folder.resolve("drivers.yaml"), DRIVERS);
        Path sites = Files.writeString(folder.resolve("sites.csv"), "url,name,province,level\nhttps://a.gov.cn/,A,,c\n");
        Path reports = folder.resolve("reports");
        Path run = measuredRun(reports, java.util.Map.of("site_list", sites.toString()));
        StringWriter err = new StringWriter();

        int exit = execute(err, "run", "--sites", sites.toString(), "--drivers", drivers.toString(), "--reports",
                reports.toString(), "--resume", RUN_ID);

        assertThat(exit).as("exit of a resume with nothing left to measure; stderr: %s", err).isZero();
        assertThat(err.toString()).doesNotContain("did not start");
        assertThat(run.resolve("verdicts.jsonl")).exists();
    }

    @Test
    public void resumeWithOtherRepeatsRejected() throws IOException {
        Path folder = Files.createTempDirectory("run-command");
        Path drivers = Files.writeString(folder.resolve("drivers.yaml"), DRIVERS);
        Path sites = Files.writeString(folder.resolve("sites.csv"), "url,name,province,level\nhttps://a.gov.cn/,A,,c\n");
        Path reports = folder.resolve("reports");
        Path run = measuredRun(reports, java.util.Map.of("site_list", sites.toString(),
                "budgets", java.util.Map.of("repeats", 3, "repeat_accessible", false)));
        StringWriter err = new StringWriter();

        int exit = execute(err, "run", "--sites", sites.toString(), "--drivers", drivers.toString(), "--reports",
                reports.toString(), "--resume", RUN_ID, "--repeats", "1");

        assertThat(exit).as("exit of a resume with 1 attempt per pair of a run that started with 3").isEqualTo(1);
        assertThat(run.resolve("verdicts.jsonl")).as("the run was not closed again").doesNotExist();
    }

    @Test
    public void resumeInOtherWorldRejected() throws IOException {
        Path folder = Files.createTempDirectory("run-command");
        Path drivers = Files.writeString(folder.resolve("drivers.yaml"), DRIVERS);
        Path sites = Files.writeString(folder.resolve("sites.csv"), "url,name,province,level\nhttps://a.gov.cn/,A,,c\n");
        Path reports = folder.resolve("reports");
        Path run = measuredRun(reports, java.util.Map.of("site_list", sites.toString(), "world", "real"));
        StringWriter err = new StringWriter();

        int exit = execute(err, "run", "--sites", sites.toString(), "--drivers", drivers.toString(), "--reports",
                reports.toString(), "--resume", RUN_ID);

        assertThat(exit).as("exit of a lab resume of a run that measured the real world").isEqualTo(1);
        assertThat(run.resolve("verdicts.jsonl")).as("the run was not closed again").doesNotExist();
    }

    @Test
    public void resumeWithOtherVantagesRejected() throws IOException {
        Path folder = Files.createTempDirectory("run-command");
        Path drivers = Files.writeString(folder.resolve("drivers.yaml"), DRIVERS);
        Path sites = Files.writeString(folder.resolve("sites.csv"), "url,name,province,level\nhttps://a.gov.cn/,A,,c\n");
        Path reports = folder.resolve("reports");
        Path run = measuredRun(reports, java.util.Map.of("site_list", sites.toString(),
                "measured_vantages", java.util.List.of("CN")));
        StringWriter err = new StringWriter();

        int exit = execute(err, "run", "--sites", sites.toString(), "--drivers", drivers.toString(), "--reports",
                reports.toString(), "--resume", RUN_ID);

        assertThat(exit).as("exit of a resume with every vantage of a run that measured CN only").isEqualTo(1);
        assertThat(run.resolve("verdicts.jsonl")).as("the run was not closed again").doesNotExist();
    }
}
