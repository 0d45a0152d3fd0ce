package org.dicelens.volume.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each region's Dice through the engine equals a brute-force count over the union of the region's labels. */
class RegionCasesTest {
    @Test
    void regionDiceEqualsBruteForceCountsOfLabelUnions(@TempDir Path dir) throws Exception {
        DatasetJson d = DatasetJson.read(Files.writeString(dir.resolve("dataset.json"), """
                {"labels": {"background": 0, "whole tumor": [1, 2, 3], "tumor core": [2, 3], "enhancing tumor": 3},
                 "regions_class_order": [1, 2, 3]}"""));
        Geometry g = Geometry.ofSpacing(9, 7, 5, 1, 1, 2);
        int n = g.voxelCount();
        Random rnd = new Random(19);
        int[] labels = new int[n];
        List<float[]> channels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(4);
        }
        for (int r = 0; r < 3; r++) {
            float[] p = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(5) == 0 ? 0.5f : rnd.nextFloat(); // exact 0.5 checks the inclusive threshold
            }
            channels.add(p);
        }
        List<Case> cases = RegionCases.perRegion("brats_001", g, labels, channels, d.regions(), null, List.of("x.npz"));
        assertEquals(3, cases.size());
        int[][] unions = {{1, 2, 3}, {2, 3}, {3}};
        for (int r = 0; r < 3; r++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            double inter = 0;
            double sumP = 0;
            double sumG = 0;
            float[] p = channels.get(r);
            for (int i = 0; i < n; i++) {
                boolean g1 = false;
                for (int l : unions[r]) {
                    g1 |= labels[i] == l;
                }
                boolean h = p[i] >= 0.5f;
                tp += h && g1 ? 1 : 0;
                fp += h && !g1 ? 1 : 0;
                fn += !h && g1 ? 1 : 0;
                inter += g1 ? p[i] : 0;
                sumP += p[i];
                sumG += g1 ? 1 : 0;
            }
            Case c = cases.get(r);
            ClassMetrics m = Engine.build(c, Progress.NONE).evaluate(Settings.defaults(2)).classes().get(1);
            assertEquals(d.regions().get(r).name(), m.name());
            assertEquals(tp, m.tp(), "tp " + m.name());
            assertEquals(fp, m.fp(), "fp " + m.name());
            assertEquals(fn, m.fn(), "fn " + m.name());
            assertEquals(2.0 * tp / (2.0 * tp + fp + fn), m.hardDice(), 1e-12, m.name());
            assertEquals(2 * inter / (sumP + sumG), m.softDice(), 1e-6, m.name());
        }
    }
}
