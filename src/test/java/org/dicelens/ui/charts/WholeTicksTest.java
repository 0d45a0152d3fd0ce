package org.dicelens.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-slice strip numbers its x axis with slice numbers (1, 3, 6, 8, 10), never "3.25" (issue 19, item 1). */
class WholeTicksTest {
    private static List<Double> ticks(double min, double max, boolean whole) {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = PlotCanvas.xTick(min, max, i, whole);
            if (!Double.isNaN(v)) {
                t.add(v);
            }
        }
        return t;
    }

    @Test
    void tenSlicesGiveWholeNumbersAndShortRangesNoRepeats() {
        // by hand: 1 + i·9/4 = 1, 3.25, 5.5, 7.75, 10 → rounded 1, 3, 6, 8, 10
        assertEquals(List.of(1.0, 3.0, 6.0, 8.0, 10.0), ticks(1, 10, true));
        assertEquals(List.of(1.0, 3.25, 5.5, 7.75, 10.0), ticks(1, 10, false), "other charts keep their ticks");
        // 2 slices: 1, 1.25, 1.5, 1.75, 2 → 1, (1), 2, (2), (2)
        assertEquals(List.of(1.0, 2.0), ticks(1, 2, true));
        assertEquals(List.of(1.0, 21.0, 41.0, 61.0, 81.0), ticks(1, 81, true));
    }
}
