package org.geowall.site;

import java.nio.file.Path;

/**
 * A site list row that was skipped: where it is, what is wrong with it, and how to fix it.
 *
 * @param file    the site list
 * @param line    the 1-based line of the row in the file
 * @param message what is wrong, with the value at fault
 * @param fix     what the user should change in the file
 */
public record SiteListProblem(Path file, int line, String message, String fix) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message + ". " + fix;
    }
}
