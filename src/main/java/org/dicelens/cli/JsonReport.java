package org.dicelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;

/**
 * JSON of the command line: one object per case with the keys of the issue ("Command line"), classes as a list.
 * Undefined numbers (NaN, and the infinities JSON cannot hold) are written as null.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonReport() {
    }

    public static ObjectNode toNode(CaseMetrics m) {
        ObjectNode o = F.objectNode();
        for (Map.Entry<String, Object> e : ReportKeys.caseValues(m).entrySet()) {
            put(o, e.getKey(), e.getValue());
            if (e.getKey().equals("mode")) {
                // the issue lists classes right after mode; keep that order for readers who look at the file
                ArrayNode classes = o.putArray("classes");
                for (ClassMetrics c : m.classes()) {
                    ObjectNode co = classes.addObject();
                    ReportKeys.classValues(c).forEach((k, v) -> put(co, k, v));
                }
            }
        }
        return o;
    }

    /** One case as a JSON object (single evaluation). */
    public static String of(CaseMetrics m) {
        return write(toNode(m));
    }

    /** Several cases as a JSON array of case objects (batch). */
    public static String of(List<CaseMetrics> cases) {
        ArrayNode a = F.arrayNode();
        cases.forEach(m -> a.add(toNode(m)));
        return write(a);
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation failed", e);
        }
    }

    private static void put(ObjectNode o, String key, Object v) {
        if (v == null) {
            o.putNull(key);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                o.put(key, d);
            } else {
                o.putNull(key);
            }
        } else if (v instanceof Float f) {
            put(o, key, f.doubleValue());
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else if (v instanceof Integer i) {
            o.put(key, i);
        } else if (v instanceof Boolean b) {
            o.put(key, b);
        } else {
            o.put(key, v.toString());
        }
    }
}
