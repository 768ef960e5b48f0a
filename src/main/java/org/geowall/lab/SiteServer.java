package org.geowall.lab;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every lab site over HTTP and HTTPS. Each site has its own listeners, so that a site can
 * reset or drop a foreign connection at accept time, before any byte is read, as firewalls do.
 * One selector thread accepts for all listeners, which keeps thousands of sites cheap.
 */
final class SiteServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SiteServer.class);

    private static final int RESET_WAIT_MILLIS = 15_000;

    private final GeoIp geoIp;
    private final Selector selector;
    private final ExecutorService workers;
    private final Map<ServerSocketChannel, Listener> listeners = new ConcurrentHashMap<>();
    private final List<Socket> heldConnections = new CopyOnWriteArrayList<>();
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean running = true;

    private record Listener(LabSite site, SSLContext tls) {
    }

    SiteServer(GeoIp geoIp) throws IOException {
        this.geoIp = geoIp;
        this.selector = Selector.open();
        this.workers = Executors.newCachedThreadPool(LabThreads.named("lab-site"));
        this.acceptor = LabThreads.named("lab-site-acceptor").newThread(this::acceptLoop);
    }

    /** Binds a listener on a site address; {@link #serve} then says what it serves. */
    ServerSocketChannel bind(java.net.InetAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(address, 0), 256);
        channel.configureBlocking(false);
        channels.add(channel);
        return channel;
    }

    /** Serves a site on a bound listener, over TLS when {@code tls} is not null. */
    void serve(ServerSocketChannel channel, LabSite site, SSLContext tls) {
        listeners.put(channel, new Listener(site, tls));
    }

    void start() throws IOException {
        for (ServerSocketChannel channel : channels) {
            channel.register(selector, SelectionKey.OP_ACCEPT);
        }
        acceptor.start();
    }

    private void acceptLoop() {
        while (running) {
            try {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    acceptReady((ServerSocketChannel) key.channel());
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                if (running) {
                    log.error("Lab site acceptor failed, retrying", e);
                }
            } catch (java.nio.channels.ClosedSelectorException e) {
                return;
            }
        }
    }

    private void acceptReady(ServerSocketChannel channel) throws IOException {
        SocketChannel connection = channel.accept();
        if (connection == null) {
            return;
        }
        connection.configureBlocking(true);
        Listener listener = listeners.get(channel);
        Socket socket = connection.socket();
        String country = geoIp.countryOf(socket.getInetAddress()).orElse("??");
        boolean foreign = !listener.site().homeCountry().equals(country);
        Scenario scenario = foreign ? listener.site().scenario() : Scenario.ACCESSIBLE;

        switch (scenario) {
            case TCP_RESET -> workers.execute(() -> resetAfterFirstBytes(socket));
            case SILENT_DROP -> heldConnections.add(socket);
            default -> workers.execute(new SiteConnection(socket, listener.site(), listener.tls(), scenario, country));
        }
    }

    /**
     * Resets a connection once the client has sent something (a TLS ClientHello or a request),
     * as in-path resets do. Resetting at accept time instead would race the proxy's connect(),
     * so the same site would sometimes fail the tunnel and sometimes reset inside it.
     */
    private static void resetAfterFirstBytes(Socket socket) {
        try {
            socket.setSoTimeout(RESET_WAIT_MILLIS);
            socket.getInputStream().read();
        } catch (IOException e) {
            log.trace("No first bytes before the reset: {}", e.toString());
        }
        Relay.reset(socket);
    }

    @Override
    public void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException e) {
            log.warn("Closing the lab site selector failed", e);
        }
        for (ServerSocketChannel channel : channels) {
            LabThreads.closeQuietly(channel);
        }
        for (Socket socket : heldConnections) {
            LabThreads.closeQuietly(socket);
        }
        workers.shutdownNow();
    }
}
