package org.dicelens.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/** A report value as a JSON node: NaN and the infinities JSON cannot hold as null, lists as arrays, maps as objects. */
final class JsonValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonValues() {
    }

    static JsonNode node(Object v) {
        if (v == null) {
            return F.nullNode();
        } else if (v instanceof Double d) {
            return Double.isFinite(d) ? F.numberNode(d) : F.nullNode();
        } else if (v instanceof Float f) {
            return node(f.doubleValue());
        } else if (v instanceof Long l) {
            return F.numberNode(l);
        } else if (v instanceof Integer i) {
            return F.numberNode(i);
        } else if (v instanceof Boolean b) {
            return F.booleanNode(b);
        } else if (v instanceof List<?> items) {
            ArrayNode a = F.arrayNode();
            items.forEach(x -> a.add(node(x)));
            return a;
        } else if (v instanceof Map<?, ?> fields) { // a nested record, e.g. one lesion of the spatial section
            com.fasterxml.jackson.databind.node.ObjectNode o = F.objectNode();
            fields.forEach((k, x) -> o.set(String.valueOf(k), node(x)));
            return o;
        }
        return F.textNode(v.toString());
    }
}
