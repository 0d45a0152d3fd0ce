package org.dicelens.ui.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.common.InputException;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;

/**
 * The metrics as files, with the command line's fields: JSON is one object per case (the {@link CaseMetrics} record's
 * components, {@code case} for its name, NaN as null); CSV is one row per class with the case-level values repeated,
 * readable by pandas as it is. Written atomically and never over an input.
 */
public final class MetricsExport {
    private static final List<String> CASE_KEYS = List.of("voxelMl", "regionVoxels", "foregroundFraction", "mode", "gdl",
            "gdlScore", "gdlWeights", "emptyRule", "meanSoftDice", "meanHardDice", "ceMulticlass", "expLog");

    private MetricsExport() {
    }

    public static void writeJson(CaseMetrics m, Path target, Collection<Path> inputs) throws InputException {
        AtomicWriter.write(target, inputs, out -> mapper().writeValue(out, jsonTree(m)));
    }

    public static void writeCsv(CaseMetrics m, Path target, Collection<Path> inputs) throws InputException {
        AtomicWriter.write(target, inputs, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(csv(m));
            w.flush();
        });
    }

    /** The JSON object: case-level keys first, then {@code classes}. */
    public static Map<String, Object> jsonTree(CaseMetrics m) {
        Map<String, Object> caseObj = new LinkedHashMap<>();
        caseObj.put("case", m.caseName());
        Map<String, Object> all = components(m);
        for (String k : CASE_KEYS) {
            caseObj.put(k, all.get(k));
        }
        caseObj.put("softDiceEmpty", m.softDiceEmpty());
        caseObj.put("hardDiceEmpty", m.hardDiceEmpty());
        caseObj.put("clampedValues", m.clampedValues());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ClassMetrics c : m.classes()) {
            classes.add(components(c));
        }
        caseObj.put("classes", classes);
        return caseObj;
    }

    /** CSV text: header row of keys, one row per class; NaN as an empty cell (pandas reads it as NaN). */
    public static String csv(CaseMetrics m) {
        List<String> classKeys = componentNames(ClassMetrics.class);
        StringBuilder sb = new StringBuilder("case");
        for (String k : classKeys) {
            sb.append(',').append(k);
        }
        for (String k : CASE_KEYS) {
            sb.append(',').append(k);
        }
        sb.append('\n');
        Map<String, Object> caseVals = components(m);
        for (ClassMetrics c : m.classes()) {
            Map<String, Object> v = components(c);
            sb.append(cell(m.caseName()));
            for (String k : classKeys) {
                sb.append(',').append(cell(v.get(k)));
            }
            for (String k : CASE_KEYS) {
                sb.append(',').append(cell(caseVals.get(k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : Double.toString(d);
        }
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static List<String> componentNames(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            names.add(rc.getName());
        }
        return names;
    }

    private static Map<String, Object> components(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            if (rc.getName().equals("classes") || rc.getName().equals("caseName")) {
                continue;
            }
            try {
                out.put(rc.getName(), rc.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Jackson with NaN and infinities written as null, as the command line's JSON does. */
    public static ObjectMapper mapper() {
        SimpleModule nan = new SimpleModule();
        nan.addSerializer(Double.class, new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v.isNaN() || v.isInfinite()) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
        });
        return new ObjectMapper().registerModule(nan).enable(SerializationFeature.INDENT_OUTPUT);
    }
}
