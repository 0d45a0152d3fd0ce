package org.dicelens.app.catalogue;

import org.dicelens.metrics.CaseMetrics;

/**
 * One number DiceLens reports: its report key (JSON/CSV), the label and short header the viewer shows, its unit, a
 * tooltip, where it is defined ({@code docs/FORMULAS.md#anchor}) and how to read it from the engine's records.
 *
 * @param scope  whether there is one value per case or one per class
 * @param header a short column header ("soft Dice", "V_ref"); the unit goes below it in the viewer's table
 * @param unit   "" when dimensionless
 * @param anchor the id of its definition in docs/FORMULAS.md (a test checks that every anchor is there)
 */
public record Quantity(String key, Scope scope, String label, String header, String unit, String tooltip, String anchor,
        Accessor value) {

    public enum Scope {
        CASE, CLASS
    }

    /** Reads the value from a case's metrics; {@code channel} is ignored for case-level quantities. */
    @FunctionalInterface
    public interface Accessor {
        Object get(CaseMetrics m, int channel);
    }

    public Object of(CaseMetrics m, int channel) {
        return value.get(m, channel);
    }

    /** The value as a double (NaN when it is not a number), for tables and charts. */
    public double number(CaseMetrics m, int channel) {
        return of(m, channel) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Two-line column header: the short header over its unit, or split at its first space when it has no unit. */
    public String columnHeader() {
        return unit.isEmpty() ? header.replaceFirst(" ", "\n") : header + "\n" + unit;
    }
}
