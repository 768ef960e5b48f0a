package org.geowall.lab;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The lab's table from client address to ISO 3166-1 alpha-2 country code. */
public final class GeoIp {

    private final Map<InetAddress, String> countryByAddress = new ConcurrentHashMap<>();

    public void register(InetAddress address, String country) {
        countryByAddress.put(address, country);
    }

    /** Returns the country of a client address, or empty for an address the table does not hold. */
    public Optional<String> countryOf(InetAddress address) {
        return Optional.ofNullable(countryByAddress.get(address));
    }
}
