package org.geowall.lab;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab's name table, answering per resolver country. Names it does not hold are NXDOMAIN, so
 * nothing resolved through the lab ever leaves the lab's loopback addresses.
 */
public final class GeoDns {

    private final Map<String, InetAddress> addressByHost = new ConcurrentHashMap<>();
    private final Map<String, String> homeCountryByHost = new ConcurrentHashMap<>();

    /** Adds a host that resolves everywhere, except where {@link #hideAbroad} says otherwise. */
    public void add(String host, InetAddress address) {
        addressByHost.put(normalise(host), address);
    }

    /** Makes a host NXDOMAIN for every resolver outside its home country. */
    public void hideAbroad(String host, String homeCountry) {
        homeCountryByHost.put(normalise(host), homeCountry);
    }

    /** Resolves a host for a resolver in the given country; empty means NXDOMAIN. */
    public Optional<InetAddress> resolve(String host, String resolverCountry) {
        String name = normalise(host);
        String home = homeCountryByHost.get(name);
        if (home != null && !home.equals(resolverCountry)) {
            return Optional.empty();
        }
        return Optional.ofNullable(addressByHost.get(name));
    }

    private static String normalise(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
