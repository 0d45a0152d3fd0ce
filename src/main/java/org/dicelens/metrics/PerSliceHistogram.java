package org.dicelens.metrics;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;

/**
 * Per-slice sufficient statistics along one axis, built in one parallel pass, from which {@link PerSliceMetrics} at
 * any threshold or confidence floor follows without touching the voxels again (a slider request costs
 * O(slices × classes), microseconds).
 *
 * <p>Per slice and class it keeps the soft sums (P, I, R) and cumulative counts over the 1,001 threshold steps:
 * bin k holds the voxels whose p satisfies {@code p >= k/1000.0} (double) but not {@code p >= (k+1)/1000.0}, so
 * "count with p ≥ t" is exact at every step. Threshold mode uses the counts of p_c over all region voxels and over
 * the reference voxels of c; argmax mode the counts of the winning p_c over the voxels c wins, split by reference
 * (c itself, the background channel), which give every class's hard counts for any confidence floor.
 */
public final class PerSliceHistogram {
    static final int BINS = Bins.COUNT;
    private static final int X_BLOCK = 16;

    private final int axis;
    private final int slices;
    private final int classes;
    private final int background;
    private final double voxelMl;
    private final int[] regionVoxels;
    /** [slice·C + c]: Σp, Σp·r, Σr inside the region. */
    private final double[] sumP;
    private final double[] sumPR;
    private final int[] countR;
    /** [(slice·C + c)·BINS + k], cumulative from k upwards after the pass. */
    private final int[] thrAll;
    private final int[] thrRef;
    private final int[] amAll;
    private final int[] amRef;
    private final int[] amBg;

    private PerSliceHistogram(int axis, int slices, int classes, int background, double voxelMl) {
        this.axis = axis;
        this.slices = slices;
        this.classes = classes;
        this.background = background;
        this.voxelMl = voxelMl;
        int sc = slices * classes;
        regionVoxels = new int[slices];
        sumP = new double[sc];
        sumPR = new double[sc];
        countR = new int[sc];
        thrAll = new int[sc * BINS];
        thrRef = new int[sc * BINS];
        amAll = new int[sc * BINS];
        amRef = new int[sc * BINS];
        amBg = background >= 0 ? new int[sc * BINS] : null;
    }

    /**
     * One parallel pass over the voxels of {@code c} inside {@code region} (null = whole volume) along {@code axis}
     * (0 = x, 1 = y, 2 = z). Blocks of slices run in parallel and each slice is summed by one thread in voxel order,
     * so the sums do not depend on the thread count.
     */
    public static PerSliceHistogram build(Case c, IntPredicate region, int axis) {
        return build(c, GradientRegion.of(region), axis);
    }

    /** {@link #build(Case, IntPredicate, int)} inside Ω_margin of an evaluation region (walked as a box). */
    public static PerSliceHistogram build(Case c, EvaluationRegion region, int margin, int axis) {
        return build(c, GradientRegion.of(region, margin), axis);
    }

    private static PerSliceHistogram build(Case c, GradientRegion region, int axis) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2: " + axis);
        }
        Geometry g = c.geometry();
        int classes = c.prediction().channelCount();
        if ((long) classes * g.dim(axis) * BINS > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many classes × slices for per-slice histograms: " + classes + " × "
                    + g.dim(axis));
        }
        PerSliceHistogram h = new PerSliceHistogram(axis, g.dim(axis), classes, c.classes().backgroundChannel(),
                g.voxelMl());
        // x-slices are strided in memory: a task takes 16 of them (one 64-byte line of floats per row), so rows are
        // read in whole cache lines while only 16 slices' bins (~1.3 MB for 4 classes) are being written
        int block = axis == 0 ? X_BLOCK : 1;
        IntStream.range(0, ceilDiv(h.slices, block)).parallel()
                .forEach(b -> h.accumulate(c, region, b * block, Math.min(h.slices, (b + 1) * block)));
        IntStream.range(0, h.slices * classes).parallel().forEach(h::cumulate);
        return h;
    }

    public int axis() {
        return axis;
    }

    public int sliceCount() {
        return slices;
    }

    public int classCount() {
        return classes;
    }

    /** Metrics under the settings' mode: its per-class thresholds, or argmax with its confidence floor. */
    public PerSliceMetrics metrics(Settings s) {
        return s.mode() == HardMode.ARGMAX ? argmax(s.confidenceFloorStep()) : threshold(s.thresholdSteps());
    }

    /** Threshold mode: class c is b = [p_c ≥ steps[c]/1000]. */
    public PerSliceMetrics threshold(int[] steps) {
        if (steps.length < classes) {
            throw new IllegalArgumentException("need a threshold step per class: " + classes + ", got " + steps.length);
        }
        int[][] hard = new int[classes][slices];
        int[][] tp = new int[classes][slices];
        for (int c = 0; c < classes; c++) {
            int t = checkStep(steps[c]);
            for (int s = 0; s < slices; s++) {
                int off = (s * classes + c) * BINS + t;
                long[] h = HardRule.thresholdCounts(thrRef[off], thrAll[off] - thrRef[off]);
                tp[c][s] = (int) h[0];
                hard[c][s] = (int) h[1];
            }
        }
        return result(HardMode.THRESHOLD, hard, tp);
    }

    /**
     * Argmax mode: b_c = [c = argmax_k p_k] (ties to the lowest index); a voxel whose max p is below
     * floorStep/1000 goes to the background channel (to no class when the case has no label 0).
     */
    public PerSliceMetrics argmax(int floorStep) {
        int f = checkStep(floorStep);
        int[][] hard = new int[classes][slices];
        int[][] tp = new int[classes][slices];
        SliceCounts n = new SliceCounts();
        long[] h = new long[2];
        for (int s = 0; s < slices; s++) {
            n.first = s * classes * BINS;
            for (int c = 0; c < classes; c++) {
                HardRule.argmaxCounts(n, c, classes, background, f, h);
                tp[c][s] = (int) h[0];
                hard[c][s] = (int) h[1];
            }
        }
        return result(HardMode.ARGMAX, hard, tp);
    }

    /** The cumulative argmax counts of one slice (the slice's first row in {@link #first}). */
    private final class SliceCounts implements HardRule.ArgmaxCounts {
        int first;

        @Override
        public long all(int a, int k) {
            return amAll[first + a * BINS + k];
        }

        @Override
        public long ref(int a, int k) {
            return amRef[first + a * BINS + k];
        }

        @Override
        public long bg(int a, int k) {
            return amBg == null ? 0 : amBg[first + a * BINS + k];
        }
    }

    private PerSliceMetrics result(HardMode mode, int[][] hard, int[][] tp) {
        double[][] hd = new double[classes][slices];
        double[][] sd = new double[classes][slices];
        boolean[][] hEmpty = new boolean[classes][slices];
        boolean[][] sEmpty = new boolean[classes][slices];
        double[][] refMl = new double[classes][slices];
        double[][] softMl = new double[classes][slices];
        double[][] hardMl = new double[classes][slices];
        for (int c = 0; c < classes; c++) {
            for (int s = 0; s < slices; s++) {
                int j = s * classes + c;
                double r = countR[j];
                // 2TP/(2TP + FP + FN) = 2TP/(hard + R); both empty → flagged, NaN, never 1
                double hardPlusRef = hard[c][s] + r;
                hEmpty[c][s] = hardPlusRef == 0;
                hd[c][s] = hEmpty[c][s] ? Double.NaN : 2.0 * tp[c][s] / hardPlusRef;
                double softPlusRef = sumP[j] + r;
                sEmpty[c][s] = softPlusRef == 0;
                sd[c][s] = sEmpty[c][s] ? Double.NaN : 2 * sumPR[j] / softPlusRef;
                refMl[c][s] = r * voxelMl;
                softMl[c][s] = sumP[j] * voxelMl;
                hardMl[c][s] = hard[c][s] * voxelMl;
            }
        }
        return new PerSliceMetrics(axis, mode, voxelMl, regionVoxels.clone(), hd, hEmpty, sd, sEmpty, refMl, softMl, hardMl,
                tp, hard);
    }

    /** Accumulates the slices [s0, s1) in memory order, row by row (a box region needs no per-voxel test). */
    private void accumulate(Case c, GradientRegion region, int s0, int s1) {
        Geometry g = c.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        float[][] p = c.prediction().channels();
        byte[] ref = c.referenceClass();
        boolean[] mask = region.isBox() ? null : new boolean[nx];
        int zFrom = axis == 2 ? s0 : 0;
        int zTo = axis == 2 ? s1 : nz;
        int yFrom = axis == 1 ? s0 : 0;
        int yTo = axis == 1 ? s1 : ny;
        for (int z = zFrom; z < zTo; z++) {
            for (int y = yFrom; y < yTo; y++) {
                int row = nx * (y + ny * z);
                int xFrom = axis == 0 ? s0 : 0;
                int xTo = axis == 0 ? s1 : nx;
                if (mask == null) {
                    xFrom = Math.max(xFrom, region.rowFrom(y, z));
                    xTo = Math.min(xTo, region.rowTo(y, z, nx));
                } else {
                    for (int x = xFrom; x < xTo; x++) {
                        mask[x] = region.test(x, y, z, row + x);
                    }
                }
                if (xFrom < xTo) {
                    row(p, ref, mask, row, xFrom, xTo, axis == 2 ? z : axis == 1 ? y : -1);
                }
            }
        }
    }

    /**
     * Voxels row + x, x in [xFrom, xTo) (where mask, if any, is true), of slice {@code fixed}, or of slice x when
     * fixed is −1 (the x axis). Class by class, then the argmax: simple loops with the sums in registers.
     */
    private void row(float[][] p, byte[] ref, boolean[] mask, int row, int xFrom, int xTo, int fixed) {
        for (int c = 0; c < classes; c++) {
            float[] q = p[c];
            double sp = 0;
            double spr = 0;
            int cr = 0;
            for (int x = xFrom; x < xTo; x++) {
                if (mask != null && !mask[x]) {
                    continue;
                }
                int i = row + x;
                float v = q[i];
                int j = (fixed >= 0 ? fixed : x) * classes + c;
                int at = j * BINS + bin(v);
                thrAll[at]++;
                boolean isRef = (ref[i] & 0xFF) == c;
                if (isRef) {
                    thrRef[at]++;
                }
                if (fixed >= 0) {
                    sp += v;
                    if (isRef) {
                        spr += v;
                        cr++;
                    }
                } else {
                    sumP[j] += v;
                    if (isRef) {
                        sumPR[j] += v;
                        countR[j]++;
                    }
                }
            }
            if (fixed >= 0) {
                int j = fixed * classes + c;
                sumP[j] += sp;
                sumPR[j] += spr;
                countR[j] += cr;
            }
        }
        for (int x = xFrom; x < xTo; x++) {
            if (mask != null && !mask[x]) {
                continue;
            }
            int i = row + x;
            int s = fixed >= 0 ? fixed : x;
            regionVoxels[s]++;
            int best = 0;
            float bestP = p[0][i];
            for (int c = 1; c < classes; c++) {
                if (HardRule.beats(p[c][i], bestP)) { // ties go to the lowest index
                    bestP = p[c][i];
                    best = c;
                }
            }
            int r = ref[i] & 0xFF;
            int at = (s * classes + best) * BINS + bin(bestP);
            amAll[at]++;
            if (r == best) {
                amRef[at]++;
            }
            if (amBg != null && r == background) {
                amBg[at]++;
            }
        }
    }

    /** Turns row j of every count array into "voxels with bin ≥ k". */
    private void cumulate(int j) {
        for (int[] a : new int[][] {thrAll, thrRef, amAll, amRef, amBg}) {
            if (a != null) {
                int row = j * BINS;
                for (int k = BINS - 2; k >= 0; k--) {
                    a[row + k] += a[row + k + 1];
                }
            }
        }
    }

    /** The hard rule's step of p (clamped into [0,1]; 0 for NaN). */
    static int bin(float q) {
        return HardRule.stepOfAny(q);
    }

    private static int checkStep(int step) {
        if (step < 0 || step > Settings.STEPS) {
            throw new IllegalArgumentException("threshold step must be in 0.." + Settings.STEPS + ": " + step);
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
