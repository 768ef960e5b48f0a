package org.geowall.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a run folder from what a user typed: a folder, a run id, or latest. */
final class RunFolders {

    private RunFolders() {
    }

    static Path resolve(String run, Path reports) {
        Path direct = Path.of(run);
        if (Files.isRegularFile(direct.resolve("results.jsonl"))) {
            return direct;
        }
        Path folder = run.equals("latest") ? reports.resolve("latest") : reports.resolve("runs").resolve(run);
        if (!Files.isRegularFile(folder.resolve("results.jsonl"))) {
            throw new IllegalArgumentException("No results.jsonl in " + folder + ". Give a run folder, a run id "
                    + "(runs are listed in " + reports.resolve("runs") + "), or latest.");
        }
        return folder;
    }
}
