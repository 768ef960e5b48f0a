package org.geowall.lab;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geowall.report.Json;
import org.geowall.verdict.Verdict;

/** The verdict each (site, vantage) pair of a lab world should get. */
public final class GroundTruth {

    /** One expected verdict, and the expected timeout cause ({@code geo}, {@code global}) or null. */
    public record Entry(URI url, String vantage, Scenario scenario, Verdict verdict, String timeoutCause) {
    }

    private final List<Entry> entries;

    GroundTruth(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static GroundTruth of(List<LabSite> sites, List<SiteSpec> specs, List<LabVantage> vantages) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            LabSite site = sites.get(i);
            for (LabVantage vantage : vantages) {
                boolean home = vantage.country().equals(site.homeCountry());
                Verdict verdict = site.scenario().verdictFor(home);
                entries.add(new Entry(specs.get(i).url(), vantage.country(), site.scenario(), verdict,
                        site.scenario().timeoutCauseFor(home)));
            }
        }
        return new GroundTruth(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Returns the expected verdict of a pair, or empty when the world does not contain it. */
    public Optional<Verdict> expected(String url, String vantage) {
        return entries.stream()
                .filter(entry -> entry.url().toString().equals(url) && entry.vantage().equals(vantage))
                .map(Entry::verdict)
                .findFirst();
    }

    /**
     * Writes the ground truth as a JSON array of objects with the fields of the CSV: {@code url},
     * {@code vantage}, {@code verdict}, {@code scenario} and {@code timeout_cause} (empty when the
     * pair should not time out), each a string.
     */
    public void writeJson(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("url", entry.url().toString());
            row.put("vantage", entry.vantage());
            row.put("verdict", entry.verdict().id());
            row.put("scenario", entry.scenario().id());
            row.put("timeout_cause", entry.timeoutCause() == null ? "" : entry.timeoutCause());
            rows.add(row);
        }
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
    }

    /** Writes the ground truth as CSV with the header {@code url,vantage,verdict,scenario,timeout_cause}. */
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("url,vantage,verdict,scenario,timeout_cause\n");
            for (Entry entry : entries) {
                out.write(entry.url() + "," + entry.vantage() + "," + entry.verdict().id() + ","
                        + entry.scenario().id() + "," + (entry.timeoutCause() == null ? "" : entry.timeoutCause())
                        + "\n");
            }
        }
    }
}
