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
import org.dicelens.metrics.raters.RaterCohortClass;

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

    /** @param failed case name → reason, in name order */
    static String json(List<CaseMetrics> cases, Map<String, String> failed, List<ClassSummary> summary) {
        return json(cases, failed, summary, org.dicelens.app.report.Reporter.standard(), null);
    }

    /** Keys of the raters' means appended to each summary row (the components of {@link RaterCohortClass} but label). */
    static List<String> raterKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : RaterCohortClass.class.getRecordComponents()) {
            if (!rc.getName().equals("label")) {
                keys.add(rc.getName());
            }
        }
        return keys;
    }

    private static List<Object> raterValues(RaterCohortClass r) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent rc : RaterCohortClass.class.getRecordComponents()) {
            if (!rc.getName().equals("label")) {
                try {
                    values.add(rc.getAccessor().invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + rc.getName(), e);
                }
            }
        }
        return values;
    }

    /**
     * With several raters: the cases written by {@code reporter} (with the rater keys) and each summary row followed by
     * the raters' means of its class ({@code raters} in the summary's order; null for none).
     */
    static String json(List<CaseMetrics> cases, Map<String, String> failed, List<ClassSummary> summary,
            org.dicelens.app.report.Reporter reporter, List<RaterCohortClass> raters) {
        ObjectNode root = F.objectNode();
        ArrayNode cs = root.putArray("cases");
        cases.forEach(m -> cs.add(reporter.toNode(m)));
        ArrayNode fs = root.putArray("failed");
        failed.forEach((name, why) -> fs.addObject().put("case", name).put("error", why));
        ArrayNode ss = root.putArray("summary");
        for (int row = 0; row < summary.size(); row++) {
            ObjectNode o = ss.addObject();
            List<String> keys = new ArrayList<>(summaryKeys());
            List<Object> values = new ArrayList<>(summaryValues(summary.get(row)));
            if (raters != null) {
                keys.addAll(raterKeys());
                values.addAll(raterValues(raters.get(row)));
            }
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

    /** The summary rows, each followed by the raters' means of its class when {@code raters} is not null. */
    static String csv(List<ClassSummary> summary, List<RaterCohortClass> raters) {
        List<String> keys = new ArrayList<>(summaryKeys());
        if (raters != null) {
            keys.addAll(raterKeys());
        }
        Csv csv = new Csv(keys);
        for (int row = 0; row < summary.size(); row++) {
            List<Object> values = new ArrayList<>(summaryValues(summary.get(row)));
            if (raters != null) {
                values.addAll(raterValues(raters.get(row)));
            }
            csv.row(values.toArray());
        }
        return csv.toString();
    }
}
