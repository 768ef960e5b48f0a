package org.geowall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

/** The {@code driver} section's Selenium settings: engine, Grid URL, and what is rejected. */
public class SeleniumDriverSettingsTest {

    private static final String VANTAGES = """
            vantages:
              - name: CN
                country: CN
                control: true
            """;

    private static DriversConfig load(String driver) throws IOException {
        Path file = Files.createTempFile("drivers", ".yaml");
        Files.writeString(file, "driver:\n" + driver + VANTAGES);
        return DriversConfigLoader.load(file);
    }

    @Test
    public void seleniumEngineAccepted() throws IOException {
        DriversConfig config = load("  engine: selenium\n");

        assertThat(config.driver().engine()).isEqualTo("selenium");
        assertThat(config.driver().usesGrid()).isFalse();
        assertThat(config.driver().gridUrl()).isEqualTo("local");
    }

    @Test
    public void gridUrlAccepted() throws IOException {
        DriversConfig config = load("  engine: selenium\n  grid_url: http://127.0.0.1:4444\n");

        assertThat(config.driver().usesGrid()).isTrue();
        assertThat(config.driver().gridUrl()).isEqualTo("http://127.0.0.1:4444");
    }

    @Test
    public void unknownEngineListsBoth() {
        assertThatThrownBy(() -> load("  engine: puppeteer\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("driver.engine 'puppeteer' is not supported")
                .hasMessageContaining("'playwright' or 'selenium'");
    }

    @Test
    public void gridUrlNeedsSelenium() {
        assertThatThrownBy(() -> load("  engine: playwright\n  grid_url: http://127.0.0.1:4444\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("driver.grid_url is set, but only the 'selenium' engine uses a Grid");
    }

    @Test
    public void invalidGridUrlRejected() {
        assertThatThrownBy(() -> load("  engine: selenium\n  grid_url: 127.0.0.1:4444\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("driver.grid_url '127.0.0.1:4444' is invalid");
    }

    @Test
    public void firefoxRejectedWithReason() {
        assertThatThrownBy(() -> load("  engine: selenium\n  browser: firefox\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("driver.browser 'firefox' is not supported")
                .hasMessageContaining("README.md");
    }

    @Test
    public void overrideValidatedWithItsSource() {
        DriverSettings driver = DriverSettings.defaults().withEngine("webdriver");

        assertThatThrownBy(() -> DriversConfigLoader.validateDriver(driver, "-Ddriver"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("-Ddriver.engine 'webdriver'");
    }
}
