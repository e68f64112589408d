package org.hrmobility.kit.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Turns what a list answers (its JSON) into CSV for Excel and its kin: UTF-8 with a byte order mark (so accents survive), a header
 * row, one row per item (a page's items; nested fields as {@code a.b}, lists joined with {@code "; "}), and every text
 * cell that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return) prefixed with an apostrophe
 * (OWASP's CSV injection advice). An object with {@code items} (a page with more, like the worklist) is written as its
 * items; any other object (figures) as {@code field,value} rows.
 */
public class CsvWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();

    public CsvWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The CSV of an answer's JSON body. */
    public byte[] fromJson(byte[] body) {
        return render(json.readTree(body));
    }

    byte[] render(Object body) {
        List<Map<String, String>> rows = rows(body);
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        // a nested object that was null in one row and filled in another is its fields' columns, not a column of its own
        columns.removeIf(column -> columns.stream().anyMatch(other -> other.startsWith(column + ".")));
        rows.forEach(row -> row.keySet().retainAll(columns));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        byte[] table = csv.writer(schema.build()).writeValueAsBytes(rows);
        if (columns.isEmpty()) {
            table = new byte[0];
        }
        byte[] all = new byte[BOM.length + table.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(table, 0, all, BOM.length, table.length);
        return all;
    }

    private List<Map<String, String>> rows(Object body) {
        JsonNode tree = body instanceof JsonNode node ? node : json.valueToTree(body);
        // a page (and a list answered with more than its page, like the worklist's counts and lag): its items are the rows
        Object items = tree.isObject() && tree.path("items").isArray() ? tree.get("items") : tree;
        if (items instanceof JsonNode node && node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.forEach(elements::add);
            items = elements;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (items instanceof Collection<?> collection) {
            for (Object item : collection) {
                Map<String, String> row = new LinkedHashMap<>();
                flatten("", item instanceof JsonNode node ? node : json.valueToTree(item), row);
                rows.add(row);
            }
            return rows;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", items instanceof JsonNode node ? node : json.valueToTree(items), fields);
        fields.forEach((field, value) -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("field", field);
            row.put("value", value);
            rows.add(row);
        });
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (!prefix.isEmpty()) {
                into.put(prefix, "");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); ) {
                JsonNode element = it.next();
                parts.add(element.isValueNode() ? element.asString() : element.toString());
            }
            into.put(prefix.isEmpty() ? "value" : prefix, safe(String.join("; ", parts)));
        } else {
            into.put(prefix.isEmpty() ? "value" : prefix, node.isNumber() ? node.asString() : safe(node.asString()));
        }
    }

    /** A text that Excel would read as a formula is written as text. */
    static String safe(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
