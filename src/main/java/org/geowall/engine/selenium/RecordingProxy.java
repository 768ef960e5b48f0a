package org.geowall.engine.selenium;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.lightbody.bmp.BrowserMobProxyServer;
import net.lightbody.bmp.core.har.Har;
import net.lightbody.bmp.mitm.TrustSource;
import net.lightbody.bmp.mitm.manager.ImpersonatingMitmManager;
import net.lightbody.bmp.proxy.CaptureType;
import org.geowall.engine.ProxySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BrowserMob Proxy on 127.0.0.1 between one worker's browser and the vantage's proxy: it records
 * the HAR of every load, HTTPS included (as a man in the middle with its own CA), and chains to
 * the vantage's proxy with its credentials.
 *
 * <p>Upstream, it trusts the system's CAs, BrowserMob's bundled list, and the CAs the world adds
 * (the lab's). It does not trust every server ({@code setTrustAllServers}), because that would
 * turn a site's TLS failure into an ordinary page.
 */
final class RecordingProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordingProxy.class);

    private final BrowserMobProxyServer server = new BrowserMobProxyServer();
    private final UpstreamChain chain = new UpstreamChain();
    private final MitmAuthority authority = new MitmAuthority();

    RecordingProxy(List<String> trustedCertificatesPem) {
        ImpersonatingMitmManager mitm = ImpersonatingMitmManager.builder()
                .rootCertificateSource(authority.source())
                .trustSource(trustSource(trustedCertificatesPem))
                .build();
        server.setMitmManager(mitm);
        server.setChainedProxyManager(chain);
        server.addFirstHttpFilterFactory(new BrowserServiceFilter());
        server.addLastHttpFilterFactory(chain.resetWatch());
        EnumSet<CaptureType> capture = CaptureType.getAllContentCaptureTypes();
        capture.addAll(CaptureType.getHeaderCaptureTypes());
        capture.addAll(CaptureType.getCookieCaptureTypes());
        server.setHarCaptureTypes(capture);
        server.start(0, InetAddress.getLoopbackAddress());
        log.info("Started BrowserMob Proxy on 127.0.0.1:{}", server.getPort());
    }

    private static TrustSource trustSource(List<String> pemCertificates) {
        TrustSource trust = TrustSource.defaultTrustSource();
        for (String pem : pemCertificates) {
            trust = trust.add(parse(pem));
        }
        return trust;
    }

    private static X509Certificate parse(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Invalid CA certificate given to trust upstream", e);
        }
    }

    /** Returns the address the browser uses as its proxy. */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort());
    }

    /** Returns the SPKI pin of the CA with which this proxy impersonates sites. */
    String caSpkiPin() {
        return authority.spkiPin();
    }

    /**
     * Starts recording a new load through the given vantage proxy.
     *
     * @throws IllegalArgumentException for a proxy that BrowserMob cannot chain to
     */
    void begin(ProxySettings upstream) {
        chain.route(upstream);
        server.newHar("page");
    }

    /** Waits until BrowserMob has had no request in flight for {@code quiet}, or the budget has passed. */
    boolean awaitQuiet(Duration quiet, Duration budget) {
        return server.waitForQuiescence(quiet.toMillis(), budget.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the load's recording and returns its HAR and its upstream failures. */
    Recording end() {
        Har har = server.endHar();
        return new Recording(har, chain.failures());
    }

    /** The HAR as BrowserMob recorded it, with the upstream failures of the same load. */
    record Recording(Har har, List<UpstreamFailure> failures) {
    }

    @Override
    public void close() {
        int port = server.getPort();
        server.stop();
        log.info("Stopped BrowserMob Proxy on 127.0.0.1:{}", port);
    }
}
