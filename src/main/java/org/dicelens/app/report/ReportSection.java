package org.dicelens.app.report;

import java.util.List;
import org.dicelens.metrics.CaseMetrics;

/**
 * A group of keys in the report: the extension point for numbers computed beside the engine's (spatial metrics, rater
 * statistics, …). A section names its case-level and per-class keys and gives their values for a case; the
 * {@link Reporter} writes them after the catalogue's, in the JSON objects and as CSV columns, with the same rules
 * (NaN and ±∞ as null/empty, lists as arrays/space-separated fields).
 *
 * <p>A section that holds results computed elsewhere looks them up by {@link CaseMetrics#caseName()}; a value it does
 * not have is {@code null} (written as null in JSON, an empty CSV field), so a batch in which some cases lack a result
 * keeps its columns. Keys must not repeat those of the catalogue or of another section.
 */
public interface ReportSection {
    /** Case-level keys, in the order they are written. */
    default List<String> caseKeys() {
        return List.of();
    }

    /** Per-class keys, in the order they are written. */
    default List<String> classKeys() {
        return List.of();
    }

    /** The value of one of {@link #caseKeys()} for a case: Number, Boolean, String, a List of those, or null. */
    default Object caseValue(CaseMetrics m, String key) {
        return null;
    }

    /** The value of one of {@link #classKeys()} for the class of {@code channel} in {@code m.classes()}. */
    default Object classValue(CaseMetrics m, int channel, String key) {
        return null;
    }
}
