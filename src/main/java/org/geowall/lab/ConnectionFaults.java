package org.geowall.lab;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Faults that a lab site plays on an accepted connection before any HTTP is exchanged. */
final class ConnectionFaults {

    private static final Logger log = LoggerFactory.getLogger(ConnectionFaults.class);

    /** How long a faulty connection waits for the client's first bytes. */
    private static final int FIRST_BYTES_WAIT_MILLIS = 15_000;

    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    /** A TLS 1.2 record with a fatal handshake_failure alert (RFC 5246, section 7.2): level 2, description 40. */
    private static final byte[] HANDSHAKE_FAILURE_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

    private ConnectionFaults() {
    }

    /**
     * Resets a connection once the client has sent something (a TLS ClientHello or a request),
     * as in-path resets do. Resetting at accept time instead would race the proxy's connect(),
     * so the same site would sometimes fail the tunnel and sometimes reset inside it.
     */
    static void resetAfterFirstBytes(Socket socket, String host, String country) {
        try {
            socket.setSoTimeout(FIRST_BYTES_WAIT_MILLIS);
            socket.getInputStream().read();
        } catch (IOException e) {
            log.debug("No first bytes from {} to {} before the reset: {}", country, host, e.toString());
        }
        Relay.reset(socket);
    }

    /**
     * Reads the ClientHello record, then sends a fatal handshake_failure alert and closes,
     * as a TLS-terminating firewall that rejects the client does. Reading the whole record first
     * matters: closing with unread bytes would make the kernel send a reset instead of the alert.
     */
    static void abortTlsHandshake(Socket socket, String host, String country) {
        try (socket) {
            socket.setSoTimeout(FIRST_BYTES_WAIT_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            if (type != TLS_HANDSHAKE_RECORD) {
                log.debug("Client from {} to {} sent record type {} instead of a TLS handshake", country, host, type);
                return;
            }
            in.readUnsignedShort();
            in.skipNBytes(in.readUnsignedShort());
            OutputStream out = socket.getOutputStream();
            out.write(HANDSHAKE_FAILURE_ALERT);
            out.flush();
        } catch (IOException e) {
            log.debug("TLS abort of {} for {} ended early: {}", host, country, e.toString());
        }
    }
}
