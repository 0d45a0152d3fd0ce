package org.dicelens.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dicelens.common.AtomicFiles;
import org.dicelens.common.InputException;
import org.dicelens.metrics.CaseMetrics;

/**
 * The one report writer of both faces: {@code evaluate} prints it and the viewer's "Export metrics" writes it, so the
 * same case under the same settings gives the same bytes. JSON is one object per case (an array for a batch), the
 * case-level keys with {@code classes} (one object per class) right after {@code mode}; CSV is one row per case and
 * class, the case-level keys first, then the class keys. Keys come from the catalogue, then from each extra
 * {@link ReportSection} in order. Undefined numbers (NaN, ±∞) are null in JSON and empty in CSV.
 */
public final class Reporter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The key after which JSON places the classes list (the order the command line has always written). */
    private static final String CLASSES_AFTER = "mode";

    private final List<ReportSection> sections;

    private Reporter(List<ReportSection> sections) {
        this.sections = sections;
        Set<String> seen = new HashSet<>();
        for (String k : caseKeys()) {
            check(seen, k);
        }
        seen.clear();
        for (String k : classKeys()) {
            check(seen, k);
        }
    }

    private static void check(Set<String> seen, String k) {
        if (!seen.add(k) || k.equals("classes")) {
            throw new IllegalArgumentException("report key used twice: " + k);
        }
    }

    /** The catalogue's keys alone: what {@code evaluate} and the viewer write today. */
    public static Reporter standard() {
        return with(List.of());
    }

    /** The catalogue's keys followed by those of {@code extra}, in order. */
    public static Reporter with(List<ReportSection> extra) {
        List<ReportSection> all = new ArrayList<>();
        all.add(new CatalogueSection());
        all.addAll(extra);
        return new Reporter(List.copyOf(all));
    }

    public List<String> caseKeys() {
        List<String> keys = new ArrayList<>();
        sections.forEach(s -> keys.addAll(s.caseKeys()));
        return keys;
    }

    public List<String> classKeys() {
        List<String> keys = new ArrayList<>();
        sections.forEach(s -> keys.addAll(s.classKeys()));
        return keys;
    }

    /** CSV header: case-level keys, then class keys. */
    public List<String> csvHeader() {
        List<String> h = new ArrayList<>(caseKeys());
        h.addAll(classKeys());
        return h;
    }

    public ObjectNode toNode(CaseMetrics m) {
        ObjectNode o = F.objectNode();
        for (ReportSection s : sections) {
            for (String k : s.caseKeys()) {
                o.set(k, JsonValues.node(s.caseValue(m, k)));
                if (k.equals(CLASSES_AFTER)) {
                    o.set("classes", classesNode(m));
                }
            }
        }
        if (!o.has("classes")) {
            o.set("classes", classesNode(m));
        }
        return o;
    }

    private ArrayNode classesNode(CaseMetrics m) {
        ArrayNode classes = F.arrayNode();
        for (int c = 0; c < m.classes().size(); c++) {
            ObjectNode co = classes.addObject();
            for (ReportSection s : sections) {
                for (String k : s.classKeys()) {
                    co.set(k, JsonValues.node(s.classValue(m, c, k)));
                }
            }
        }
        return classes;
    }

    /** One case as a JSON object (single evaluation, the viewer's export). */
    public String json(CaseMetrics m) {
        return write(toNode(m));
    }

    /** Several cases as a JSON array of case objects (batch). */
    public String json(List<CaseMetrics> cases) {
        ArrayNode a = F.arrayNode();
        cases.forEach(m -> a.add(toNode(m)));
        return write(a);
    }

    public String csv(List<CaseMetrics> cases) {
        Csv csv = new Csv(csvHeader());
        for (CaseMetrics m : cases) {
            List<Object> caseValues = new ArrayList<>();
            for (ReportSection s : sections) {
                s.caseKeys().forEach(k -> caseValues.add(s.caseValue(m, k)));
            }
            for (int c = 0; c < m.classes().size(); c++) {
                List<Object> row = new ArrayList<>(caseValues);
                for (ReportSection s : sections) {
                    for (String k : s.classKeys()) {
                        row.add(s.classValue(m, c, k));
                    }
                }
                csv.row(row.toArray());
            }
        }
        return csv.toString();
    }

    /** The report text of one case in a format (a single case's JSON is an object, not an array). */
    public String text(ReportFormat format, CaseMetrics m) {
        return format == ReportFormat.JSON ? json(m) : csv(List.of(m));
    }

    /** The report text of a batch (JSON: an array). */
    public String text(ReportFormat format, List<CaseMetrics> cases) {
        return format == ReportFormat.JSON ? json(cases) : csv(cases);
    }

    /**
     * Writes report text atomically (temporary file, then rename), refusing any of {@code inputs} as the target.
     *
     * @param field the option or control that named the target, for the error message (may be null)
     */
    public static void write(String text, Path target, Collection<Path> inputs, String field) throws InputException {
        AtomicFiles.refuseInputs(target, inputs, field);
        try {
            AtomicFiles.writeString(target, text);
        } catch (IOException e) {
            throw new InputException(target, field, "could not write: " + e.getMessage(), e);
        }
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation failed", e);
        }
    }
}
