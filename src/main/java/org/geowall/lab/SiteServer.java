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
import org.geowall.http.HttpHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every lab site over HTTP and HTTPS. Each site has its own listeners, so that a site can
 * reset or drop a foreign connection at accept time, before any byte is read, as firewalls do.
 * One selector thread accepts for all listeners, which keeps thousands of sites cheap.
 */
final class SiteServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SiteServer.class);

    private final GeoIp geoIp;
    private final LabOptions options;
    private final Selector selector;
    private final ExecutorService workers;
    private final Map<ServerSocketChannel, Listener> listeners = new ConcurrentHashMap<>();
    private final List<Socket> heldConnections = new CopyOnWriteArrayList<>();
    private final List<Socket> closedPortHolders = new CopyOnWriteArrayList<>();
    private final Map<String, FlakySchedule> flakySchedules = new ConcurrentHashMap<>();
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean running = true;

    private record Listener(LabSite site, SSLContext tls) {
    }

    SiteServer(GeoIp geoIp, LabOptions options) throws IOException {
        this.geoIp = geoIp;
        this.options = options;
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

    /**
     * Reserves a port on {@code address} that refuses every connection: the socket is bound but
     * never listens, so the kernel responds to each SYN with a reset, and no other listener can take
     * the port while the lab runs.
     */
    int reserveClosedPort(java.net.InetAddress address) throws IOException {
        Socket holder = new Socket();
        holder.bind(new InetSocketAddress(address, 0));
        closedPortHolders.add(holder);
        return holder.getLocalPort();
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
        LabSite site = listener.site();
        Socket socket = connection.socket();
        String country = geoIp.countryOf(socket.getInetAddress()).orElse("??");
        boolean foreign = !site.homeCountry().equals(country);
        Scenario scenario = site.scenario().playedFor(foreign);

        switch (scenario) {
            case TCP_RESET -> workers.execute(() -> ConnectionFaults.resetAfterFirstBytes(socket, site.host(), country));
            case SILENT_DROP, DROP_EVERYWHERE -> heldConnections.add(socket);
            case TLS_ABORT -> abortTlsOrServe(socket, listener, country);
            case FLAKY -> workers.execute(new SiteConnection(socket, site, listener.tls(), scenario, country,
                    options.slowResponseMillis(), head -> flakyResets(site.host(), country, head)));
            default -> serve(socket, listener, scenario, country);
        }
    }

    /** Aborts the TLS handshake of a foreign client; plain HTTP to the same site gets the ordinary page. */
    private void abortTlsOrServe(Socket socket, Listener listener, String country) {
        if (listener.tls() == null) {
            serve(socket, listener, Scenario.ACCESSIBLE, country);
            return;
        }
        workers.execute(() -> ConnectionFaults.abortTlsHandshake(socket, listener.site().host(), country));
    }

    /**
     * Returns whether a flaky site resets the connection of a page request, as its seeded schedule
     * decides. Each client country and kind of client has its own schedule, so that neither other
     * vantages nor the plain probe beside a browser use up the successes that the cap on failures
     * in a row promises to a browser's repeats. Browsers send Upgrade-Insecure-Requests with a
     * navigation; plain clients such as the probe and curl do not.
     */
    private boolean flakyResets(String host, String country, HttpHead head) {
        String client = head.header("Upgrade-Insecure-Requests").isPresent() ? "browser" : "plain";
        FlakySchedule schedule = flakySchedules.computeIfAbsent(host + " " + country + " " + client,
                key -> new FlakySchedule(options.seed(), key, options.flakyFailureShare(),
                        options.flakyMaxFailuresInRow()));
        boolean resets = schedule.nextFails();
        if (resets) {
            log.debug("Flaky site {} resets a {} request from {}", host, client, country);
        }
        return resets;
    }

    private void serve(Socket socket, Listener listener, Scenario scenario, String country) {
        workers.execute(new SiteConnection(socket, listener.site(), listener.tls(), scenario, country,
                options.slowResponseMillis(), head -> false));
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
        for (Socket holder : closedPortHolders) {
            LabThreads.closeQuietly(holder);
        }
        workers.shutdownNow();
    }
}
