package org.geowall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

public class DriversConfigLoaderTest {

    private static Path write(String yaml) throws IOException {
        Path file = Files.createTempFile("drivers", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A drivers file with the two vantages a run needs at least: the control CN and US. */
    public static final String MINIMAL = """
            vantages:
              - name: CN
                country: CN
                control: true
              - name: US
                country: US
            """;

    @Test
    public void projectFileLoads() {
        DriversConfig config = DriversConfigLoader.load(Path.of("drivers.yaml"));

        assertThat(config.world()).isEqualTo(World.REAL);
        assertThat(config.control().country()).isEqualTo("CN");
        assertThat(config.vantages()).extracting(VantageSettings::country).contains("CN", "US", "DE", "JP");
        assertThat(config.vantages()).allSatisfy(v -> assertThat(v.proxy()).startsWith("${"));
        assertThat(config.budgetsFor(World.LAB).navigationSeconds())
                .isLessThan(config.budgetsFor(World.REAL).navigationSeconds());
    }

    @Test
    public void defaultsFillMissingSections() throws IOException {
        DriversConfig config = DriversConfigLoader.load(write(MINIMAL));

        assertThat(config.driver()).isEqualTo(DriverSettings.defaults());
        assertThat(config.budgets()).isEqualTo(Budgets.defaults());
        assertThat(config.lab().seed()).isEqualTo(2026L);
        assertThat(config.vantages().get(1).errorHeaderOrDefault()).isEqualTo("X-Geowall-Proxy-Error");
    }

    @Test
    public void unknownFieldNamesFieldAndLine() throws IOException {
        Path file = write(MINIMAL + "budgets:\n  navigaton_seconds: 5\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":9")
                .hasMessageContaining("budgets.navigaton_seconds")
                .hasMessageContaining("navigation_seconds");
    }

    @Test
    public void wrongTypeNamesField() throws IOException {
        Path file = write(MINIMAL + "budgets:\n  workers: many\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("budgets.workers");
    }

    @Test
    public void twoControlsRejected() throws IOException {
        Path file = write(MINIMAL.replace("country: US", "country: US\n    control: true"));

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("2 vantages have 'control: true'")
                .hasMessageContaining("exactly one");
    }

    @Test
    public void lowerCaseCountryRejected() throws IOException {
        Path file = write(MINIMAL.replace("country: US", "country: us"));

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("vantages[1].country 'us'")
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @Test
    public void unknownCountryCodesRejected() throws IOException {
        for (String country : List.of("XX", "UK", "EU", "ZZ")) {
            Path file = write(MINIMAL.replace("country: US", "country: " + country));

            assertThatThrownBy(() -> DriversConfigLoader.load(file))
                    .as(country)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("vantages[1].country '" + country + "'")
                    .hasMessageContaining("ISO 3166-1 alpha-2")
                    .hasMessageContaining("such as CN or US");
        }
    }

    @Test
    public void fractionalWholeNumbersRejected() throws IOException {
        List<String[]> cases = List.of(
                new String[] {"budgets:\n  navigation_seconds: 7.5\n", ":8", "budgets.navigation_seconds is 7.5",
                    "Write 7 or 8."},
                new String[] {"budgets:\n  workers: 2.0\n", ":8", "budgets.workers is 2.0",
                    "Write 2 without a decimal point"},
                new String[] {"lab:\n  budgets:\n    settle_seconds: 0.5\n", ":9", "lab.budgets.settle_seconds is 0.5",
                    "Write 0 or 1."},
                new String[] {"lab:\n  seed: 1.5e3\n", ":8", "lab.seed is 1500.0", "Write 1500 without"},
                new String[] {"capture:\n  max_body_kb: 512.25\n", ":8", "capture.max_body_kb is 512.25",
                    "Write 512 or 513."});
        for (String[] row : cases) {
            Path file = write(MINIMAL + row[0]);

            assertThatThrownBy(() -> DriversConfigLoader.load(file))
                    .as(row[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(file + row[1] + ": ")
                    .hasMessageContaining(row[2])
                    .hasMessageContaining("whole number")
                    .hasMessageContaining(row[3]);
        }
    }

    @Test
    public void repeatedKeyRejected() throws IOException {
        Path file = write(MINIMAL + "budgets:\n  workers: 2\n  settle_seconds: 3\n  workers: 4\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":10: key 'budgets.workers' is given a second time on this line. Keep one of "
                        + "the two lines, because Geowall does not choose between them.");
    }

    @Test
    public void repeatedKeyInVantageRejected() throws IOException {
        Path file = write(MINIMAL.replace("country: US", "country: US\n    name: US2"));

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":7: ")
                .hasMessageContaining("key 'vantages[1].name'");
    }

    @Test
    public void repeatedSectionRejected() throws IOException {
        Path file = write(MINIMAL + "budgets:\n  workers: 2\nbudgets:\n  workers: 4\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":9: ")
                .hasMessageContaining("key 'budgets'");
    }

    @Test
    public void vantageSelectionChecked() throws IOException {
        Path file = write(MINIMAL);
        DriversConfig config = DriversConfigLoader.load(file);

        assertThat(config.selectVantageNames(null, "--vantages")).containsExactly("CN", "US");
        assertThat(config.selectVantageNames(" US, CN ,US", "--vantages")).containsExactly("US", "CN");
        assertThatThrownBy(() -> config.selectVantageNames("CN,FR", "--vantages"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--vantages names vantage 'FR'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Known vantages: CN, US");
        assertThatThrownBy(() -> config.selectVantageNames(" , ", "--vantages"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("names no vantage");
    }

    @Test
    public void zeroWorkersRejected() throws IOException {
        Path file = write(MINIMAL + "budgets:\n  workers: 0\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("budgets.workers is 0");
    }

    @Test
    public void invalidWorldRejected() throws IOException {
        Path file = write("world: moon\n" + MINIMAL);

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid world 'moon'")
                .hasMessageContaining("'real' or 'lab'");
    }

    @Test
    public void missingExecutableRejected() throws IOException {
        Path file = write(MINIMAL + "driver:\n  executable: /nonexistent/chrome\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("driver.executable '/nonexistent/chrome'")
                .hasMessageContaining("'auto'");
    }

    @Test
    public void hugeBodyCapRejected() throws IOException {
        Path file = write(MINIMAL + "capture:\n  max_body_kb: 3000000\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("capture.max_body_kb is 3000000");
    }

    @Test
    public void missingFileNamesPath() {
        assertThatThrownBy(() -> DriversConfigLoader.load(Path.of("no-such-drivers.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no-such-drivers.yaml not found")
                .hasMessageContaining("-Ddrivers=");
    }
}
