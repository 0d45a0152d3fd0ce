package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/** {@link Engine#withData}: the same statistics under other class names; other voxels or labels are refused. */
class EngineWithDataTest {
    @Test
    void renamedClassesKeepEveryNumberAndOtherVoxelsAreRefused() {
        Geometry g = Geometry.ofSpacing(5, 4, 3, 1, 1, 1);
        int n = g.voxelCount();
        byte[] ref = new byte[n];
        float[][] p = new float[2][n];
        for (int i = 0; i < n; i++) {
            ref[i] = (byte) (i % 4 == 0 ? 1 : 0);
            p[1][i] = (i % 5) / 4f;
            p[0][i] = 1 - p[1][i];
        }
        ProbabilityMaps maps = new ProbabilityMaps(g, p, 0, List.of());
        Case c = new Case("c", g, null, ref, maps, ClassTable.forLabels(0, 1), List.of());
        Engine e = Engine.build(c, Progress.NONE);
        ClassTable named = new ClassTable(List.of(new ClassInfo(0, "outside", 0xff000000), new ClassInfo(1, "lesion",
                0xffff0000)));
        Engine renamed = e.withData(new Case("c", g, null, ref, maps, named, List.of()));
        Settings s = Settings.defaults(2);
        CaseMetrics a = e.evaluate(s);
        CaseMetrics b = renamed.evaluate(s);
        assertEquals("lesion", b.classes().get(1).name());
        // brute force: soft Dice 2Σpr / (Σp + Σr) of the lesion
        double inter = 0;
        double sumP = 0;
        double r = 0;
        for (int i = 0; i < n; i++) {
            inter += ref[i] == 1 ? p[1][i] : 0;
            sumP += p[1][i];
            r += ref[i];
        }
        assertEquals(2 * inter / (sumP + r), b.classes().get(1).softDice(), 1e-9);
        for (int k = 0; k < 2; k++) {
            assertEquals(a.classes().get(k).softDice(), b.classes().get(k).softDice(), 0.0);
            assertEquals(a.classes().get(k).hardDice(), b.classes().get(k).hardDice(), 0.0);
        }
        ProbabilityMaps copy = new ProbabilityMaps(g, new float[][] {p[0].clone(), p[1].clone()}, 0, List.of());
        assertThrows(IllegalArgumentException.class, () -> e.withData(new Case("c", g, null, ref, copy,
                ClassTable.forLabels(0, 1), List.of())));
        assertThrows(IllegalArgumentException.class, () -> e.withData(new Case("c", g, null, ref, maps,
                ClassTable.forLabels(0, 2), List.of())));
    }
}
