package org.geowall.lab;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
        long started = System.nanoTime();
        GeoIp geoIp = new GeoIp();
        GeoDns dns = new GeoDns();
        LabNetwork network = new LabNetwork(dns);
        LabCertificateAuthority authority = new LabCertificateAuthority();
        SiteServer siteServer = new SiteServer(geoIp);
        List<Closeable> proxies = new ArrayList<>();
        try {
            List<LabSite> sites = startSites(specs, options, siteServer, dns, network, authority);
            List<LabVantage> vantages = new ArrayList<>();
            for (String country : options.countries()) {
                vantages.add(startProxy(country, options, geoIp, network, proxies));
            }
            siteServer.start();
            GroundTruth truth = GroundTruth.of(sites, specs, vantages);
            log.info("Lab started in {} ms: {} sites, vantages {}", (System.nanoTime() - started) / 1_000_000,
                    sites.size(), options.countries());
            return new LabWorld(siteServer, proxies, sites, vantages, truth, authority);
        } catch (IOException | RuntimeException e) {
            proxies.forEach(LabThreads::closeQuietly);
            siteServer.close();
            throw e;
        }
    }

    private static List<LabSite> startSites(List<SiteSpec> specs, LabOptions options, SiteServer server,
                                            GeoDns dns, LabNetwork network, LabCertificateAuthority authority)
            throws IOException {
        List<LabSite> sites = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            SiteSpec spec = specs.get(i);
            InetAddress address = CountryAddresses.siteAddress(i);
            ServerSocketChannel http = server.bind(address);
            ServerSocketChannel https = server.bind(address);
            LabSite site = new LabSite(spec.host().toLowerCase(Locale.ROOT), spec.name(), spec.scenario(),
                    options.homeCountry(), address, port(http), port(https));
            server.serve(http, site, null);
            server.serve(https, site, authority.serverContext(List.of(site.host())));
            dns.add(site.host(), address);
            if (spec.scenario() == Scenario.NXDOMAIN) {
                dns.hideAbroad(site.host(), options.homeCountry());
            }
            network.attach(site);
            sites.add(site);
        }
        return sites;
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
