package org.geowall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.testng.annotations.Test;

public class ProxySettingsTest {

    @Test
    public void credentialsSplitFromServer() {
        ProxySettings proxy = ProxySettings.parse("http://user-country-de:p%40ss%3Aword@127.0.0.1:8000");

        assertThat(proxy.server()).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(proxy.username()).isEqualTo("user-country-de");
        assertThat(proxy.password()).isEqualTo("p@ss:word");
    }

    @Test
    public void toStringHidesPassword() {
        ProxySettings proxy = ProxySettings.parse("http://user:secret@127.0.0.1:8000");

        assertThat(proxy.toString()).isEqualTo("http://user:***@127.0.0.1:8000").doesNotContain("secret");
    }

    @Test
    public void noCredentials() {
        ProxySettings proxy = ProxySettings.parse("socks5://127.0.0.1:1080");

        assertThat(proxy.hasCredentials()).isFalse();
        assertThat(proxy.toString()).isEqualTo("socks5://127.0.0.1:1080");
    }

    @Test
    public void missingPortRejectedWithoutEchoingValue() {
        assertThatThrownBy(() -> ProxySettings.parse("http://user:secret@127.0.0.1"))
                .hasMessageContaining("invalid proxy URL")
                .hasMessageNotContaining("secret");
    }

    @Test
    public void plusInPasswordKept() {
        assertThat(ProxySettings.parse("http://bob:a+b@127.0.0.1:8000").password()).isEqualTo("a+b");
    }

    @Test
    public void invalidCharacterRejectedWithoutEchoingValue() {
        assertThatThrownBy(() -> ProxySettings.parse("http://alice:TOP SECRET@127.0.0.1:3128"))
                .hasMessageContaining("percent-encode")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    public void unsupportedSchemeAndPortRejected() {
        assertThatThrownBy(() -> ProxySettings.parse("ftp://a:b@127.0.0.1:8000")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> ProxySettings.parse("http://a:b@127.0.0.1:99999")).hasMessageContaining("1 to 65535");
    }

    @Test
    public void userAgentHasNoHeadlessMarker() {
        assertThat(PlaywrightEngine.desktopUserAgent("156.0.8078.73"))
                .contains("Chrome/156.0.0.0")
                .doesNotContain("Headless");
    }
}
