package org.geowall.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The start line and header fields of an HTTP/1.1 message, as the lab and the plain probe read
 * them. Written by hand because both must see the raw bytes below any HTTP client library, such as a proxy's CONNECT answer.
 */
public final class HttpHead {

    /** Heads longer than this are rejected, as ordinary servers do. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;

    private final String startLine;
    private final List<String[]> headers;

    private HttpHead(String startLine, List<String[]> headers) {
        this.startLine = startLine;
        this.headers = headers;
    }

    /**
     * Reads one message head, up to and including the blank line.
     *
     * @return the head, or empty when the stream ended before any byte
     * @throws IOException on a read error, or when the head is malformed or too long
     */
    public static Optional<HttpHead> read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        int previous = -1;
        List<String> lines = new ArrayList<>();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (total == 0) {
                    return Optional.empty();
                }
                throw new IOException("Stream ended inside an HTTP head after " + total + " bytes");
            }
            total++;
            if (total > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n' && previous == '\r') {
                byte[] line = buffer.toByteArray();
                String text = new String(line, 0, line.length - 1, StandardCharsets.ISO_8859_1);
                buffer.reset();
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
            } else {
                buffer.write(b);
            }
            previous = b;
        }
        if (lines.isEmpty()) {
            throw new IOException("HTTP head without a start line");
        }
        List<String[]> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("Malformed HTTP header line: " + line);
            }
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        return Optional.of(new HttpHead(lines.get(0), headers));
    }

    public String startLine() {
        return startLine;
    }

    /** Returns the first value of a header field, matched without regard to case. */
    public Optional<String> header(String name) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                return Optional.of(header[1]);
            }
        }
        return Optional.empty();
    }

    public List<String[]> headers() {
        return headers;
    }

    /** Returns the value of Content-Length, or 0 when the message has none. */
    public long contentLength() throws IOException {
        Optional<String> value = header("Content-Length");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new IOException("Invalid Content-Length: " + value.get(), e);
        }
    }

    /** Returns the request method of a request head, in upper case. */
    public String method() {
        return startLine.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    }

    /** Returns the request target of a request head (origin, absolute or authority form). */
    public String target() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }
}
