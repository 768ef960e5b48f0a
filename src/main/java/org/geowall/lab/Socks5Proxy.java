package org.geowall.lab;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SOCKS5 proxy (RFC 1928, CONNECT only, with optional RFC 1929 username and password) that
 * exits in one country, like {@link CountryProxy}. Domain names are resolved through the lab's
 * geo DNS; IPv4 addresses must be lab site addresses. Written by hand because the one maintained
 * Java SOCKS server codec (Netty's) would clash with the Netty version that BrowserMob Proxy needs.
 */
final class Socks5Proxy implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(Socks5Proxy.class);

    private static final int VERSION = 5;
    private static final int METHOD_NONE = 0;
    private static final int METHOD_PASSWORD = 2;
    private static final int METHOD_UNACCEPTABLE = 0xFF;
    private static final int COMMAND_CONNECT = 1;
    private static final int ADDRESS_IPV4 = 1;
    private static final int ADDRESS_DOMAIN = 3;

    /** Reply codes of RFC 1928, section 6. */
    static final int REPLY_SUCCEEDED = 0;
    static final int REPLY_GENERAL_FAILURE = 1;
    static final int REPLY_HOST_UNREACHABLE = 4;
    static final int REPLY_CONNECTION_REFUSED = 5;
    static final int REPLY_TTL_EXPIRED = 6;
    static final int REPLY_COMMAND_NOT_SUPPORTED = 7;
    static final int REPLY_ADDRESS_TYPE_NOT_SUPPORTED = 8;

    private final String country;
    private final InetAddress sourceAddress;
    private final UpstreamDialer dialer;
    private final String username;
    private final String password;
    private final ServerSocket server;
    private final ExecutorService workers;
    private volatile boolean running = true;

    Socks5Proxy(String country, InetAddress sourceAddress, LabNetwork network, String username, String password,
                int connectTimeoutMillis) throws IOException {
        this.country = country;
        this.sourceAddress = sourceAddress;
        this.dialer = new UpstreamDialer(country, sourceAddress, network, connectTimeoutMillis);
        this.username = username;
        this.password = password;
        this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        this.workers = Executors.newCachedThreadPool(LabThreads.named("lab-socks-" + country));
    }

    int port() {
        return server.getLocalPort();
    }

    void start() {
        LabThreads.named("lab-socks-" + country + "-acceptor").newThread(this::acceptLoop).start();
        log.info("Lab SOCKS5 proxy for {} listening on 127.0.0.1:{}, exiting from {}", country, port(),
                sourceAddress.getHostAddress());
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket client = server.accept();
                workers.execute(() -> handle(client));
            } catch (IOException e) {
                if (running) {
                    log.error("Lab SOCKS5 proxy for {} failed to accept a connection", country, e);
                }
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            OutputStream out = client.getOutputStream();
            if (!negotiate(in, out)) {
                return;
            }
            String host = readRequest(in, out);
            if (host == null) {
                return;
            }
            int port = in.readUnsignedShort();
            Socket upstream = connect(host, port, out);
            if (upstream != null) {
                try (upstream) {
                    reply(out, REPLY_SUCCEEDED);
                    Relay.both(client, in, upstream, workers);
                }
            }
        } catch (IOException e) {
            log.debug("Lab SOCKS5 proxy for {}: client connection ended: {}", country, e.toString());
        }
    }

    /** Agrees on an authentication method and checks the credentials; returns false to close. */
    private boolean negotiate(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != VERSION) {
            return false;
        }
        byte[] methods = in.readNBytes(in.readUnsignedByte());
        int wanted = username == null ? METHOD_NONE : METHOD_PASSWORD;
        boolean offered = false;
        for (byte method : methods) {
            offered |= method == wanted;
        }
        out.write(new byte[] {VERSION, (byte) (offered ? wanted : METHOD_UNACCEPTABLE)});
        out.flush();
        if (!offered) {
            return false;
        }
        if (wanted == METHOD_NONE) {
            return true;
        }
        in.readUnsignedByte();
        String user = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
        String secret = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
        boolean accepted = username.equals(user) && password.equals(secret);
        out.write(new byte[] {1, (byte) (accepted ? 0 : 1)});
        out.flush();
        return accepted;
    }

    /** Reads a CONNECT request up to the port and returns the host, or null after replying with an error. */
    private String readRequest(DataInputStream in, OutputStream out) throws IOException {
        in.readUnsignedByte();
        int command = in.readUnsignedByte();
        in.readUnsignedByte();
        int addressType = in.readUnsignedByte();
        String host;
        if (addressType == ADDRESS_DOMAIN) {
            host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
        } else if (addressType == ADDRESS_IPV4) {
            host = InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
        } else {
            reply(out, REPLY_ADDRESS_TYPE_NOT_SUPPORTED);
            return null;
        }
        if (command != COMMAND_CONNECT) {
            reply(out, REPLY_COMMAND_NOT_SUPPORTED);
            return null;
        }
        return host;
    }

    private Socket connect(String host, int port, OutputStream out) throws IOException {
        UpstreamDialer.Connection connection = dialer.dial(host, port);
        if (connection.connected()) {
            return connection.socket();
        }
        reply(out, replyCode(connection.failure()));
        return null;
    }

    /** Maps a gateway-style failure cause to the closest reply code of RFC 1928. */
    static int replyCode(String failure) {
        return switch (failure) {
            case "dns_nxdomain", "dns_servfail", "dns_no_answer" -> REPLY_HOST_UNREACHABLE;
            case "connection_refused" -> REPLY_CONNECTION_REFUSED;
            case "connect_timeout" -> REPLY_TTL_EXPIRED;
            default -> REPLY_GENERAL_FAILURE;
        };
    }

    private static void reply(OutputStream out, int code) throws IOException {
        out.write(new byte[] {VERSION, (byte) code, 0, ADDRESS_IPV4, 0, 0, 0, 0, 0, 0});
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        LabThreads.closeQuietly(server);
        workers.shutdownNow();
        log.info("Lab SOCKS5 proxy for {} stopped", country);
    }
}
