package org.geowall.run;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geowall.config.Budgets;
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

    /**
     * Refuses to resume a run with another site list than the one it started with, since the lab's
     * world and the results would then mix two lists.
     */
    static void requireSameSiteList(RunFolder folder, SiteList siteList) throws IOException {
        java.nio.file.Path manifest = folder.root().resolve("run.json");
        if (!java.nio.file.Files.exists(manifest)) {
            return;
        }
        String started = Json.MAPPER.readTree(manifest.toFile()).path("site_list").asText("");
        if (!started.isEmpty() && !started.equals(siteList.file().toString())) {
            throw new org.geowall.config.ConfigException("Run " + folder.runId() + " measured the site list "
                    + started + ", not " + siteList.file() + ". Resume it with that list, or start a new run "
                    + "without resume.");
        }
    }

    /** Rejects a resume in another world than the run started in, since lab and real results do not mix. */
    static void requireSameWorld(RunFolder folder, DriversConfig config) throws IOException {
        java.nio.file.Path manifest = folder.root().resolve("run.json");
        if (!java.nio.file.Files.exists(manifest)) {
            return;
        }
        String started = Json.MAPPER.readTree(manifest.toFile()).path("world").asText("");
        String world = config.world().name().toLowerCase();
        if (!started.isEmpty() && !started.equals(world)) {
            throw new org.geowall.config.ConfigException("Run " + folder.runId() + " measured the " + started
                    + " world, not the " + world + " world. Resume it with --world " + started + " (or -Dworld="
                    + started + "), or start a new run without resume.");
        }
    }

    /**
     * Rejects a resume with other repeats or another repeat policy than the run started with,
     * because its pairs would then be judged by different numbers of attempts.
     */
    static void requireSameRepeats(RunFolder folder, Budgets budgets) throws IOException {
        java.nio.file.Path manifest = folder.root().resolve("run.json");
        if (!java.nio.file.Files.exists(manifest)) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode started = Json.MAPPER.readTree(manifest.toFile()).path("budgets");
        com.fasterxml.jackson.databind.JsonNode repeats = started.path("repeats");
        if (repeats.isInt() && repeats.asInt() != budgets.attempts()) {
            throw new org.geowall.config.ConfigException("Run " + folder.runId() + " started with "
                    + repeats.asInt() + " attempts per pair, but this resume asks for " + budgets.attempts()
                    + ". Resume it with --repeats " + repeats.asInt() + " (or -Drepeats=" + repeats.asInt()
                    + "), or start a new run without resume.");
        }
        com.fasterxml.jackson.databind.JsonNode repeatAccessible = started.path("repeat_accessible");
        if (repeatAccessible.isBoolean() && repeatAccessible.asBoolean() != budgets.repeatsAccessible()) {
            throw new org.geowall.config.ConfigException("Run " + folder.runId() + " started with "
                    + "budgets.repeat_accessible " + repeatAccessible.asBoolean() + ", but this resume has "
                    + budgets.repeatsAccessible() + ". Resume it with the drivers file it started with ("
                    + Json.MAPPER.readTree(manifest.toFile()).path("drivers_file").asText("see run.json")
                    + "), or start a new run without resume.");
        }
    }

    /**
     * Rejects a resume that measures other vantages than the run started with, because the run
     * would then hold some sites from more vantages than others.
     */
    static void requireSameVantages(RunFolder folder, List<String> measuredVantages) throws IOException {
        java.nio.file.Path manifest = folder.root().resolve("run.json");
        if (!java.nio.file.Files.exists(manifest)) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode started = Json.MAPPER.readTree(manifest.toFile())
                .path("measured_vantages");
        if (!started.isArray()) {
            return;
        }
        List<String> names = new java.util.ArrayList<>();
        started.forEach(name -> names.add(name.asText()));
        if (!new java.util.HashSet<>(names).equals(new java.util.HashSet<>(measuredVantages))) {
            throw new org.geowall.config.ConfigException("Run " + folder.runId() + " measured the vantages "
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
