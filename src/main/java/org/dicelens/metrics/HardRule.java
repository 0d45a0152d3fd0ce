package org.dicelens.metrics;

/**
 * THE hard segmentation of the formula sheet, in one place: every count, histogram and picture that says "hard" goes
 * through here (the statistics pass, the per-slice statistics, the Dice-optimal scan, the rendered masks).
 * <ul>
 * <li>Threshold mode: b_c = [p_c ≥ step/1000], compared in double on the double nearest step/1000. For a probability in
 * [0,1], {@code p >= step / 1000.0} exactly when {@link #stepOf(float) stepOf(p)} ≥ step (see {@link Bins}), so a
 * histogram over steps gives the per-voxel counts at every slider position.</li>
 * <li>Argmax mode: the channel of the largest p, ties to the LOWEST index ({@link #beats} is strict); a voxel whose
 * largest p is below floorStep/1000 goes to the background channel, or to no class ({@link #NONE}) without one. The
 * background keeps every voxel it wins, floor or not.</li>
 * </ul>
 * The per-voxel pieces are static and tiny so the hot loops inline them (no allocation, no virtual call per voxel).
 */
public final class HardRule {
    /** Label value for "no class" in an argmax label slice (no background channel and below the floor). */
    public static final int NONE = 0xFF;

    private HardRule() {
    }

    /** t = step/1000 as the double the comparisons use. */
    public static double threshold(int step) {
        return step / (double) Settings.STEPS;
    }

    /** The largest step k with p ≥ k/1000, for a float p in [0,1] (callers clamp first): exact truncation. */
    public static int stepOf(float p) {
        return (int) (p * 1000.0);
    }

    /** As {@link #stepOf(float)} for any float: below 0 and NaN give 0, above 1 gives 1000 (p clamped into [0,1]). */
    public static int stepOfAny(float p) {
        if (!(p > 0f)) {
            return 0;
        }
        return p >= 1f ? Settings.STEPS : (int) (p * 1000.0);
    }

    /** Argmax order: does p take the lead from the current best? Strict, so ties keep the lowest channel. */
    public static boolean beats(float p, float best) {
        return p > best;
    }

    /** Where a voxel below the confidence floor goes: the background channel, or {@link #NONE} without one. */
    public static int floorTarget(int background) {
        return background >= 0 ? background : NONE;
    }

    // ---- one slice of pixels (the rendered masks) ----

    /** out[i] = 1 where p[i] ≥ step/1000, else 0, for the first n pixels. */
    public static void threshold(float[] p, int n, int step, byte[] out) {
        double t = threshold(step);
        for (int i = 0; i < n; i++) {
            out[i] = p[i] >= t ? (byte) 1 : 0;
        }
    }

    /** Argmax labels of the first n pixels (see the class comment); floorStep 0 means no floor. */
    public static void argmax(float[][] p, int channels, int n, int floorStep, int background, byte[] out) {
        double floor = threshold(floorStep);
        int below = floorTarget(background);
        for (int i = 0; i < n; i++) {
            int best = 0;
            float max = p[0][i];
            for (int c = 1; c < channels; c++) {
                if (beats(p[c][i], max)) {
                    max = p[c][i];
                    best = c;
                }
            }
            if (floorStep > 0 && max < floor) {
                best = below;
            }
            out[i] = (byte) best;
        }
    }

    /** out[i] = 1 where labels[i] == channel. */
    public static void select(byte[] labels, int n, int channel, byte[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = (labels[i] & 0xFF) == channel ? (byte) 1 : 0;
        }
    }

    // ---- counts from cumulative histograms (the statistics) ----

    /**
     * Cumulative argmax counts of one region (whole case or one slice): voxels whose argmax channel is a and whose
     * max p has step ≥ k, over all voxels ({@code all}), over those whose reference is a ({@code ref}), and over
     * those whose reference is the background channel ({@code bg}).
     */
    public interface ArgmaxCounts {
        long all(int a, int k);

        long ref(int a, int k);

        long bg(int a, int k);
    }

    /** Threshold mode from cumulative counts "step ≥ k" split by reference: {TP, TP + FP} at this step. */
    public static long[] thresholdCounts(long refAtLeast, long otherAtLeast) {
        return new long[] {refAtLeast, refAtLeast + otherAtLeast};
    }

    /** Argmax mode with a confidence floor: {TP, TP + FP} of class c among {@code classes} channels. */
    public static long[] argmaxCounts(ArgmaxCounts n, int c, int classes, int background, int floorStep) {
        long[] out = new long[2];
        argmaxCounts(n, c, classes, background, floorStep, out);
        return out;
    }

    /** As {@link #argmaxCounts(ArgmaxCounts, int, int, int, int)} into out[0] = TP, out[1] = TP + FP. */
    public static void argmaxCounts(ArgmaxCounts n, int c, int classes, int background, int floorStep, long[] out) {
        if (c != background) {
            // argmax is c and max p ≥ floor
            out[0] = n.ref(c, floorStep);
            out[1] = n.all(c, floorStep);
            return;
        }
        // the background: its own argmax voxels, floor or not, plus every other voxel whose max p is below the floor
        long pred = n.all(c, 0);
        long tp = n.ref(c, 0);
        for (int a = 0; a < classes; a++) {
            if (a != background) {
                pred += n.all(a, 0) - n.all(a, floorStep);
                tp += n.bg(a, 0) - n.bg(a, floorStep);
            }
        }
        out[0] = tp;
        out[1] = pred;
    }
}
