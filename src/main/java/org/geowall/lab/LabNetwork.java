package org.geowall.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes a (host, port) that a proxy in a given country requests to a real lab listener. Names
 * resolve only through the geo DNS, and only ports 80 and 443 of lab sites are served, so a lab
 * proxy can never reach a socket outside the lab.
 *
 * <p>Routing is also where the lab plays the scenarios that act before any byte reaches a site:
 * a foreign proxy is routed to a closed port ({@link Scenario#CONNECTION_REFUSED}) or told that
 * its connect would never complete ({@link Scenario#BLACKHOLE_CONNECT}).
 */
public final class LabNetwork {

    /** The cause of a missing route, named as residential-proxy gateways name it. */
    public enum RouteFailure {
        DNS_NXDOMAIN("dns_nxdomain"),
        DNS_SERVFAIL("dns_servfail"),
        DNS_NO_ANSWER("dns_no_answer"),
        CONNECTION_REFUSED("connection_refused"),
        /**
         * The connect would never complete. Dropping SYNs on loopback needs root firewall rules,
         * so the proxy simulates the wait instead of connecting (see {@link UpstreamDialer}).
         */
        CONNECT_TIMEOUT("connect_timeout");

        private final String id;

        RouteFailure(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static RouteFailure of(DnsAnswer.Kind kind) {
            return switch (kind) {
                case NXDOMAIN -> DNS_NXDOMAIN;
                case SERVFAIL -> DNS_SERVFAIL;
                case NO_ANSWER -> DNS_NO_ANSWER;
                case ADDRESS -> throw new IllegalArgumentException("A DNS answer with an address is not a route failure");
            };
        }
    }

    /** Either a listener address or the reason there is none. */
    public record Route(InetSocketAddress address, RouteFailure failure) {
        static Route to(InetSocketAddress address) {
            return new Route(address, null);
        }

        static Route failed(RouteFailure failure) {
            return new Route(null, failure);
        }

        public boolean found() {
            return address != null;
        }
    }

    private final GeoDns dns;
    private final Map<InetAddress, LabSite> siteByAddress = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> refusedPortByAddress = new ConcurrentHashMap<>();

    LabNetwork(GeoDns dns) {
        this.dns = dns;
    }

    /** Returns the address of a lab site given as an IPv4 literal, as SOCKS5 clients may send it. */
    private Optional<java.net.InetAddress> siteAddressLiteral(String host) {
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(host);
            return siteByAddress.containsKey(address) ? Optional.of(address) : Optional.empty();
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    void attach(LabSite site) {
        siteByAddress.put(site.address(), site);
    }

    /** Sends foreign connections to a site to {@code closedPort} on its address, where nothing listens. */
    void refuseAbroad(LabSite site, int closedPort) {
        refusedPortByAddress.put(site.address(), closedPort);
    }

    /** Resolves and maps a host and port as seen from a resolver in {@code country}. */
    public Route route(String host, int port, String country) {
        Optional<InetAddress> literal = siteAddressLiteral(host);
        DnsAnswer answer = literal.isPresent() ? null : dns.lookup(host, country);
        if (answer != null && !answer.hasAddress()) {
            return Route.failed(RouteFailure.of(answer.kind()));
        }

        InetAddress address = literal.orElseGet(answer::address);
        LabSite site = siteByAddress.get(address);
        int listenerPort = site == null ? -1 : site.listenerPortFor(port);
        if (listenerPort < 0) {
            return Route.failed(RouteFailure.CONNECTION_REFUSED);
        }

        boolean foreign = !site.homeCountry().equals(country);
        if (foreign && site.scenario() == Scenario.BLACKHOLE_CONNECT) {
            return Route.failed(RouteFailure.CONNECT_TIMEOUT);
        }
        Integer refusedPort = refusedPortByAddress.get(address);
        if (foreign && refusedPort != null) {
            return Route.to(new InetSocketAddress(address, refusedPort));
        }
        return Route.to(new InetSocketAddress(address, listenerPort));
    }
}
