package org.geowall.lab;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes a (host, port) that a proxy in a given country asks for to a real lab listener. Names
 * resolve only through the geo DNS, and only ports 80 and 443 of lab sites are served, so a lab
 * proxy can never reach a socket outside the lab.
 */
public final class LabNetwork {

    /** Why a route could not be found, named as residential-proxy gateways name it. */
    public enum RouteFailure {
        DNS_NXDOMAIN("dns_nxdomain"),
        CONNECTION_REFUSED("connection_refused");

        private final String id;

        RouteFailure(String id) {
            this.id = id;
        }

        public String id() {
            return id;
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
    private final Map<java.net.InetAddress, LabSite> siteByAddress = new ConcurrentHashMap<>();

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

    /** Resolves and maps a host and port as seen from a resolver in {@code country}. */
    public Route route(String host, int port, String country) {
        Optional<java.net.InetAddress> address = siteAddressLiteral(host).or(() -> dns.resolve(host, country));
        if (address.isEmpty()) {
            return Route.failed(RouteFailure.DNS_NXDOMAIN);
        }
        LabSite site = siteByAddress.get(address.get());
        int listenerPort = site == null ? -1 : site.listenerPortFor(port);
        if (listenerPort < 0) {
            return Route.failed(RouteFailure.CONNECTION_REFUSED);
        }
        return Route.to(new InetSocketAddress(address.get(), listenerPort));
    }
}
