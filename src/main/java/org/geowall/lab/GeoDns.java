package org.geowall.lab;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab's name table, which resolves each name per resolver country. One country, or every
 * country but the name's home, can get another address, NXDOMAIN, SERVFAIL or no answer. Names
 * missing from the table are NXDOMAIN, so nothing resolved through the lab ever leaves the lab's
 * loopback addresses.
 *
 * <p>An answer for one country wins over an answer for abroad, which wins over the address
 * every resolver gets.
 */
public final class GeoDns {

    private record AbroadRule(String homeCountry, DnsAnswer answer) {
    }

    private final Map<String, InetAddress> addressByHost = new ConcurrentHashMap<>();
    private final Map<String, AbroadRule> abroadRuleByHost = new ConcurrentHashMap<>();
    private final Map<String, DnsAnswer> countryAnswers = new ConcurrentHashMap<>();

    /** Adds a host that resolves to {@code address} everywhere, except where a rule below says otherwise. */
    public void add(String host, InetAddress address) {
        addressByHost.put(normalise(host), address);
    }

    /** Makes a host NXDOMAIN for every resolver outside its home country. */
    public void hideAbroad(String host, String homeCountry) {
        answerAbroad(host, homeCountry, DnsAnswer.NXDOMAIN);
    }

    /** Makes a host return {@code answer} to every resolver outside {@code homeCountry}. */
    public void answerAbroad(String host, String homeCountry, DnsAnswer answer) {
        abroadRuleByHost.put(normalise(host), new AbroadRule(homeCountry, answer));
    }

    /** Makes a host return {@code answer} to resolvers in {@code country}. */
    public void answerIn(String host, String country, DnsAnswer answer) {
        countryAnswers.put(key(normalise(host), country), answer);
    }

    /** Looks a host up for a resolver in the given country. */
    public DnsAnswer lookup(String host, String resolverCountry) {
        String name = normalise(host);
        DnsAnswer forCountry = countryAnswers.get(key(name, resolverCountry));
        if (forCountry != null) {
            return forCountry;
        }
        AbroadRule abroad = abroadRuleByHost.get(name);
        if (abroad != null && !abroad.homeCountry().equals(resolverCountry)) {
            return abroad.answer();
        }
        InetAddress address = addressByHost.get(name);
        return address == null ? DnsAnswer.NXDOMAIN : DnsAnswer.of(address);
    }

    /** Resolves a host for a resolver in the given country; empty means any failed answer. */
    public Optional<InetAddress> resolve(String host, String resolverCountry) {
        return Optional.ofNullable(lookup(host, resolverCountry).address());
    }

    private static String key(String name, String country) {
        return name + " " + country;
    }

    private static String normalise(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
