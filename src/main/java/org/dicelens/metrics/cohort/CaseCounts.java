package org.dicelens.metrics.cohort;

import org.dicelens.metrics.Bins;

/**
 * One case's dense counts at its current margin level, moved shell by shell when the margin changes (a margin
 * slider step adds or removes one shell instead of re-summing all of them). Threshold counts are always kept;
 * argmax counts are made when argmax mode first asks at a level. Not thread-safe: {@link Cohort} guards it.
 */
final class CaseCounts {
    private final CohortCase c;
    private final int nc;
    private int lv = -1;
    private final long[][] rawPos;
    private final long[][] rawNeg;
    /** Per channel: #(reference = channel, bin ≥ k) and #(reference ≠ channel, bin ≥ k) at level ≤ lv. */
    final long[][] tp;
    final long[][] fp;
    private int argmaxLv = -1;
    private long[][][] argmax; // [all, ref, bg][channel][k], cumulative at argmaxLv

    CaseCounts(CohortCase c) {
        this.c = c;
        this.nc = c.classes().size();
        rawPos = new long[nc][Bins.COUNT];
        rawNeg = new long[nc][Bins.COUNT];
        tp = new long[nc][Bins.COUNT];
        fp = new long[nc][Bins.COUNT];
    }

    int level() {
        return lv;
    }

    /** Moves the threshold counts to level index {@code to}. */
    void moveTo(int to) {
        if (to == lv) {
            return;
        }
        for (int ch = 0; ch < nc; ch++) {
            if (to > lv) {
                c.positive(ch).addShells(lv + 1, to, rawPos[ch], 1);
                c.negative(ch).addShells(lv + 1, to, rawNeg[ch], 1);
            } else {
                c.positive(ch).addShells(to + 1, lv, rawPos[ch], -1);
                c.negative(ch).addShells(to + 1, lv, rawNeg[ch], -1);
            }
            suffix(rawPos[ch], tp[ch]);
            suffix(rawNeg[ch], fp[ch]);
        }
        lv = to;
    }

    private static void suffix(long[] raw, long[] out) {
        long s = 0;
        for (int k = Bins.COUNT - 1; k >= 0; k--) {
            s += raw[k];
            out[k] = s;
        }
    }

    /**
     * {TP, TP + FP} of channel ch in argmax mode with a confidence floor step at the current level (the engine's rule:
     * a class predicts its argmax voxels at or above the floor; the background channel also takes every voxel below).
     */
    long[] argmaxCounts(int ch, int floor) {
        if (argmaxLv != lv) {
            argmax = new long[3][nc][Bins.COUNT];
            for (int a = 0; a < nc; a++) {
                c.argmaxAll(a).cumulative(lv, argmax[0][a]);
                c.argmaxRef(a).cumulative(lv, argmax[1][a]);
                c.argmaxBg(a).cumulative(lv, argmax[2][a]);
            }
            argmaxLv = lv;
        }
        long[][] all = argmax[0];
        long[][] ref = argmax[1];
        long[][] bg = argmax[2];
        if (ch != c.backgroundChannel()) {
            return new long[] {ref[ch][floor], all[ch][floor]};
        }
        long pred = all[ch][0];
        long t = bg[ch][0];
        for (int a = 0; a < nc; a++) {
            if (a != ch) {
                pred += all[a][0] - all[a][floor];
                t += bg[a][0] - bg[a][floor];
            }
        }
        return new long[] {t, pred};
    }
}
