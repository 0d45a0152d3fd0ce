package org.dicelens.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.dicelens.common.Progress;
import org.dicelens.phantom.LabCase;
import org.dicelens.phantom.SyntheticLesions;
import org.junit.jupiter.api.Test;

class DiceOptimalTheoryTest {

    /** Hand-worked: q = {1, 1, 0.5, 0.1}, Σq = 2.6; k = 1..4 give 2/3.6, 4/4.6, 5/5.6, 5.2/6.6: k* = 3. */
    @Test
    void handWorkedExample() {
        DiceOptimalTheory.Optimum o = DiceOptimalTheory.of(new float[] {0.1f, 1, 0, 0.5f, 1, 0});
        assertEquals(3, o.k());
        assertEquals(5.0 / 5.6, o.expectedDice(), 1e-6);
        assertEquals(0.5, o.threshold(), 0);
        assertEquals(2.6, o.sumQ(), 1e-6);
        assertEquals(0.4, o.biasVoxels(), 1e-6);
        float[] q = {0.1f, 1, 0, 0.5f, 1, 0};
        assertArrayEquals(new float[] {0, 1, 0, 1, 1, 0}, DiceOptimalTheory.segmentation(q, DiceOptimalTheory.of(q)));
    }

    @Test
    void emptyAndCertainMaps() {
        DiceOptimalTheory.Optimum empty = DiceOptimalTheory.of(new float[5]);
        assertEquals(0, empty.k());
        assertEquals(0, empty.biasVoxels());
        DiceOptimalTheory.Optimum certain = DiceOptimalTheory.of(new float[] {1, 0, 1, 1, 0});
        assertEquals(3, certain.k());
        assertEquals(1, certain.expectedDice(), 1e-12);
        assertEquals(0, certain.biasVoxels(), 1e-12);
    }

    /** Against every subset of a few voxels: the best subset is the Dice-optimal one, whatever its shape. */
    @Test
    void matchesExhaustiveSearchOverSubsets() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(11);
            float[] q = new float[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                // a few exact ties and zeros on purpose
                q[i] = rnd.nextInt(4) == 0 ? (float) (rnd.nextInt(3) * 0.5) : (float) rnd.nextDouble();
                sum += q[i];
            }
            double best = sum == 0 ? 1 : -1;
            int bestSize = 0;
            for (int mask = 1; mask < (1 << n) && sum > 0; mask++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s += q[i];
                    }
                }
                double d = 2 * s / (Integer.bitCount(mask) + sum);
                if (d > best + 1e-12 || (Math.abs(d - best) <= 1e-12 && Integer.bitCount(mask) < bestSize)) {
                    best = d;
                    bestSize = Integer.bitCount(mask);
                }
            }
            DiceOptimalTheory.Optimum o = DiceOptimalTheory.of(q);
            assertEquals(best, o.expectedDice(), 1e-6, "trial " + trial);
            assertEquals(bestSize, o.k(), "trial " + trial);
        }
    }

    /**
     * The theory curve against a brute force in the test: for one phantom per width, D(t) = 2Σ_{q≥t} q/(|{q≥t}| + Σq)
     * over every distinct value t of q (threshold sets, not sorted prefixes), bias = |{q ≥ t*}| − Σq voxels.
     */
    @Test
    void curveMatchesBruteForceOverThresholds() {
        SyntheticLesions.Spec spec = new SyntheticLesions.Spec(32, 32, 12, 1, 1, 2, 2, 3, 0, 60, 10, 0.1, 1);
        double[] widths = {0, 1, 3, 5};
        List<DiceOptimalTheory.Point> curve = DiceOptimalTheory.curve(spec, widths, 1, 17, Progress.NONE);
        assertEquals(widths.length, curve.size());
        for (int w = 0; w < widths.length; w++) {
            LabCase c = SyntheticLesions.generate(spec.withWidth(widths[w]), 17, "x", 5);
            float[] q = c.q();
            double sum = 0;
            TreeSet<Float> levels = new TreeSet<>();
            for (float v : q) {
                sum += v;
                if (v > 0) {
                    levels.add(v);
                }
            }
            double best = -1;
            long bestCount = 0;
            for (float t : levels) {
                double s = 0;
                long count = 0;
                for (float v : q) {
                    if (v >= t) {
                        s += v;
                        count++;
                    }
                }
                double d = 2 * s / (count + sum);
                if (d > best) {
                    best = d;
                    bestCount = count;
                }
            }
            double v = c.geometry().voxelMl();
            DiceOptimalTheory.Point p = curve.get(w);
            assertEquals(widths[w], p.widthMm());
            assertEquals((bestCount - sum) * v, p.biasMl().mean(), 1e-9, "width " + widths[w]);
            assertEquals((bestCount - sum) / sum, p.relativeBias().mean(), 1e-9);
            assertEquals(best, p.expectedDice().mean(), 1e-6);
            assertEquals(sum * v, p.expectedMl().mean(), 1e-9);
        }
        assertEquals(0, curve.get(0).biasMl().mean(), 1e-12, "a certain boundary has no bias");
        for (int w = 1; w < widths.length; w++) {
            assertTrue(curve.get(w).biasMl().mean() > curve.get(w - 1).biasMl().mean(), "bias grows with the band");
        }
    }
}
