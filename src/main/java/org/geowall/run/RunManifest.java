package org.geowall.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geowall.config.Budgets;
import org.geowall.config.ConfigException;
import org.geowall.config.DriversConfig;
import org.geowall.report.Json;
import org.geowall.site.SiteList;

/** Writes {@code run.json}: what a run measured and how, without any credential. */
final class RunManifest {

    private RunManifest() {
    }

    static void write(RunFolder folder, String suiteName, DriversConfig config, List<Vantage> vantages,
                      List<String> measuredVantages, SiteList siteList, Budgets budgets) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("run_id", folder.runId());
        manifest.put("suite", suiteName);
        manifest.put("world", config.world().name().toLowerCase());
        manifest.put("written_at", Instant.now().toString());
        manifest.put("drivers_file", config.file().toString());
        manifest.put("driver", config.driver());
        manifest.put("budgets", budgets);
        manifest.put("site_list", siteList.file().toString());
        manifest.put("sites", siteList.sites().size());
        manifest.put("site_list_problems", siteList.problems().stream().map(Object::toString).toList());
        manifest.put("vantages", vantages.stream().map(RunManifest::describe).toList());
        manifest.put("measured_vantages", measuredVantages);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.root().resolve("run.json").toFile(), manifest);
    }

    /** Returns the run.json of a run folder, or empty for a run written before run.json existed. */
    private static Optional<JsonNode> started(RunFolder folder) throws IOException {
        Path manifest = folder.root().resolve("run.json");
        return Files.exists(manifest) ? Optional.of(Json.MAPPER.readTree(manifest.toFile())) : Optional.empty();
    }

    /**
     * Refuses to resume a run with another site list than the one it started with, since the lab's
     * world and the results would then mix two lists.
     */
    static void requireSameSiteList(RunFolder folder, SiteList siteList) throws IOException {
        String started = started(folder).map(run -> run.path("site_list").asText("")).orElse("");
        if (!started.isEmpty() && !started.equals(siteList.file().toString())) {
            throw new ConfigException("Run " + folder.runId() + " measured the site list "
                    + started + ", not " + siteList.file() + ". Resume it with that list, or start a new run "
                    + "without resume.");
        }
    }

    /** Rejects a resume in another world than the run started in, since lab and real results do not mix. */
    static void requireSameWorld(RunFolder folder, DriversConfig config) throws IOException {
        String started = started(folder).map(run -> run.path("world").asText("")).orElse("");
        String world = config.world().name().toLowerCase();
        if (!started.isEmpty() && !started.equals(world)) {
            throw new ConfigException("Run " + folder.runId() + " measured the " + started
                    + " world, not the " + world + " world. Resume it with --world " + started + " (or -Dworld="
                    + started + "), or start a new run without resume.");
        }
    }

    /**
     * Rejects a resume with other repeats or another repeat policy than the run started with,
     * because its pairs would then be judged by different numbers of attempts.
     */
    static void requireSameRepeats(RunFolder folder, Budgets budgets) throws IOException {
        Optional<JsonNode> run = started(folder);
        if (run.isEmpty()) {
            return;
        }
        JsonNode started = run.get().path("budgets");
        JsonNode repeats = started.path("repeats");
        if (repeats.isInt() && repeats.asInt() != budgets.attempts()) {
            throw new ConfigException("Run " + folder.runId() + " started with "
                    + repeats.asInt() + " attempts per pair, but this resume asks for " + budgets.attempts()
                    + ". Resume it with --repeats " + repeats.asInt() + " (or -Drepeats=" + repeats.asInt()
                    + "), or start a new run without resume.");
        }
        JsonNode repeatAccessible = started.path("repeat_accessible");
        if (repeatAccessible.isBoolean() && repeatAccessible.asBoolean() != budgets.repeatsAccessible()) {
            throw new ConfigException("Run " + folder.runId() + " started with "
                    + "budgets.repeat_accessible " + repeatAccessible.asBoolean() + ", but this resume has "
                    + budgets.repeatsAccessible() + ". Resume it with the drivers file it started with ("
                    + run.get().path("drivers_file").asText("see run.json")
                    + "), or start a new run without resume.");
        }
    }

    /**
     * Rejects a resume that measures other vantages than the run started with, because the run
     * would then hold some sites from more vantages than others.
     */
    static void requireSameVantages(RunFolder folder, List<String> measuredVantages) throws IOException {
        JsonNode started = started(folder).map(run -> run.path("measured_vantages")).orElse(null);
        if (started == null || !started.isArray()) {
            return;
        }
        List<String> names = new ArrayList<>();
        started.forEach(name -> names.add(name.asText()));
        if (!new HashSet<>(names).equals(new HashSet<>(measuredVantages))) {
            throw new ConfigException("Run " + folder.runId() + " measured the vantages "
                    + String.join(",", names) + ", not " + String.join(",", measuredVantages) + ". Resume it with "
                    + "--vantages " + String.join(",", names) + " (or the suite's vantages parameter), or start a "
                    + "new run without resume.");
        }
    }

    private static Map<String, Object> describe(Vantage vantage) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", vantage.name());
        description.put("country", vantage.country());
        description.put("control", vantage.control());
        description.put("proxy", vantage.proxy().server().toString());
        return description;
    }
}
