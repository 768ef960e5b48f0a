package org.geowall.lab;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded simulated internet on loopback: sites under real host names, a geo DNS, a GeoIP
 * table and one authenticating HTTP proxy per country, plus the ground truth of every pair.
 */
public final class LabWorld implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LabWorld.class);

    private final SiteServer siteServer;
    private final List<Closeable> proxies;
    private final List<LabSite> sites;
    private final List<LabVantage> vantages;
    private final GroundTruth groundTruth;
    private final String spkiPins;
    private final String caCertificatePem;
    private final java.security.cert.X509Certificate caCertificate;

    private LabWorld(SiteServer siteServer, List<Closeable> proxies, List<LabSite> sites,
                     List<LabVantage> vantages, GroundTruth groundTruth, LabCertificateAuthority authority) {
        this.siteServer = siteServer;
        this.proxies = proxies;
        this.sites = sites;
        this.vantages = vantages;
        this.groundTruth = groundTruth;
        this.spkiPins = authority.spkiPins();
        this.caCertificatePem = authority.caCertificatePem();
        this.caCertificate = authority.caCertificate();
    }

    /** Starts a world that plays the given sites, with one proxy per country of {@code options}. */
    public static LabWorld start(List<SiteSpec> specs, LabOptions options) throws IOException {
        if (!options.countries().contains(options.homeCountry())) {
            throw new IllegalArgumentException("Lab countries " + options.countries()
                    + " must include the home country " + options.homeCountry() + ", whose proxy is the control");
        }
        rejectDuplicateHosts(specs);
        long started = System.nanoTime();
        GeoIp geoIp = new GeoIp();
        GeoDns dns = new GeoDns();
        LabNetwork network = new LabNetwork(dns);
        SiteServer siteServer = new SiteServer(geoIp, options);
        Wiring wiring = new Wiring(siteServer, dns, network, new LabCertificateAuthority(), options);
        List<Closeable> proxies = new ArrayList<>();
        try {
            List<LabSite> sites = startSites(specs, wiring);
            startSupportHosts(wiring);
            List<LabVantage> vantages = new ArrayList<>();
            for (String country : options.countries()) {
                vantages.add(startProxy(country, options, geoIp, network, proxies));
            }
            siteServer.start();
            GroundTruth truth = GroundTruth.of(sites, specs, vantages);
            log.info("Lab started in {} ms: {} sites, {} support hosts, vantages {}",
                    (System.nanoTime() - started) / 1_000_000, sites.size(), SupportHost.values().length,
                    options.countries());
            return new LabWorld(siteServer, proxies, sites, vantages, truth, wiring.authority());
        } catch (IOException | RuntimeException e) {
            log.error("Lab failed to start; stopping what had started", e);
            proxies.forEach(LabThreads::closeQuietly);
            siteServer.close();
            throw e;
        }
    }

    /** The lab's parts that every site is wired into. */
    private record Wiring(SiteServer server, GeoDns dns, LabNetwork network, LabCertificateAuthority authority,
                          LabOptions options) {
    }

    private static void rejectDuplicateHosts(List<SiteSpec> specs) {
        Set<String> hosts = new HashSet<>();
        for (SiteSpec spec : specs) {
            String host = spec.host().toLowerCase(Locale.ROOT);
            if (SupportHost.of(host).isPresent()) {
                throw new IllegalArgumentException("Lab site host " + host + " is reserved for a lab support host:"
                        + " rename the site, or remove it from the list");
            }
            if (!hosts.add(host)) {
                throw new IllegalArgumentException("Lab site host " + host + " appears twice in the site list: the lab"
                        + " plays one scenario per host, so keep one row per host");
            }
        }
    }

    private static List<LabSite> startSites(List<SiteSpec> specs, Wiring wiring) throws IOException {
        List<LabSite> sites = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            SiteSpec spec = specs.get(i);
            sites.add(startSite(spec.host(), spec.name(), spec.scenario(), spec.latencyMillis(),
                    CountryAddresses.siteAddress(i), wiring));
        }
        return sites;
    }

    private static void startSupportHosts(Wiring wiring) throws IOException {
        for (SupportHost support : SupportHost.values()) {
            startSite(support.host(), support.host(), support.scenario(), 0,
                    CountryAddresses.supportAddress(support.ordinal()), wiring);
        }
    }

    private static LabSite startSite(String host, String name, Scenario scenario, int latencyMillis,
                                     InetAddress address, Wiring wiring) throws IOException {
        ServerSocketChannel http = wiring.server().bind(address);
        ServerSocketChannel https = wiring.server().bind(address);
        String home = wiring.options().homeCountry();
        LabSite site = new LabSite(host.toLowerCase(Locale.ROOT), name, scenario, home, address, port(http),
                port(https), latencyMillis);
        wiring.server().serve(http, site, null);
        wiring.server().serve(https, site, wiring.authority().serverContext(List.of(site.host())));
        wiring.dns().add(site.host(), address);
        switch (scenario) {
            case NXDOMAIN -> wiring.dns().hideAbroad(site.host(), home);
            case DNS_SERVFAIL -> wiring.dns().answerAbroad(site.host(), home, DnsAnswer.SERVFAIL);
            case DNS_NO_ANSWER -> wiring.dns().answerAbroad(site.host(), home, DnsAnswer.NO_ANSWER);
            case CONNECTION_REFUSED -> wiring.network().refuseAbroad(site, wiring.server().reserveClosedPort(address));
            default -> {
                // Every other scenario is played by the site itself or by the proxy's route.
            }
        }
        wiring.network().attach(site);
        return site;
    }

    private static LabVantage startProxy(String country, LabOptions options, GeoIp geoIp, LabNetwork network,
                                         List<Closeable> proxies) throws IOException {
        InetAddress exit = CountryAddresses.exitAddress(country);
        geoIp.register(exit, country);
        String username = options.authentication() ? "lab-" + country.toLowerCase(Locale.ROOT) : null;
        String password = options.authentication() ? options.password().orElseGet(LabWorld::randomPassword) : null;
        CountryProxy proxy = new CountryProxy(country, exit, network, username, password, options.errorHeader(),
                options.connectTimeoutMillis());
        proxies.add(proxy);
        proxy.start();
        Socks5Proxy socks = new Socks5Proxy(country, exit, network, null, null, options.connectTimeoutMillis());
        proxies.add(socks);
        socks.start();
        URI uri = URI.create("http://127.0.0.1:" + proxy.port());
        URI socksUri = URI.create("socks5://127.0.0.1:" + socks.port());
        return new LabVantage(country, country.equals(options.homeCountry()), uri, username, password, socksUri,
                exit, options.errorHeader());
    }

    private static int port(ServerSocketChannel channel) throws IOException {
        return ((java.net.InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public List<LabSite> sites() {
        return sites;
    }

    public List<LabVantage> vantages() {
        return vantages;
    }

    public GroundTruth groundTruth() {
        return groundTruth;
    }

    /** Returns the SPKI hashes that browsers must be given to trust the lab's certificates. */
    public String spkiPins() {
        return spkiPins;
    }

    /** Returns the lab CA certificate, for Java clients that should trust the lab's sites. */
    public java.security.cert.X509Certificate caCertificate() {
        return caCertificate;
    }

    /** Returns the lab CA certificate in PEM form, for clients that take a CA file. */
    public String caCertificatePem() {
        return caCertificatePem;
    }

    @Override
    public void close() {
        proxies.forEach(LabThreads::closeQuietly);
        siteServer.close();
        log.info("Lab stopped");
    }
}
