package org.geowall.lab;

import java.io.BufferedInputStream;
import org.geowall.http.HttpHead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies bytes between a proxy's client and upstream sockets. A TCP reset from the upstream is
 * passed on to the client as a reset, so the browser sees what a direct visitor would see.
 */
final class Relay {

    /** How long a tunnel waits for the upstream's last bytes after the client stopped sending. */
    private static final long DRAIN_SECONDS = 30;

    private Relay() {
    }

    /** Relays a tunnel in both directions until either side ends it. */
    static void both(Socket client, InputStream clientIn, Socket upstream, ExecutorService executor) {
        Future<?> downstream = executor.submit(() -> {
            try {
                copy(upstream.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                if (isReset(e)) {
                    reset(client);
                }
            } finally {
                LabThreads.closeQuietly(client);
                LabThreads.closeQuietly(upstream);
            }
        });
        try {
            copy(clientIn, upstream.getOutputStream());
            upstream.shutdownOutput();
            downstream.get(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            // Either side went away: closing both below ends the other direction as well.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LabThreads.closeQuietly(upstream);
            LabThreads.closeQuietly(client);
        }
    }

    /**
     * Relays one HTTP response from upstream to client, marking it {@code Connection: close},
     * because the proxy serves one request per client connection.
     */
    static void response(Socket upstream, Socket client) throws IOException {
        InputStream in = new BufferedInputStream(upstream.getInputStream());
        OutputStream out = client.getOutputStream();
        try {
            Optional<HttpHead> head = HttpHead.read(in);
            if (head.isEmpty()) {
                reset(client);
                return;
            }
            StringBuilder text = new StringBuilder(head.get().startLine()).append("\r\n");
            for (String[] header : head.get().headers()) {
                if (!header[0].equalsIgnoreCase("Connection") && !header[0].equalsIgnoreCase("Keep-Alive")) {
                    text.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
            }
            text.append("Connection: close\r\n\r\n");
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            copy(in, out);
        } catch (IOException e) {
            if (isReset(e)) {
                reset(client);
                return;
            }
            throw e;
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private static boolean isReset(IOException e) {
        return e instanceof SocketException && String.valueOf(e.getMessage()).contains("reset");
    }

    /** Closes a socket with SO_LINGER 0, which makes the kernel send a TCP reset. */
    static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // The socket is already gone, so the peer has seen its end one way or another.
        }
    }
}
