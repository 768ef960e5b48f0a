package org.geowall.verdict;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports HTTP fingerprints in the column layout of OONI's public blocking-fingerprints CSV:
 * {@code name, scope, other_names, location_found, pattern_type, pattern, confidence_no_fp,
 * expected_countries, source, exp_url, notes}. Rows with scope {@code fp} become false positives;
 * the others become {@code block_page} signatures.
 */
public final class OoniFingerprints {

    private OoniFingerprints() {
    }

    public static SignatureSet read(Path csv) {
        List<Signature> falsePositives = new ArrayList<>();
        List<Signature> signatures = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                // The parser stands at the start of the next line once a row is read.
                int line = rows.getCurrentLocation().getLineNr() - 1;
                Signature signature = toSignature(csv, line, row);
                if ("fp".equals(row.getOrDefault("scope", "").trim())) {
                    falsePositives.add(signature);
                } else {
                    signatures.add(signature);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("OONI fingerprint file " + csv + " could not be read: " + e.getMessage()
                    + ". Expected the columns name,scope,location_found,pattern_type,pattern,...", e);
        }
        SignatureSet.validate(csv.toString(), falsePositives, signatures);
        return new SignatureSet("ooni:" + csv.getFileName(), falsePositives, signatures);
    }

    private static Signature toSignature(Path csv, int line, Map<String, String> row) {
        String name = required(csv, line, row, "name");
        String location = required(csv, line, row, "location_found").toLowerCase(Locale.ROOT);
        String regex = regex(csv, line, required(csv, line, row, "pattern_type"), required(csv, line, row, "pattern"));
        Signature.Match match;
        if (location.equals("body")) {
            match = new Signature.Match(null, null, null, null, regex, null);
        } else if (location.startsWith("header.")) {
            match = new Signature.Match(null, new Signature.HeaderPattern(location.substring(7), regex), null, null,
                    null, null);
        } else {
            throw new IllegalArgumentException(csv + ":" + line + ": location_found '" + location
                    + "' is not supported. Use body or header.<name>.");
        }
        return new Signature("ooni:" + name, row.getOrDefault("scope", ""), Verdict.BLOCK_PAGE, match,
                row.getOrDefault("source", "ooni"), row.getOrDefault("notes", ""));
    }

    private static String regex(Path csv, int line, String type, String pattern) {
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> "^" + Pattern.quote(pattern) + "$";
            case "prefix" -> "^" + Pattern.quote(pattern);
            case "contains" -> Pattern.quote(pattern);
            case "regexp", "regex" -> pattern;
            default -> throw new IllegalArgumentException(csv + ":" + line + ": pattern_type '" + type
                    + "' is not supported. Use full, prefix, contains or regexp.");
        };
    }

    private static String required(Path csv, int line, Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(csv + ":" + line + ": missing '" + column + "'");
        }
        return value;
    }
}
