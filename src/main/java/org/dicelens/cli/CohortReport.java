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
import org.dicelens.app.report.Reporter;

/**
 * The files of {@code dicelens cohort}. JSON: {@code {"cases": [...as evaluate writes...], "failed": [{"case",
 * "error"}], "summary": [...one object per class...]}}; CSV: the summary rows. Summary keys are the components of
 * {@link ClassSummary}, then those of any {@link Columns} (the raters' means, the spatial summary) but their label;
 * undefined numbers are null in JSON and empty in CSV, as in evaluate's reports.
 */
final class CohortReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** More columns for each summary row: one record of {@code type} per row, in the summary's order. */
    record Columns(Class<? extends Record> type, List<? extends Record> rows) {
    }

    private CohortReport() {
    }

    static List<String> summaryKeys() {
        return keys(ClassSummary.class, false);
    }

    static List<Object> summaryValues(ClassSummary s) {
        return values(s, false);
    }

    /** The keys {@code extra} adds to each row (the record's components but label). */
    static List<String> extraKeys(Class<? extends Record> type) {
        return keys(type, true);
    }

    private static List<String> keys(Class<? extends Record> type, boolean skipLabel) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (!(skipLabel && rc.getName().equals("label"))) {
                keys.add(rc.getName());
            }
        }
        return keys;
    }

    private static List<Object> values(Record r, boolean skipLabel) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            if (!(skipLabel && rc.getName().equals("label"))) {
                try {
                    values.add(rc.getAccessor().invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + rc.getName(), e);
                }
            }
        }
        return values;
    }

    private static List<String> rowKeys(List<Columns> extra) {
        List<String> keys = summaryKeys();
        extra.forEach(c -> keys.addAll(extraKeys(c.type())));
        return keys;
    }

    private static List<Object> rowValues(List<ClassSummary> summary, int row, List<Columns> extra) {
        List<Object> values = summaryValues(summary.get(row));
        extra.forEach(c -> values.addAll(values(c.rows().get(row), true)));
        return values;
    }

    /** @param failed case name → reason, in name order */
    static String json(List<CaseMetrics> cases, Map<String, String> failed, List<ClassSummary> summary) {
        return json(Reporter.standard(), cases, failed, summary, List.of());
    }

    /**
     * @param reporter the cases' reporter (with the rater or spatial section when asked for)
     * @param extra    more columns for the summary rows
     */
    static String json(Reporter reporter, List<CaseMetrics> cases, Map<String, String> failed,
            List<ClassSummary> summary, List<Columns> extra) {
        ObjectNode root = F.objectNode();
        ArrayNode cs = root.putArray("cases");
        cases.forEach(m -> cs.add(reporter.toNode(m)));
        ArrayNode fs = root.putArray("failed");
        failed.forEach((name, why) -> fs.addObject().put("case", name).put("error", why));
        ArrayNode ss = root.putArray("summary");
        List<String> keys = rowKeys(extra);
        for (int row = 0; row < summary.size(); row++) {
            ObjectNode o = ss.addObject();
            List<Object> values = rowValues(summary, row, extra);
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
        return csv(summary, List.of());
    }

    /** The summary rows, each followed by the {@code extra} columns. */
    static String csv(List<ClassSummary> summary, List<Columns> extra) {
        Csv csv = new Csv(rowKeys(extra));
        for (int row = 0; row < summary.size(); row++) {
            csv.row(rowValues(summary, row, extra).toArray());
        }
        return csv.toString();
    }
}
