package org.geowall.engine.selenium;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import org.geowall.engine.ProxySettings;
import org.littleshoot.proxy.ChainedProxy;
import org.littleshoot.proxy.ChainedProxyAdapter;
import org.littleshoot.proxy.ChainedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains BrowserMob Proxy to the current load's vantage proxy, sending its credentials with
 * every request, so the browser never authenticates to a proxy. It keeps the cause of every
 * upstream connection that failed, which BrowserMob's own {@code setChainedProxy} does not
 * report.
 */
final class UpstreamChain implements ChainedProxyManager {

    private static final Logger log = LoggerFactory.getLogger(UpstreamChain.class);

    /** An upstream proxy and its {@code Proxy-Authorization} value, or null without credentials. */
    private record Upstream(ProxySettings settings, InetSocketAddress address, String authorization) {

        /** Returns the proxy without its password, because the authorization value is a secret. */
        @Override
        public String toString() {
            return settings.toString();
        }
    }

    private final ResetWatch resetWatch = new ResetWatch(this::resetSeen);
    private final List<UpstreamFailure> failures = new ArrayList<>();
    private final Set<String> resetTargets = new HashSet<>();
    private volatile Upstream upstream;

    /**
     * Routes the next connections through the given proxy, or directly when it is null.
     *
     * @throws IllegalArgumentException for a proxy that BrowserMob cannot chain to, such as SOCKS5
     */
    void route(ProxySettings proxy) {
        synchronized (failures) {
            failures.clear();
            resetTargets.clear();
        }
        resetWatch.clear();
        if (proxy == null) {
            upstream = null;
            return;
        }
        if (!proxy.server().getScheme().equals("http")) {
            throw new IllegalArgumentException("BrowserMob Proxy chains only to HTTP proxies, not to " + proxy.server()
                    + ". Use an http:// proxy for this vantage, or the playwright engine.");
        }
        InetSocketAddress address = new InetSocketAddress(proxy.server().getHost(), proxy.server().getPort());
        upstream = new Upstream(proxy, address, proxy.hasCredentials() ? basic(proxy) : null);
    }

    private static String basic(ProxySettings proxy) {
        String password = proxy.password() == null ? "" : proxy.password();
        String pair = proxy.username() + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the filter that notices resets; BrowserMob must run it on every request. */
    ResetWatch resetWatch() {
        return resetWatch;
    }

    /** Returns the upstream failures since the last {@link #route}. */
    List<UpstreamFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void lookupChainedProxies(HttpRequest request, Queue<ChainedProxy> chainedProxies) {
        Upstream current = upstream;
        if (current == null) {
            // LittleProxy fails a request whose lookup finds no proxy at all, so name the direct route.
            chainedProxies.add(ChainedProxyAdapter.FALLBACK_TO_DIRECT_CONNECTION);
            return;
        }
        chainedProxies.add(new Hop(current, hostAndPort(request)));
    }

    private static String hostAndPort(HttpRequest request) {
        String host = HttpHeaders.getHost(request, request.getUri());
        return request.getMethod().name().equals("CONNECT") ? request.getUri() : host;
    }

    private void resetSeen(String hostAndPort) {
        synchronized (failures) {
            resetTargets.add(hostAndPort);
        }
    }

    private void record(Upstream via, String target, Throwable cause, String description) {
        String netError = UpstreamErrors.netError(cause, true);
        synchronized (failures) {
            // LittleProxy reports a reset during the TLS handshake as a closed channel.
            if ("net::ERR_CONNECTION_CLOSED".equals(netError) && resetTargets.contains(target)) {
                netError = "net::ERR_CONNECTION_RESET";
            }
            failures.add(new UpstreamFailure(target, description, netError));
        }
        log.info("Upstream connection to {} through {} failed: {} ({})", target, via, description,
                netError == null ? "no matching net error" : netError);
    }

    /** One connection through the upstream proxy. */
    private final class Hop extends ChainedProxyAdapter {

        private final Upstream upstream;
        private final String target;

        Hop(Upstream upstream, String target) {
            this.upstream = upstream;
            this.target = target;
        }

        @Override
        public InetSocketAddress getChainedProxyAddress() {
            return upstream.address();
        }

        /** Adds the credentials; for a {@code CONNECT}, the upstream channel is open by now, so watch it. */
        @Override
        public void filterRequest(HttpObject httpObject) {
            if (!(httpObject instanceof HttpRequest request)) {
                return;
            }
            if (upstream.authorization() != null) {
                request.headers().set(HttpHeaders.Names.PROXY_AUTHORIZATION, upstream.authorization());
            }
            if (request.getMethod().name().equals("CONNECT")) {
                resetWatch.watchOpenConnections(target);
            }
        }

        @Override
        public void connectionFailed(Throwable cause) {
            String description = cause == null ? "no cause given" : cause.getClass().getName() + ": " + cause.getMessage();
            record(upstream, target, cause, description);
        }
    }
}
