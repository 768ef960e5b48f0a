package org.geowall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.geowall.config.DriversConfigLoaderTest;
import org.testng.annotations.Test;
import picocli.CommandLine;

public class RunCommandTest {

    private static final String DRIVERS = "world: lab\n" + DriversConfigLoaderTest.MINIMAL;

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
}
