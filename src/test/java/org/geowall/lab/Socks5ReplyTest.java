package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.testng.annotations.Test;

public class Socks5ReplyTest {

    @Test
    public void dnsFailuresAreHostUnreachable() {
        assertThat(Socks5Proxy.replyCode("dns_nxdomain")).isEqualTo(Socks5Proxy.REPLY_HOST_UNREACHABLE);
        assertThat(Socks5Proxy.replyCode("dns_servfail")).isEqualTo(Socks5Proxy.REPLY_HOST_UNREACHABLE);
        assertThat(Socks5Proxy.replyCode("dns_no_answer")).isEqualTo(Socks5Proxy.REPLY_HOST_UNREACHABLE);
    }

    @Test
    public void connectFailuresMapped() {
        assertThat(Socks5Proxy.replyCode("connection_refused")).isEqualTo(Socks5Proxy.REPLY_CONNECTION_REFUSED);
        assertThat(Socks5Proxy.replyCode("connect_timeout")).isEqualTo(Socks5Proxy.REPLY_TTL_EXPIRED);
        assertThat(Socks5Proxy.replyCode("connection_reset")).isEqualTo(Socks5Proxy.REPLY_GENERAL_FAILURE);
    }
}
