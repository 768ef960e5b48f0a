package org.geowall.report.allure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.geowall.report.allure.AllureResultsFolder.StoredResult;

/**
 * Attaches the run's verdict summary (the chart as PNG and SVG, and the table as text) to the
 * report as a tear-down fixture of one container around all of the run's results. Allure shows
 * it under "Tear down" on every load's page, and a fixture does not count as a test, so the
 * report's totals stay the number of loads.
 */
final class RunSummaryAttachment {

    static final String FIXTURE_NAME = "run summary: verdict share per vantage";

    private RunSummaryAttachment() {
    }

    /** Writes the container, named after the run, so that a resumed run replaces its earlier one. */
    static void write(AllureResultsFolder folder, String runId, Path png, Path svg, String table) throws IOException {
        ObjectNode fixture = AllureResultsFolder.ALLURE_JSON.createObjectNode();
        long now = Instant.now().toEpochMilli();
        fixture.put("name", FIXTURE_NAME);
        fixture.put("status", "passed");
        fixture.put("stage", "finished");
        fixture.put("start", now);
        fixture.put("stop", now);
        ArrayNode attachments = fixture.putArray("attachments");
        attachments.add(folder.addAttachment(png, "verdict share per vantage (PNG)", "image/png", "png"));
        attachments.add(folder.addAttachment(svg, "verdict share per vantage (SVG)", "image/svg+xml", "svg"));
        attachments.add(folder.addAttachment(table, "verdict counts per vantage", "text/plain", "txt"));

        ObjectNode container = AllureResultsFolder.ALLURE_JSON.createObjectNode();
        String uuid = "geowall-run-" + runId.replaceAll("[^A-Za-z0-9_-]", "_");
        container.put("uuid", uuid);
        container.put("name", "Geowall run " + runId);
        ArrayNode children = container.putArray("children");
        for (StoredResult result : folder.results()) {
            children.add(result.uuid());
        }
        container.putArray("befores");
        container.putArray("afters").add(fixture);
        container.put("start", now);
        container.put("stop", now);
        folder.writeJson(uuid + "-container.json", container);
    }
}
