package org.geowall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

public class DriversConfigLoaderTest {

    private static Path write(String yaml) throws IOException {
        Path file = Files.createTempFile("drivers", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String MINIMAL = """
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
