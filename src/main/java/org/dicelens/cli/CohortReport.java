package org.dicelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.app.report.Csv;
import org.dicelens.metrics.cohort.ClassSummary;
import org.dicelens.metrics.cohort.SpatialClassSummary;

/**
 * The files of {@code dicelens cohort}. JSON: {@code {"cases": [...as evaluate writes...], "failed": [{"case",
 * "error"}], "summary": [...one object per class...]}}; CSV: the summary rows. Summary keys are the components of
 * {@link ClassSummary}; undefined numbers are null in JSON and empty in CSV, as in evaluate's reports.
 */
final class CohortReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CohortReport() {
    }

    static List<String> summaryKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : ClassSummary.class.getRecordComponents()) {
            keys.add(rc.getName());
        }
        return keys;
    }

    static List<Object> summaryValues(ClassSummary s) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent rc : ClassSummary.class.getRecordComponents()) {
            try {
                values.add(rc.getAccessor().invoke(s));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + rc.getName(), e);
            }
        }
        return values;
    }

    /** The {@code cohort --spatial} keys, after the summary's (the label is not repeated). */
    static List<String> spatialKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : SpatialClassSummary.class.getRecordComponents()) {
            if (!rc.getName().equals("label")) {
                keys.add(rc.getName());
            }
        }
        return keys;
    }

    private static List<Object> spatialValues(SpatialClassSummary s) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent rc : SpatialClassSummary.class.getRecordComponents()) {
            if (!rc.getName().equals("label")) {
                try {
                    values.add(rc.getAccessor().invoke(s));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + rc.getName(), e);
                }
            }
        }
        return values;
    }

    /** Keys and values of one summary row: the class's, then (when given) its spatial ones. */
    private static List<Object> rowValues(ClassSummary s, List<SpatialClassSummary> spatial) {
        List<Object> values = summaryValues(s);
        if (spatial != null) {
            SpatialClassSummary sp = spatial.stream().filter(x -> x.label() == s.label()).findFirst().orElseThrow();
            values.addAll(spatialValues(sp));
        }
        return values;
    }

    private static List<String> rowKeys(List<SpatialClassSummary> spatial) {
        List<String> keys = summaryKeys();
        if (spatial != null) {
            keys.addAll(spatialKeys());
        }
        return keys;
    }

    /** @param failed case name → reason, in name order */
    static String json(List<CaseMetrics> cases, Map<String, String> failed, List<ClassSummary> summary) {
        return json(org.dicelens.app.report.Reporter.standard(), cases, failed, summary, null);
    }

    /**
     * @param reporter the cases' reporter (with the spatial section under --spatial)
     * @param spatial  per class the spatial keys (matched by label), or null without --spatial
     */
    static String json(org.dicelens.app.report.Reporter reporter, List<CaseMetrics> cases, Map<String, String> failed,
            List<ClassSummary> summary, List<SpatialClassSummary> spatial) {
        ObjectNode root = F.objectNode();
        ArrayNode cs = root.putArray("cases");
        cases.forEach(m -> cs.add(reporter.toNode(m)));
        ArrayNode fs = root.putArray("failed");
        failed.forEach((name, why) -> fs.addObject().put("case", name).put("error", why));
        ArrayNode ss = root.putArray("summary");
        List<String> keys = rowKeys(spatial);
        for (ClassSummary s : summary) {
            ObjectNode o = ss.addObject();
            List<Object> values = rowValues(s, spatial);
            for (int i = 0; i < keys.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Double d) {
                    if (Double.isFinite(d)) {
                        o.put(keys.get(i), d);
                    } else {
                        o.putNull(keys.get(i));
                    }
                } else if (v instanceof Integer n) {
                    o.put(keys.get(i), n);
                } else if (v instanceof Long n) {
                    o.put(keys.get(i), n);
                } else {
                    o.put(keys.get(i), String.valueOf(v));
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation failed", e);
        }
    }

    static String csv(List<ClassSummary> summary) {
        return csv(summary, null);
    }

    static String csv(List<ClassSummary> summary, List<SpatialClassSummary> spatial) {
        Csv csv = new Csv(rowKeys(spatial));
        for (ClassSummary s : summary) {
            csv.row(rowValues(s, spatial).toArray());
        }
        return csv.toString();
    }
}
