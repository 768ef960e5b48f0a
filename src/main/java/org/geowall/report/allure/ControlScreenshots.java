package org.geowall.report.allure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geowall.capture.PageLoad;
import org.geowall.report.ResultLine;
import org.geowall.report.allure.AllureResultsFolder.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the control vantage's screenshot of a site beside each other vantage's load of it. In a
 * parallel run the control load of a site may finish after the others, so this runs once all
 * loads have ended. For each stored Allure result it finds the control's first attempt at the
 * same URL and adds its screenshot as an attachment. Running it again adds nothing twice.
 */
final class ControlScreenshots {

    private static final Logger log = LoggerFactory.getLogger(ControlScreenshots.class);

    private ControlScreenshots() {
    }

    /** Returns the attachment name, such as {@code control screenshot (CN)}. */
    static String attachmentName(String controlVantage) {
        return "control screenshot (" + controlVantage + ")";
    }

    /** Adds the control screenshots and returns how many results got one. */
    static int add(AllureResultsFolder folder, List<ResultLine> lines, Path runFolder) throws IOException {
        Map<String, ResultLine> controlLoads = new HashMap<>();
        for (ResultLine line : lines) {
            if (line.control()) {
                controlLoads.put(key(line.url(), String.valueOf(line.attempt())), line);
            }
        }
        int added = 0;
        for (StoredResult result : folder.results()) {
            if (addTo(result, controlLoads, folder, runFolder)) {
                added++;
            }
        }
        return added;
    }

    private static boolean addTo(StoredResult result, Map<String, ResultLine> controlLoads,
                                 AllureResultsFolder folder, Path runFolder) {
        String url = result.parameter("url");
        // Results made before repeats were grouped carry an attempt parameter; a pair's result shows the first.
        String attempt = result.parameter("attempt") == null ? "1" : result.parameter("attempt");
        ResultLine control = url == null ? null : controlLoads.get(key(url, attempt));
        if (control == null || control.vantage().equals(result.parameter("vantage"))) {
            return false;
        }
        String name = attachmentName(control.vantage());
        String screenshot = control.evidence() == null ? null : control.evidence().get(PageLoad.SCREENSHOT);
        if (result.hasAttachment(name) || screenshot == null || !Files.exists(runFolder.resolve(screenshot))) {
            return false;
        }
        try {
            result.addAttachment(folder.addAttachment(runFolder.resolve(screenshot), name, "image/png", "png"));
            result.save();
            return true;
        } catch (IOException e) {
            log.error("Could not add the control screenshot of {} to {}", url, result.file(), e);
            return false;
        }
    }

    private static String key(String url, String attempt) {
        return url + " " + attempt;
    }
}
