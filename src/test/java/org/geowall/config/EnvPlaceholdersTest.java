package org.geowall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.testng.annotations.Test;

public class EnvPlaceholdersTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("USER_US", "alice", "PASS_US", "s$cr\\et");

    @Test
    public void placeholdersReplaced() {
        String url = EnvPlaceholders.resolve("http://${USER_US}:${PASS_US}@gw.example:8000",
                ENVIRONMENT::get, "vantages[1].proxy");

        assertThat(url).isEqualTo("http://alice:s$cr\\et@gw.example:8000");
    }

    @Test
    public void textWithoutPlaceholdersUnchanged() {
        assertThat(EnvPlaceholders.resolve("http://gw.example:8000", ENVIRONMENT::get, "f"))
                .isEqualTo("http://gw.example:8000");
    }

    @Test
    public void unsetVariableNamesVariableAndField() {
        assertThatThrownBy(() -> EnvPlaceholders.resolve("${GEOWALL_PROXY_XX}", ENVIRONMENT::get,
                "drivers.yaml: vantages[3].proxy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("drivers.yaml: vantages[3].proxy")
                .hasMessageContaining("GEOWALL_PROXY_XX is not set")
                .hasMessageContaining("-Dworld=lab");
    }
}
