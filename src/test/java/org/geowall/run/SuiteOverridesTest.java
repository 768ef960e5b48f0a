package org.geowall.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.geowall.config.DriversConfig;
import org.geowall.config.DriversConfigLoader;
import org.geowall.config.DriversConfigLoaderTest;
import org.testng.annotations.Test;

/** The order in which settings replace each other: -D properties over suite parameters over drivers.yaml. */
public class SuiteOverridesTest {

    private static DriversConfig config() throws IOException {
        Path file = Files.createTempFile("drivers", ".yaml");
        Files.writeString(file, DriversConfigLoaderTest.MINIMAL + "budgets:\n  repeats: 2\n");
        return DriversConfigLoader.load(file);
    }

    private static SessionSettings settings(Optional<String> engine, Optional<Integer> repeats) {
        return new SessionSettings(Path.of("drivers.yaml"), Optional.empty(), Path.of("reports"), Optional.empty(),
                Optional.empty(), Optional.empty(), engine, Optional.empty(), repeats);
    }

    @Test
    public void fileAppliesWithoutOverrides() throws IOException {
        SessionSettings none = settings(Optional.empty(), Optional.empty());

        assertThat(MeasurementSession.withOverrides(config(), none, SuiteOptions.none()).driver().engine())
                .isEqualTo("playwright");
        assertThat(MeasurementSession.withRepeats(config().budgets(), none, SuiteOptions.none()).attempts())
                .isEqualTo(2);
    }

    @Test
    public void suiteParametersReplaceFile() throws IOException {
        SessionSettings none = settings(Optional.empty(), Optional.empty());
        SuiteOptions suite = SuiteOptions.parse("selenium", "4", "s");

        assertThat(MeasurementSession.withOverrides(config(), none, suite).driver().engine()).isEqualTo("selenium");
        assertThat(MeasurementSession.withRepeats(config().budgets(), none, suite).attempts()).isEqualTo(4);
    }

    @Test
    public void propertiesReplaceSuiteParameters() throws IOException {
        SessionSettings properties = settings(Optional.of("playwright"), Optional.of(3));
        SuiteOptions suite = SuiteOptions.parse("selenium", "4", "s");

        assertThat(MeasurementSession.withOverrides(config(), properties, suite).driver().engine())
                .isEqualTo("playwright");
        assertThat(MeasurementSession.withRepeats(config().budgets(), properties, suite).attempts()).isEqualTo(3);
    }
}
