package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class GeoDnsTest {

    private final InetAddress site = address("127.1.0.1");
    private final InetAddress other = address("127.1.0.2");
    private GeoDns dns;

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeMethod
    public void newTable() {
        dns = new GeoDns();
        dns.add("www.example.gov.cn", site);
    }

    @Test
    public void addedHostResolvesEverywhere() {
        assertThat(dns.lookup("www.example.gov.cn", "CN")).isEqualTo(DnsAnswer.of(site));
        assertThat(dns.lookup("WWW.Example.gov.cn.", "US")).isEqualTo(DnsAnswer.of(site));
        assertThat(dns.resolve("www.example.gov.cn", "DE")).contains(site);
    }

    @Test
    public void unknownHostIsNxdomain() {
        assertThat(dns.lookup("www.example.com", "CN")).isEqualTo(DnsAnswer.NXDOMAIN);
        assertThat(dns.resolve("www.example.com", "CN")).isEmpty();
    }

    @Test
    public void hideAbroadKeepsHomeAnswer() {
        dns.hideAbroad("www.example.gov.cn", "CN");

        assertThat(dns.lookup("www.example.gov.cn", "CN")).isEqualTo(DnsAnswer.of(site));
        assertThat(dns.lookup("www.example.gov.cn", "US")).isEqualTo(DnsAnswer.NXDOMAIN);
    }

    @Test
    public void servfailAndNoAnswerAbroad() {
        dns.add("a.example.gov.cn", site);
        dns.answerAbroad("a.example.gov.cn", "CN", DnsAnswer.SERVFAIL);
        dns.answerAbroad("www.example.gov.cn", "CN", DnsAnswer.NO_ANSWER);

        assertThat(dns.lookup("a.example.gov.cn", "JP").kind()).isEqualTo(DnsAnswer.Kind.SERVFAIL);
        assertThat(dns.lookup("www.example.gov.cn", "JP").kind()).isEqualTo(DnsAnswer.Kind.NO_ANSWER);
        assertThat(dns.resolve("www.example.gov.cn", "JP")).isEmpty();
        assertThat(dns.lookup("a.example.gov.cn", "CN")).isEqualTo(DnsAnswer.of(site));
    }

    @Test
    public void countryAnswerWinsOverAbroadRule() {
        dns.answerAbroad("www.example.gov.cn", "CN", DnsAnswer.NXDOMAIN);
        dns.answerIn("www.example.gov.cn", "US", DnsAnswer.of(other));
        dns.answerIn("www.example.gov.cn", "CN", DnsAnswer.SERVFAIL);

        assertThat(dns.lookup("www.example.gov.cn", "US")).isEqualTo(DnsAnswer.of(other));
        assertThat(dns.lookup("www.example.gov.cn", "DE")).isEqualTo(DnsAnswer.NXDOMAIN);
        assertThat(dns.lookup("www.example.gov.cn", "CN")).isEqualTo(DnsAnswer.SERVFAIL);
    }

    @Test
    public void inconsistentAnswerRejected() {
        assertThatThrownBy(() -> new DnsAnswer(DnsAnswer.Kind.ADDRESS, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an address");
        assertThatThrownBy(() -> new DnsAnswer(DnsAnswer.Kind.SERVFAIL, site))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.1.0.1");
    }
}
