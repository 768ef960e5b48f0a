package org.geowall.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field tables of {@code docs/results-schema.md}, read from the document itself, and a check
 * of result lines against them: no undocumented field, every "always" field present, types as documented.
 */
public final class ResultsSchema {

    public static final Path DOCUMENT = Path.of("docs/results-schema.md");

    private static final Pattern OBJECT_MARKER = Pattern.compile("<!-- object: ([a-z_]+) -->");
    private static final Pattern FIELD_ROW = Pattern.compile("^\\| `([a-z_]+)` \\| ([^|]+) \\| (yes|no) \\|");

    /** A documented field: its type as written (string, integer, object, map, list of X...) and whether it is always present. */
    record Field(String type, boolean always) {
    }

    private final Map<String, Map<String, Field>> objects;

    private ResultsSchema(Map<String, Map<String, Field>> objects) {
        this.objects = objects;
    }

    public static ResultsSchema read(Path document) throws IOException {
        Map<String, Map<String, Field>> objects = new LinkedHashMap<>();
        Map<String, Field> current = null;
        for (String line : Files.readAllLines(document)) {
            Matcher marker = OBJECT_MARKER.matcher(line);
            if (marker.find()) {
                current = new LinkedHashMap<>();
                objects.put(marker.group(1), current);
                continue;
            }
            Matcher row = FIELD_ROW.matcher(line);
            if (current != null && row.find()) {
                current.put(row.group(1), new Field(row.group(2).trim(), row.group(3).equals("yes")));
            }
        }
        return new ResultsSchema(objects);
    }

    public Map<String, Map<String, Field>> objects() {
        return objects;
    }

    /** Returns every difference between a result line and the document; empty when the line conforms. */
    public List<String> check(JsonNode line) {
        return check(line, "result");
    }

    /** Returns every difference between a line and the document's table of the named object. */
    public List<String> check(JsonNode line, String objectName) {
        List<String> problems = new ArrayList<>();
        check(line, objectName, "", problems);
        return problems;
    }

    private void check(JsonNode node, String objectName, String path, List<String> problems) {
        Map<String, Field> fields = objects.get(objectName);
        if (fields == null) {
            problems.add(path + ": object '" + objectName + "' is not documented");
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Field field = fields.get(name);
            if (field == null) {
                problems.add(path + name + ": not documented in " + DOCUMENT);
            } else {
                checkValue(node.get(name), name, field.type(), path + name, problems);
            }
        }
        fields.forEach((name, field) -> {
            if (field.always() && !node.has(name)) {
                problems.add(path + name + ": documented as always present, but missing");
            }
        });
    }

    private void checkValue(JsonNode value, String name, String type, String path, List<String> problems) {
        boolean valid = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "map" -> value.isObject();
            case "object" -> value.isObject();
            default -> type.startsWith("list of ") && value.isArray();
        };
        if (!valid) {
            problems.add(path + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (type.equals("object")) {
            check(value, name, path + ".", problems);
        } else if (type.startsWith("list of ")) {
            String elementType = type.substring("list of ".length());
            for (int i = 0; i < value.size(); i++) {
                if (objects.containsKey(elementType)) {
                    check(value.get(i), elementType, path + "[" + i + "].", problems);
                } else {
                    checkValue(value.get(i), elementType, elementType, path + "[" + i + "]", problems);
                }
            }
        }
    }
}
