package org.geowall.lab;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * The loopback source address each country's proxy exits from. The third octet is the country's
 * international calling code where it fits in one octet (CN 127.0.86.1, US 127.0.1.1), so an
 * address in a site's log reads as its country.
 */
final class CountryAddresses {

    private static final Map<String, String> ADDRESSES = Map.ofEntries(
            Map.entry("CN", "127.0.86.1"), Map.entry("US", "127.0.1.1"), Map.entry("CA", "127.0.1.2"),
            Map.entry("DE", "127.0.49.1"), Map.entry("JP", "127.0.81.1"), Map.entry("GB", "127.0.44.1"),
            Map.entry("FR", "127.0.33.1"), Map.entry("NL", "127.0.31.1"), Map.entry("SG", "127.0.65.1"),
            Map.entry("KR", "127.0.82.1"), Map.entry("AU", "127.0.61.1"), Map.entry("IN", "127.0.91.1"),
            Map.entry("BR", "127.0.55.1"), Map.entry("RU", "127.0.7.1"), Map.entry("ZA", "127.0.27.1"),
            Map.entry("HK", "127.0.85.2"), Map.entry("TW", "127.0.88.6"), Map.entry("AE", "127.0.97.1"),
            Map.entry("MX", "127.0.52.1"), Map.entry("SE", "127.0.46.1"));

    /** The number of site addresses in 127.1.0.0/16, skipping .0 and .255 in the last octet. */
    static final int MAX_SITES = 254 * 254;

    private CountryAddresses() {
    }

    /** Returns the exit address of a country; countries off the table get one derived from the code. */
    static InetAddress exitAddress(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        String address = ADDRESSES.get(code);
        if (address == null) {
            int derived = 100 + Math.floorMod(code.hashCode(), 150);
            address = "127.0." + derived + "." + (1 + Math.floorMod(code.hashCode() / 150, 250));
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Invalid lab exit address " + address, e);
        }
    }

    /** Returns the loopback address of the n-th lab support host (0-based), in 127.2.0.0/24. */
    static InetAddress supportAddress(int index) {
        if (index < 0 || index >= 254) {
            throw new IllegalArgumentException("Support host index out of range: " + index);
        }
        try {
            return InetAddress.getByName("127.2.0." + (1 + index));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the loopback address of the n-th lab site (0-based), in 127.1.0.0/16. */
    static InetAddress siteAddress(int index) {
        if (index < 0 || index >= MAX_SITES) {
            throw new IllegalArgumentException("Site index out of range: " + index);
        }
        try {
            return InetAddress.getByName("127.1." + (index / 254) + "." + (1 + index % 254));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
