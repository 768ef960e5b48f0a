package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.geowall.lab.LabNetwork.RouteFailure;
import org.testng.annotations.Test;

public class LabNetworkTest {

    private static final int HTTP_PORT = 40_080;
    private static final int HTTPS_PORT = 40_443;
    private static final int CLOSED_PORT = 40_999;

    private final GeoDns dns = new GeoDns();
    private final LabNetwork network = new LabNetwork(dns);

    private LabSite attach(String host, int lastOctet, Scenario scenario) throws Exception {
        InetAddress address = InetAddress.getByName("127.1.0." + lastOctet);
        LabSite site = new LabSite(host, host, scenario, "CN", address, HTTP_PORT, HTTPS_PORT, 0);
        dns.add(host, address);
        network.attach(site);
        return site;
    }

    @Test
    public void wellKnownPortsMapToListeners() throws Exception {
        LabSite site = attach("open.lab.gov.cn", 1, Scenario.ACCESSIBLE);

        assertThat(network.route("open.lab.gov.cn", 443, "US").address())
                .isEqualTo(new InetSocketAddress(site.address(), HTTPS_PORT));
        assertThat(network.route("open.lab.gov.cn", 80, "US").address())
                .isEqualTo(new InetSocketAddress(site.address(), HTTP_PORT));
        assertThat(network.route("open.lab.gov.cn", 8443, "US").failure()).isEqualTo(RouteFailure.CONNECTION_REFUSED);
    }

    @Test
    public void dnsFailuresBecomeRouteFailures() throws Exception {
        attach("servfail.lab.gov.cn", 2, Scenario.DNS_SERVFAIL);
        dns.answerAbroad("servfail.lab.gov.cn", "CN", DnsAnswer.SERVFAIL);
        attach("empty.lab.gov.cn", 3, Scenario.DNS_NO_ANSWER);
        dns.answerAbroad("empty.lab.gov.cn", "CN", DnsAnswer.NO_ANSWER);

        assertThat(network.route("servfail.lab.gov.cn", 443, "US").failure()).isEqualTo(RouteFailure.DNS_SERVFAIL);
        assertThat(network.route("empty.lab.gov.cn", 443, "US").failure()).isEqualTo(RouteFailure.DNS_NO_ANSWER);
        assertThat(network.route("unknown.example", 443, "US").failure()).isEqualTo(RouteFailure.DNS_NXDOMAIN);
        assertThat(network.route("servfail.lab.gov.cn", 443, "CN").found()).isTrue();
    }

    @Test
    public void failureIdsNameTheCause() {
        assertThat(RouteFailure.DNS_NXDOMAIN.id()).isEqualTo("dns_nxdomain");
        assertThat(RouteFailure.DNS_SERVFAIL.id()).isEqualTo("dns_servfail");
        assertThat(RouteFailure.DNS_NO_ANSWER.id()).isEqualTo("dns_no_answer");
        assertThat(RouteFailure.CONNECT_TIMEOUT.id()).isEqualTo("connect_timeout");
    }

    @Test
    public void blackholeTimesOutAbroadOnly() throws Exception {
        LabSite site = attach("blackhole.lab.gov.cn", 4, Scenario.BLACKHOLE_CONNECT);

        assertThat(network.route("blackhole.lab.gov.cn", 443, "DE").failure()).isEqualTo(RouteFailure.CONNECT_TIMEOUT);
        assertThat(network.route("blackhole.lab.gov.cn", 443, "CN").address())
                .isEqualTo(new InetSocketAddress(site.address(), HTTPS_PORT));
    }

    @Test
    public void refusedSiteRoutesAbroadToClosedPort() throws Exception {
        LabSite site = attach("refused.lab.gov.cn", 5, Scenario.CONNECTION_REFUSED);
        network.refuseAbroad(site, CLOSED_PORT);

        assertThat(network.route("refused.lab.gov.cn", 443, "US").address())
                .isEqualTo(new InetSocketAddress(site.address(), CLOSED_PORT));
        assertThat(network.route("refused.lab.gov.cn", 80, "US").address())
                .isEqualTo(new InetSocketAddress(site.address(), CLOSED_PORT));
        assertThat(network.route("refused.lab.gov.cn", 443, "CN").address())
                .isEqualTo(new InetSocketAddress(site.address(), HTTPS_PORT));
    }
}
