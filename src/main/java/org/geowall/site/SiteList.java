package org.geowall.site;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A site list read from CSV with the header {@code url,name,province,level} and an optional
 * {@code tags} column. Rows that cannot be read become {@link SiteListProblem}s with their line
 * number, and the good rows still run.
 *
 * <p>Each line is one row. A quoted value may contain commas and doubled quotes, but no line
 * break: no column of a site list needs one, and a quote left open would otherwise swallow the
 * rows after it into one value.
 */
public record SiteList(Path file, List<Site> sites, List<SiteListProblem> problems) {

    /** Reader of one CSV record as an array of its values, by Jackson's quoting rules and without a schema. */
    private static final ObjectReader CSV_RECORD = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    private static final String QUOTING_FIX = "Put a value that contains a comma or a quote in double quotes, "
            + "and double each quote inside it, such as \"Beijing, \"\"municipal\"\"\"";

    /** Reads a site list; a missing file or header is an error, a bad row is a problem. */
    public static SiteList read(Path file) {
        List<String> lines = readLines(file);
        int headerIndex = 0;
        while (headerIndex < lines.size() && lines.get(headerIndex).isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.size()) {
            return new SiteList(file, List.of(), List.of());
        }
        List<String> columns = readHeader(file, headerIndex + 1, lines.get(headerIndex));

        List<Site> sites = new ArrayList<>();
        List<SiteListProblem> problems = new ArrayList<>();
        Map<URI, Integer> firstLineOfUrl = new HashMap<>();
        for (int index = headerIndex + 1; index < lines.size(); index++) {
            String text = lines.get(index);
            if (text.isBlank()) {
                continue;
            }
            int line = index + 1;
            Map<String, String> row = readFields(file, line, text, columns, problems);
            if (row != null) {
                readRow(file, line, row, firstLineOfUrl, sites, problems);
            }
        }
        return new SiteList(file, List.copyOf(sites), List.copyOf(problems));
    }

    /** Returns the file's lines without a byte order mark, which spreadsheet programs put in "CSV UTF-8" files. */
    private static List<String> readLines(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new SiteListException("Site list not found: " + file.toAbsolutePath()
                    + ". Check the suite's 'sites' parameter.", e);
        } catch (CharacterCodingException e) {
            throw new SiteListException("Site list " + file + " is not UTF-8 text. Save it as UTF-8 "
                    + "(in a spreadsheet program: CSV UTF-8).", e);
        } catch (IOException e) {
            throw new SiteListException("Site list " + file + " could not be read: " + e.getMessage(), e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    private static List<String> readHeader(Path file, int line, String text) {
        List<String> columns;
        try {
            columns = Arrays.stream(readRecord(text)).map(String::trim).toList();
        } catch (JsonProcessingException e) {
            throw new SiteListException(file + ":" + line + ": the header line is not valid CSV: "
                    + e.getOriginalMessage() + ". Write it as url,name,province,level (and ,tags if needed).", e);
        }
        if (!columns.contains("url")) {
            throw new SiteListException(file + ":" + line + ": the header must start url,name,province,level "
                    + "(lower case), but it is " + String.join(",", columns) + ". Add or fix the header line.");
        }
        return columns;
    }

    /**
     * Returns one row's values by column name, or null after adding a problem when the line is not
     * valid CSV or has more values than the header has columns.
     */
    private static Map<String, String> readFields(Path file, int line, String text, List<String> columns,
                                                  List<SiteListProblem> problems) {
        String[] values;
        try {
            values = readRecord(text);
        } catch (JsonProcessingException e) {
            problems.add(csvProblem(file, line, text, e));
            return null;
        }
        // Spreadsheet programs pad short rows with empty values, which carry nothing to lose.
        boolean extraValues = Arrays.stream(values).skip(columns.size()).anyMatch(value -> !value.isBlank());
        if (extraValues) {
            problems.add(new SiteListProblem(file, line, "the row has " + values.length + " values, but the header "
                    + "has " + columns.size() + " columns (" + String.join(",", columns) + ")", QUOTING_FIX
                    + ", or remove the extra values."));
            return null;
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < Math.min(values.length, columns.size()); i++) {
            row.putIfAbsent(columns.get(i), values[i]);
        }
        return row;
    }

    private static String[] readRecord(String text) throws JsonProcessingException {
        try (MappingIterator<String[]> records = CSV_RECORD.readValues(text)) {
            return records.hasNextValue() ? records.nextValue() : new String[0];
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // The text is in memory, so only the parser's own errors above can occur.
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Describes a line that Jackson could not read as one CSV record. */
    private static SiteListProblem csvProblem(Path file, int line, String text, JsonProcessingException e) {
        if (endsInsideQuotes(text)) {
            return new SiteListProblem(file, line, "unclosed quote: a value on this line opens a double quote "
                    + "and does not close it, so the row was skipped", "Close the quote on the same line, or "
                    + "remove it. " + QUOTING_FIX + ".");
        }
        // Jackson's offset is that of the last character it read, which is the unexpected one.
        JsonLocation location = e.getLocation();
        long offset = location == null ? -1 : location.getCharOffset();
        if (offset < 0 || offset >= text.length()) {
            return new SiteListProblem(file, line, "the row is not valid CSV: " + e.getOriginalMessage(),
                    QUOTING_FIX + ".");
        }
        char found = text.charAt((int) offset);
        boolean afterQuote = text.substring(0, (int) offset).stripTrailing().endsWith("\"");
        return new SiteListProblem(file, line, "stray character '" + found + "' at column " + (offset + 1)
                + (afterQuote ? " after the closing quote of a value" : ": " + e.getOriginalMessage())
                + ", so the row was skipped", QUOTING_FIX + ".");
    }

    /** Returns whether the line ends inside a quoted value: a closing quote at its end makes it valid CSV. */
    private static boolean endsInsideQuotes(String text) {
        try {
            readRecord(text + "\"");
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Replaces the host of a URL with its IDNA ASCII form, since java.net.URI takes ASCII host names only. */
    private static String asciiHost(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 && !hostPort.startsWith("[") ? hostPort.substring(0, colon) : hostPort;
        String port = host.length() < hostPort.length() ? hostPort.substring(host.length()) : "";
        String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        return url.substring(0, start) + userInfo + ascii + port + url.substring(end);
    }

    private static void readRow(Path file, int line, Map<String, String> row, Map<URI, Integer> firstLineOfUrl,
                                List<Site> sites, List<SiteListProblem> problems) {
        String rawUrl = row.getOrDefault("url", "").trim();
        if (rawUrl.isEmpty()) {
            problems.add(new SiteListProblem(file, line, "missing url",
                    "Put the site's address in the 'url' column, such as https://www.gov.cn/."));
            return;
        }
        URI url;
        try {
            url = normaliseUrl(rawUrl);
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(new SiteListProblem(file, line, "invalid url '" + rawUrl + "': " + e.getMessage(),
                    "Write an http or https address with a host name, such as https://www.gov.cn/."));
            return;
        }
        Integer firstLine = firstLineOfUrl.putIfAbsent(url, line);
        if (firstLine != null) {
            problems.add(new SiteListProblem(file, line, "duplicate url " + url + ": line " + firstLine
                    + " has the same address", "Remove one of the two rows."));
            return;
        }
        sites.add(new Site(url, row.getOrDefault("name", url.getHost()).trim(),
                row.getOrDefault("province", "").trim(), row.getOrDefault("level", "").trim(),
                tags(row.getOrDefault("tags", "")), line));
    }

    /** A site list that cannot be read at all, with a message naming the file and the fix. */
    static final class SiteListException extends IllegalArgumentException {
        SiteListException(String message) {
            super(message);
        }

        SiteListException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Returns the normalised host of a host name or URL as a user types it (any case, with or
     * without scheme, internationalised), or the text unchanged when it is not a valid URL.
     */
    public static String hostOf(String text) {
        try {
            return normaliseUrl(text.trim()).getHost();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return text;
        }
    }

    /** Splits the optional {@code tags} column, whose tags are separated by semicolons. */
    private static List<String> tags(String column) {
        return Arrays.stream(column.split(";")).map(String::trim).filter(tag -> !tag.isEmpty()).toList();
    }

    /**
     * Adds a missing scheme (https) and path, converts an internationalised host name to its
     * ASCII (punycode) form, lower-cases the host, and drops a trailing dot of the host and the
     * scheme's default port.
     */
    static URI normaliseUrl(String raw) throws URISyntaxException {
        String text = raw.contains("://") ? raw : "https://" + raw;
        URI uri = new URI(asciiHost(text));
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, not " + scheme);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host name");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // The scheme's own port is left out, so that https://a.cn:443/ and https://a.cn are one site.
        boolean defaultPort = uri.getPort() == (scheme.equals("http") ? 80 : 443);
        String port = uri.getPort() < 0 || defaultPort ? "" : ":" + uri.getPort();
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        // A fully qualified name's trailing dot names the same host, so www.gov.cn. repeats www.gov.cn.
        String host = uri.getHost().endsWith(".") ? uri.getHost().substring(0, uri.getHost().length() - 1)
                : uri.getHost();
        return new URI(scheme + "://" + (userInfo + host + port).toLowerCase(Locale.ROOT) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
