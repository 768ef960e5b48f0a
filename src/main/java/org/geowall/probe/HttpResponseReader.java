package org.geowall.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.geowall.http.HttpHead;

/**
 * Reads an HTTP/1.1 response: the head, then the body framed by Content-Length, chunked transfer
 * coding or the end of the connection, keeping at most a given number of body bytes.
 */
final class HttpResponseReader {

    /** A response head with its body, possibly cut at the cap. */
    record Response(HttpHead head, int status, byte[] body, boolean truncated) {
    }

    private HttpResponseReader() {
    }

    /** Reads one response, or returns empty when the connection ended before any byte. */
    static Optional<Response> read(InputStream in, int maxBodyBytes, boolean headRequest) throws IOException {
        Optional<HttpHead> head = HttpHead.read(in);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        int status = statusOf(head.get().startLine());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated = false;
        if (!headRequest && status >= 200 && status != 204 && status != 304) {
            String transfer = head.get().header("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
            if (transfer.contains("chunked")) {
                truncated = readChunked(in, body, maxBodyBytes);
            } else if (head.get().header("Content-Length").isPresent()) {
                truncated = copy(in, body, head.get().contentLength(), maxBodyBytes);
            } else {
                truncated = copy(in, body, Long.MAX_VALUE, maxBodyBytes);
            }
        }
        return Optional.of(new Response(head.get(), status, body.toByteArray(), truncated));
    }

    /** Returns the status code of a status line; the line is "HTTP/1.1 200 OK". */
    static int statusOf(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ");
        try {
            return Integer.parseInt(parts[1]);
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IOException("Invalid HTTP status line: " + statusLine, e);
        }
    }

    private static boolean readChunked(InputStream in, ByteArrayOutputStream body, int maxBodyBytes)
            throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            int extension = sizeLine.indexOf(';');
            String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("Invalid chunk size: " + sizeLine, e);
            }
            if (size == 0) {
                return false;
            }
            if (copy(in, body, size, maxBodyBytes)) {
                return true;
            }
            readLine(in);
        }
    }

    /** Copies up to {@code length} bytes, keeping at most the cap; returns true when the cap was hit. */
    private static boolean copy(InputStream in, ByteArrayOutputStream body, long length, int maxBodyBytes)
            throws IOException {
        byte[] buffer = new byte[8192];
        long remaining = length;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                return false;
            }
            int room = maxBodyBytes - body.size();
            if (read > room) {
                body.write(buffer, 0, room);
                return true;
            }
            body.write(buffer, 0, read);
            remaining -= read;
        }
        return false;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("Connection ended inside a chunked body");
    }
}
