package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/**
 * The Dice-optimal search (histogram + scan of one or two bins) against the Oracle's full sort, on larger maps whose
 * values crowd the bins where the optimum lies, and on a case worked by hand.
 */
class DiceOptimalTest {
    private static Case map(float[] q) {
        Geometry g = Geometry.ofSpacing(q.length, 1, 1, 1, 1, 1);
        float[] bg = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            bg[i] = 1 - q[i];
        }
        return TestCases.of("q", g, new byte[q.length], new float[][] {bg, q}, 0, 1);
    }

    @Test
    void oneUncertainRegionRoundsToAllOrNothing() {
        // Bertels: one region of k voxels at q. 10 voxels at q = 0.75: f(k) = 2·0.75k/(k + 7.5), increasing in k,
        // so all 10 are kept: D* = 15/17.5. At q = 0.25: f(k) = 0.5k/(k + 2.5) also increases: all 10, D* = 5/12.5
        // (the optimum keeps every equal value or none: ties are all-or-nothing for a single level of q).
        float[] q = new float[10];
        java.util.Arrays.fill(q, 0.75f);
        DiceOptimal d = Engine.build(map(q), Progress.NONE).diceOptimal(1, Settings.WHOLE_VOLUME);
        assertEquals(10, d.k());
        assertEquals(15 / 17.5, d.expectedDice(), 1e-15);
        assertEquals(0.75, d.threshold(), 0);
        java.util.Arrays.fill(q, 0.25f);
        d = Engine.build(map(q), Progress.NONE).diceOptimal(1, Settings.WHOLE_VOLUME);
        assertEquals(10, d.k());
        assertEquals(5 / 12.5, d.expectedDice(), 1e-15);
        // two levels: 4 voxels at 0.9, 20 at 0.1; Σq = 5.6. f(4) = 7.2/9.6 = 0.75; adding a 0.1 needs 0.1 > 0.375: no
        float[] two = new float[24];
        for (int i = 0; i < 24; i++) {
            two[i] = i < 4 ? 0.9f : 0.1f;
        }
        d = Engine.build(map(two), Progress.NONE).diceOptimal(1, Settings.WHOLE_VOLUME);
        assertEquals(4, d.k());
        double sum = 4 * (double) 0.9f + 20 * (double) 0.1f;
        assertEquals(2 * 4 * (double) 0.9f / (4 + sum), d.expectedDice(), 1e-15);
        assertEquals((double) 0.9f, d.threshold(), 0);
    }

    @Test
    void crowdedBinsMatchTheFullSort() {
        Random rnd = new Random(21);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2000 + rnd.nextInt(20000);
            float[] q = new float[n];
            int kind = trial % 5;
            for (int i = 0; i < n; i++) {
                q[i] = switch (kind) {
                    // most mass near 0.3-0.45, where D*/2 tends to fall: the crossing bin is crowded
                    case 0 -> (float) (0.3 + 0.15 * rnd.nextDouble());
                    // a few certain voxels and a sea of values inside one bin
                    case 1 -> i < n / 50 ? 1f : (float) (0.35 + 0.001 * rnd.nextDouble());
                    // everything below 0.001 (bin 0)
                    case 2 -> (float) (0.001 * rnd.nextDouble());
                    // quantised values with many exact ties
                    case 3 -> Math.round(rnd.nextDouble() * 20) / 20f;
                    // bimodal
                    default -> rnd.nextBoolean() ? (float) Math.pow(rnd.nextDouble(), 8) : 1 - (float) Math.pow(
                            rnd.nextDouble(), 8);
                };
            }
            Case c = map(q);
            Engine e = Engine.build(c, Progress.NONE);
            double[] expected = new Oracle(c).diceOptimal(Settings.WHOLE_VOLUME, 1);
            DiceOptimal d = e.diceOptimal(1, Settings.WHOLE_VOLUME);
            String ctx = "trial " + trial + " kind " + kind + " n " + n;
            assertEquals((long) expected[0], d.k(), ctx);
            assertEquals(expected[1], d.expectedDice(), 1e-12 * expected[1], ctx);
            assertEquals(expected[2], d.threshold(), 0, ctx);
            assertEquals(expected[0], e.evaluate(Settings.defaults(2)).classes().get(1).diceOptimalK(), 0, ctx);
        }
    }
}
