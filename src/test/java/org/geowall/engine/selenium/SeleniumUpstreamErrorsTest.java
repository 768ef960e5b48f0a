package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.testng.annotations.Test;

/** The Chromium error codes given to BrowserMob's upstream failures. */
public class SeleniumUpstreamErrorsTest {

    @Test
    public void resetMapped() {
        assertThat(UpstreamErrors.netError(new IOException("Connection reset by peer"), true))
                .isEqualTo("net::ERR_CONNECTION_RESET");
    }

    @Test
    public void closedChannelMapped() {
        assertThat(UpstreamErrors.netError(new ClosedChannelException(), true)).isEqualTo("net::ERR_CONNECTION_CLOSED");
    }

    @Test
    public void unreachableProxyMapped() {
        assertThat(UpstreamErrors.netError(new ConnectException("Connection refused"), true))
                .isEqualTo("net::ERR_PROXY_CONNECTION_FAILED");
        assertThat(UpstreamErrors.netError(new ConnectException("Connection refused"), false))
                .isEqualTo("net::ERR_CONNECTION_REFUSED");
    }

    @Test
    public void untrustedCertificateMapped() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
        handshake.initCause(new CertPathValidatorException("unknown CA"));

        assertThat(UpstreamErrors.netError(handshake, true)).isEqualTo("net::ERR_CERT_AUTHORITY_INVALID");
    }

    @Test
    public void certificateForAnotherNameMapped() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative DNS name matching x");
        handshake.initCause(new CertificateException("No subject alternative DNS name matching x found."));

        assertThat(UpstreamErrors.netError(handshake, true)).isEqualTo("net::ERR_CERT_COMMON_NAME_INVALID");
    }

    @Test
    public void expiredCertificateMapped() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
        handshake.initCause(new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"));

        assertThat(UpstreamErrors.netError(handshake, true)).isEqualTo("net::ERR_CERT_DATE_INVALID");
    }

    @Test
    public void otherTlsFailureMapped() {
        assertThat(UpstreamErrors.netError(new SSLHandshakeException("handshake_failure"), true))
                .isEqualTo("net::ERR_SSL_PROTOCOL_ERROR");
    }

    @Test
    public void timeoutMapped() {
        assertThat(UpstreamErrors.netError(new SocketTimeoutException("Read timed out"), true))
                .isEqualTo("net::ERR_TIMED_OUT");
    }

    @Test
    public void unknownCauseLeavesBrowserError() {
        assertThat(UpstreamErrors.netError(null, true)).isNull();
        assertThat(UpstreamErrors.netError(new IllegalStateException("odd"), true)).isNull();
    }

    @Test
    public void hostAndPortOfUrls() {
        assertThat(LoadRecording.hostAndPort("https://www.gov.cn/")).isEqualTo("www.gov.cn:443");
        assertThat(LoadRecording.hostAndPort("http://www.gov.cn/a")).isEqualTo("www.gov.cn:80");
        assertThat(LoadRecording.hostAndPort("https://www.gov.cn:8443/")).isEqualTo("www.gov.cn:8443");
    }
}
