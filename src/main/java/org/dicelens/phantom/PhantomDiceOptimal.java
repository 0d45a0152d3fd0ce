package org.dicelens.phantom;

import org.dicelens.common.Progress;
import org.dicelens.metrics.DiceOptimal;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Geometry;

/**
 * The Dice-optimal hard segmentation of a calibrated map q (formula sheet; Lipton et al. 2014): sort q
 * descending, k* = argmax_k 2·Σ_{i≤k} q_(i) / (k + Σq), expected Dice D* = that maximum, threshold q_(k*).
 * Its volume k* against Σq is the bias that optimising Dice builds in under uncertainty.
 */
public final class PhantomDiceOptimal {
    /**
     * @param k             number of voxels segmented
     * @param threshold     q_(k*), the smallest q segmented (+∞ when k = 0)
     * @param expectedDice  D*, the expected Dice of the segmentation under q (1 when Σq = 0: both empty)
     * @param expectedCount Σq, the expected reference volume in voxels
     */
    public record Result(int k, double threshold, double expectedDice, double expectedCount) {
    }

    private PhantomDiceOptimal() {
    }

    public static Result of(float[] q) {
        Geometry g = Geometry.ofSpacing(q.length, 1, 1, 1, 1, 1);
        LabCase c = new LabCase("q", g, new float[q.length], q, new byte[q.length]);
        DiceOptimal d = engine(c);
        return new Result((int) d.k(), d.k() == 0 ? Double.POSITIVE_INFINITY : d.threshold(), d.expectedDice(),
                c.expectedVoxels());
    }

    /**
     * The metrics engine's Dice-optimal segmentation of a case's q (whole volume, q as the lesion channel): the one
     * implementation of the sort-and-scan, so phantoms, the lab and the viewer report the same k*.
     */
    public static DiceOptimal engine(LabCase c) {
        Engine e = Engine.build(c.toCase(c.name() + " q", c.q()), Progress.NONE);
        return e.diceOptimal(1, Settings.WHOLE_VOLUME);
    }

    /** The k* voxels of largest q (ties at the threshold taken in index order), as 0/1 bytes. */
    public static byte[] mask(float[] q, Result r) {
        byte[] m = new byte[q.length];
        if (r.k() == 0) {
            return m;
        }
        float t = (float) r.threshold();
        int above = 0;
        for (int i = 0; i < q.length; i++) {
            if (q[i] > t) {
                m[i] = 1;
                above++;
            }
        }
        int ties = r.k() - above;
        for (int i = 0; i < q.length && ties > 0; i++) {
            if (q[i] == t) {
                m[i] = 1;
                ties--;
            }
        }
        return m;
    }
}
