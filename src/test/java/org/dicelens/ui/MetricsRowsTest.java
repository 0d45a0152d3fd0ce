package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.EmptyClasses;
import org.dicelens.metrics.EmptyRule;
import org.dicelens.metrics.GdlTerms;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.ui.model.MetricsRows;
import org.junit.jupiter.api.Test;

/** The table's columns are the catalogue's, and each mean row names the labels it averages. */
class MetricsRowsTest {
    private static ClassMetrics klass(int label, double softDice, double hardDice, double deltaHardMl) {
        return new ClassMetrics(label, "c" + label, 0.5, 0, 0, 0, 1, 2, 3, 4, deltaHardMl, softDice, hardDice, 0.1, 0.2, 0.3,
                0.4, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void meanRowsSayWhichLabelsTheyCover() {
        // "exclude" with label 2 absent: the means cover 0 and 1, the foreground mean 1 alone
        CaseMetrics m = new CaseMetrics("c", 1, 10, 0.1, HardMode.THRESHOLD, List.of(klass(0, 0.9, 0.8, -1), klass(1, 0.7, 0.6, 5),
                klass(2, 0, Double.NaN, 0)), 0, 0, WeightScheme.SQUARE, EmptyRule.MAX, 0.8, 0.7, 0, 0, new boolean[3], new boolean[3], 0,
                new GdlTerms(new double[3], new double[3], new double[3], 0, 0, 0, 0), EmptyClasses.EXCLUDE, new int[] {0, 1}, 0.7, 0.6,
                new int[] {1});
        List<MetricsRows.Row> rows = MetricsRows.rows(m);
        assertEquals(5, rows.size());
        assertEquals("mean 0,1", rows.get(3).name());
        assertEquals("fg mean 1", rows.get(4).name());
        List<String> keys = MetricsRows.COLUMNS.stream().map(c -> c.quantity().key()).toList();
        assertEquals(List.of("softDice", "hardDice", "softJaccard", "hardJaccard", "precision", "recall", "refMl", "softMl",
                "hardMl", "deltaSoftMl", "deltaHardMl"), keys);
        assertEquals(0.8, rows.get(3).values()[keys.indexOf("softDice")]);
        assertEquals(0.6, rows.get(4).values()[keys.indexOf("hardDice")]);
        assertTrue(Double.isNaN(rows.get(4).values()[keys.indexOf("refMl")]), "the UI averages nothing itself");
        assertEquals(5.0, rows.get(1).values()[keys.indexOf("deltaHardMl")]);
        assertTrue(Double.isNaN(rows.get(2).values()[keys.indexOf("hardDice")]), "excluded class: no hard Dice");
        assertEquals(List.of(false, false, false, false, false, false, false, false, false, true, true),
                MetricsRows.COLUMNS.stream().map(MetricsRows.Column::signed).toList());
        assertEquals("fg mean none", MetricsRows.meanName("fg mean", new int[0]));
    }
}
