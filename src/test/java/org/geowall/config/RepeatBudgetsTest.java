package org.geowall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.geowall.run.SuiteOptions;
import org.testng.annotations.Test;

/** Repeats, the repeat policy and the phase budgets: read from drivers.yaml, checked, and replaced by a suite. */
public class RepeatBudgetsTest {

    private static Path write(String yaml) throws IOException {
        Path file = Files.createTempFile("drivers", ".yaml");
        Files.writeString(file, DriversConfigLoaderTest.MINIMAL + yaml);
        return file;
    }

    @Test
    public void repeatsAndPhasesAreRead() throws IOException {
        DriversConfig config = DriversConfigLoader.load(write("""
                budgets:
                  repeats: 3
                  repeat_accessible: true
                  response_seconds: 12
                  tls_seconds: 4
                """));

        Budgets budgets = config.budgets();
        assertThat(budgets.attempts()).isEqualTo(3);
        assertThat(budgets.repeatsAccessible()).isTrue();
        assertThat(budgets.response()).contains(Duration.ofSeconds(12));
        assertThat(budgets.tls()).contains(Duration.ofSeconds(4));
        assertThat(budgets.connect()).isEmpty();
        assertThat(budgets.domContentLoaded()).isEmpty();
    }

    @Test
    public void defaultsMakeOneAttempt() throws IOException {
        Budgets budgets = DriversConfigLoader.load(write("")).budgets();

        assertThat(budgets.attempts()).isEqualTo(1);
        assertThat(budgets.repeatsAccessible()).isFalse();
        assertThat(budgets.response()).isEmpty();
    }

    @Test
    public void labInheritsRepeats() throws IOException {
        DriversConfig inherited = DriversConfigLoader.load(write("budgets:\n  repeats: 4\n"));
        DriversConfig own = DriversConfigLoader.load(write("budgets:\n  repeats: 4\nlab:\n  budgets:\n    repeats: 2\n"));

        assertThat(inherited.budgetsFor(World.LAB).attempts()).isEqualTo(4);
        assertThat(own.budgetsFor(World.LAB).attempts()).isEqualTo(2);
        assertThat(own.budgetsFor(World.REAL).attempts()).isEqualTo(4);
    }

    @Test
    public void repeatsOutOfRangeRejected() throws IOException {
        Path zero = write("budgets:\n  repeats: 0\n");
        Path many = write("lab:\n  budgets:\n    repeats: 50\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(zero)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("budgets.repeats is 0").hasMessageContaining("from 1");
        assertThatThrownBy(() -> DriversConfigLoader.load(many)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lab.budgets.repeats is 50").hasMessageContaining("to 20");
    }

    @Test
    public void negativePhaseBudgetRejected() throws IOException {
        Path file = write("budgets:\n  connect_seconds: -1\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("budgets.connect_seconds is -1").hasMessageContaining("or 0");
    }

    @Test
    public void wrongTypeNamesValueAndFix() throws IOException {
        Path words = write("budgets:\n  repeats: three\n");
        Path list = write("budgets:\n  navigation_seconds: [30]\n");
        Path flag = write("budgets:\n  repeat_accessible: maybe\n");

        assertThatThrownBy(() -> DriversConfigLoader.load(words)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(words + ":8")
                .hasMessageContaining("budgets.repeats is 'three'")
                .hasMessageContaining("whole number")
                .hasMessageNotContaining("deserialize");
        assertThatThrownBy(() -> DriversConfigLoader.load(list)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("budgets.navigation_seconds")
                .hasMessageContaining("whole number")
                .hasMessageNotContaining("deserialize");
        assertThatThrownBy(() -> DriversConfigLoader.load(flag)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("budgets.repeat_accessible is 'maybe'")
                .hasMessageContaining("true or false");
    }

    @Test
    public void suiteParametersParsedAndChecked() {
        SuiteOptions options = SuiteOptions.parse(" selenium ", "3", "cn-gov");

        assertThat(options.engine()).contains("selenium");
        assertThat(options.repeats()).contains(3);
        assertThat(SuiteOptions.parse("", "", "cn-gov")).isEqualTo(SuiteOptions.none());
        assertThatThrownBy(() -> SuiteOptions.parse("", "three", "cn-gov")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Suite 'cn-gov' parameter 'repeats' is 'three'");
        assertThatThrownBy(() -> SuiteOptions.parse("", "0", "cn-gov")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter 'repeats' is 0");
    }

    @Test
    public void suiteReplacesOnlyRepeats() {
        Budgets budgets = Budgets.defaults().withRepeats(5);

        assertThat(budgets.attempts()).isEqualTo(5);
        assertThat(budgets.navigationSeconds()).isEqualTo(Budgets.defaults().navigationSeconds());
    }

    @Test
    public void phaseBudgetsBeyondNavigationListed() {
        Budgets budgets = new Budgets(8, 2, 5, 2, 0, 0, 20, 8, 1, false);
        Budgets effective = new Budgets(8, 2, 5, 2, 10, 10, 3, 0, 1, false);

        assertThat(budgets.phasesWithoutEffect()).containsExactly("response_seconds", "dom_content_loaded_seconds");
        assertThat(effective.phasesWithoutEffect()).isEmpty();
    }
}
