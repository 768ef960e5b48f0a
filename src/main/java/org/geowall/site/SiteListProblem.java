package org.geowall.site;

import java.nio.file.Path;

/** A site list row that could not be read, with where it is and how to fix it. */
public record SiteListProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
