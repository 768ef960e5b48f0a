package org.geowall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

/** The browser switches of {@code driver.arguments}: read, kept through engine overrides, and checked. */
public class DriverArgumentsTest {

    private static Path write(String driver) throws IOException {
        Path file = Files.createTempFile("drivers", ".yaml");
        Files.writeString(file, DriversConfigLoaderTest.MINIMAL + "driver:\n" + driver);
        return file;
    }

    @Test
    public void argumentsAreRead() throws IOException {
        DriversConfig config = DriversConfigLoader.load(write("  arguments: [\"--lang=zh-CN\", \"--disable-gpu\"]\n"));

        assertThat(config.driver().arguments()).containsExactly("--lang=zh-CN", "--disable-gpu");
        assertThat(config.driver().withEngine("selenium").arguments()).containsExactly("--lang=zh-CN",
                "--disable-gpu");
    }

    @Test
    public void argumentsDefaultToNone() throws IOException {
        assertThat(DriversConfigLoader.load(write("  headless: true\n")).driver().arguments()).isEmpty();
    }

    @Test
    public void proxySwitchRejected() throws IOException {
        Path file = write("  arguments:\n    - --disable-gpu\n    - --proxy-server=http://127.0.0.1:3128\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("driver.arguments[1] '--proxy-server'")
                .hasMessageContaining("bypass the vantage's proxy");
    }

    @Test
    public void argumentWithoutDashesRejected() throws IOException {
        Path file = write("  arguments: [\"lang=zh-CN\"]\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("driver.arguments[0] 'lang=zh-CN' is not a browser switch")
                .hasMessageContaining("--lang=zh-CN");
    }
}
