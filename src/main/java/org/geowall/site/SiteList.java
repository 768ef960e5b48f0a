package org.geowall.site;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A site list read from CSV with the header {@code url,name,province,level}. Rows that cannot be
 * read become {@link SiteListProblem}s with their line number, and the good rows still run.
 */
public record SiteList(Path file, List<Site> sites, List<SiteListProblem> problems) {

    private static final CsvMapper CSV = new CsvMapper();

    /** Reads a site list; a missing file or header is an error, a bad row is a problem. */
    public static SiteList read(Path file) {
        List<Site> sites = new ArrayList<>();
        List<SiteListProblem> problems = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                     .with(schema).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(reader)) {
            requireUrlColumn(file, rows);
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                int line = lineOfRowJustRead(rows.getCurrentLocation());
                readRow(file, line, row, seen, sites, problems);
            }
        } catch (SiteListException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Site list not found: " + file.toAbsolutePath()
                    + ". Check the suite's 'sites' parameter.", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Site list " + file + " could not be read: " + e.getMessage()
                    + ". Expected UTF-8 CSV with the header url,name,province,level.", e);
        }
        return new SiteList(file, List.copyOf(sites), List.copyOf(problems));
    }

    /**
     * Returns the line of the row just read. The parser stands after it: at column 1 of the next
     * line, unless the row was the last line of a file without a final newline.
     */
    private static int lineOfRowJustRead(JsonLocation location) {
        return location.getColumnNr() <= 1 ? location.getLineNr() - 1 : location.getLineNr();
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

    private static void readRow(Path file, int line, Map<String, String> row, Set<URI> seen,
                                List<Site> sites, List<SiteListProblem> problems) {
        String rawUrl = row.getOrDefault("url", "").trim();
        if (rawUrl.isEmpty()) {
            problems.add(new SiteListProblem(file, line, "missing url: every row needs one in the 'url' column"));
            return;
        }
        URI url;
        try {
            url = normaliseUrl(rawUrl);
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(new SiteListProblem(file, line, "invalid url '" + rawUrl + "': " + e.getMessage()));
            return;
        }
        if (!seen.add(url)) {
            problems.add(new SiteListProblem(file, line, "duplicate url " + url + ": remove the repeated row"));
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
    }

    /** Skips the byte order mark that spreadsheet programs put at the start of "CSV UTF-8" files. */
    private static Reader withoutByteOrderMark(java.io.BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static void requireUrlColumn(Path file, MappingIterator<Map<String, String>> rows) throws IOException {
        if (!rows.hasNextValue()) {
            return;
        }
        CsvSchema header = (CsvSchema) rows.getParserSchema();
        if (header.column("url") == null) {
            List<String> found = new ArrayList<>();
            header.forEach(column -> found.add(column.getName()));
            throw new SiteListException(file + ":1: the header must start url,name,province,level (lower case), "
                    + "but it is " + String.join(",", found) + ". Add or fix the header line.");
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
     * ASCII (punycode) form, and lower-cases the host.
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
        return new URI(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
