package org.dicelens.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;

/**
 * The keys of the reports, taken from the record components of {@link CaseMetrics} and {@link ClassMetrics} so the
 * JSON, the CSV and the engine cannot drift apart. {@code caseName} is written as {@code case}; the engine's flags
 * that are not among the keys (empty-Dice flags, clamped count, GDL terms) stay out of the files.
 */
final class ReportKeys {
    /** CaseMetrics components that are not report keys (the classes list is written separately). */
    private static final Set<String> CASE_SKIPPED = Set.of("classes", "softDiceEmpty", "hardDiceEmpty", "clampedValues",
            "gdlTerms");

    private ReportKeys() {
    }

    static String caseKey(String component) {
        return component.equals("caseName") ? "case" : component;
    }

    /** Case-level keys in record order, e.g. case, voxelMl, …, expLog. */
    static List<String> caseKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : CaseMetrics.class.getRecordComponents()) {
            if (!CASE_SKIPPED.contains(rc.getName())) {
                keys.add(caseKey(rc.getName()));
            }
        }
        return keys;
    }

    static List<String> classKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : ClassMetrics.class.getRecordComponents()) {
            keys.add(rc.getName());
        }
        return keys;
    }

    /** Case-level values by key (Double, Long, String …), in record order. */
    static Map<String, Object> caseValues(CaseMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : CaseMetrics.class.getRecordComponents()) {
            if (!CASE_SKIPPED.contains(rc.getName())) {
                out.put(caseKey(rc.getName()), get(rc, m));
            }
        }
        return out;
    }

    static Map<String, Object> classValues(ClassMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : ClassMetrics.class.getRecordComponents()) {
            out.put(rc.getName(), get(rc, m));
        }
        return out;
    }

    private static Object get(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc.getName(), e);
        }
    }
}
