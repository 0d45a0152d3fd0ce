package org.dicelens.metrics.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lesion-wise matching of one class: components of the prediction A and the reference B, components below the
 * minimum size dropped from both, then a reference lesion is detected when some voxel of it is in A (or, under the
 * Dice rule, when its Dice against the union of the predicted components touching it reaches δ), and a predicted
 * component is a false positive when none of its voxels is in B. Overlaps are counted run against run, row by row.
 */
final class LesionMatcher {
    private LesionMatcher() {
    }

    /** The counts and, when asked for, the lesion map of the overlay. */
    record Matched(LesionMetrics metrics, LesionMap map) {
    }

    static LesionMetrics match(VoxelMask a, VoxelMask b, Grid g, SpatialOptions o) {
        return run(a, b, g, o, false).metrics();
    }

    static Matched matchWithMap(VoxelMask a, VoxelMask b, Grid g, SpatialOptions o) {
        return run(a, b, g, o, true);
    }

    private static Matched run(VoxelMask a, VoxelMask b, Grid g, SpatialOptions o, boolean withMap) {
        Components ca = Components.of(Runs.of(a, g), g, o.connectivity());
        Components cb = Components.of(Runs.of(b, g), g, o.connectivity());
        int[] idA = keep(ca, g, o);
        int[] idB = keep(cb, g, o);
        int nA = count(idA);
        int nB = count(idB);
        long[] sizeA = sizes(ca, idA, nA);
        long[] sizeB = sizes(cb, idB, nB);

        long[] overlapB = new long[nB];
        boolean[] touchesB = new boolean[nA];
        long[] pairs = new long[16];
        int np = 0;
        Runs ra = ca.runs;
        Runs rb = cb.runs;
        int rows = g.ny() * g.nz();
        for (int r = 0; r < rows; r++) {
            int i = ra.rowStart[r];
            int iEnd = ra.rowStart[r + 1];
            int j = rb.rowStart[r];
            int jEnd = rb.rowStart[r + 1];
            while (i < iEnd && j < jEnd) {
                int len = Math.min(ra.x1[i], rb.x1[j]) - Math.max(ra.x0[i], rb.x0[j]);
                int la = idA[ca.label[i]];
                int lb = idB[cb.label[j]];
                if (len > 0 && la >= 0 && lb >= 0) {
                    overlapB[lb] += len;
                    touchesB[la] = true;
                    if (np == pairs.length) {
                        pairs = Arrays.copyOf(pairs, np * 2);
                    }
                    pairs[np++] = ((long) lb << 32) | la;
                }
                if (ra.x1[i] < rb.x1[j]) {
                    i++;
                } else {
                    j++;
                }
            }
        }
        Arrays.sort(pairs, 0, np);
        long[] predictedVoxels = new long[nB];
        for (int k = 0; k < np; k++) {
            if (k == 0 || pairs[k] != pairs[k - 1]) {
                predictedVoxels[(int) (pairs[k] >>> 32)] += sizeA[(int) pairs[k]];
            }
        }

        double ml = g.voxelMl();
        boolean diceRule = !Double.isNaN(o.detectionDice());
        List<ReferenceLesion> lesions = new ArrayList<>(nB);
        boolean[] detectedB = new boolean[nB];
        int detected = 0;
        for (int c = 0, k = 0; c < cb.count; c++) {
            if (idB[c] < 0) {
                continue;
            }
            int l = k++;
            long ov = overlapB[l];
            double dice = 2.0 * ov / (sizeB[l] + predictedVoxels[l]);
            boolean det = ov > 0 && (!diceRule || dice >= o.detectionDice());
            detected += det ? 1 : 0;
            detectedB[l] = det;
            lesions.add(new ReferenceLesion(l, Centre.of(cb.cx[c], cb.cy[c], cb.cz[c], g), sizeB[l], sizeB[l] * ml, ov,
                    predictedVoxels[l], predictedVoxels[l] * ml, dice, (predictedVoxels[l] - sizeB[l]) * ml, det));
        }
        List<PredictedLesion> fps = new ArrayList<>();
        for (int c = 0, k = 0; c < ca.count; c++) {
            if (idA[c] < 0) {
                continue;
            }
            int l = k++;
            if (!touchesB[l]) {
                fps.add(new PredictedLesion(l, Centre.of(ca.cx[c], ca.cy[c], ca.cz[c], g), sizeA[l], sizeA[l] * ml));
            }
        }
        int missed = nB - detected;
        int fp = fps.size();
        Status status = nA == 0 && nB == 0 ? Status.EMPTY : Status.DEFINED;
        Double f1 = status == Status.EMPTY ? 1.0 : 2.0 * detected / (2.0 * detected + missed + fp);
        Double sens = nB == 0 ? null : (double) detected / nB;
        String note = status == Status.EMPTY ? "no lesions in either mask: lesion F1 = 1 by convention, sensitivity undefined"
                : nB == 0 ? "no reference lesions: sensitivity undefined" : null;
        LesionMetrics m = new LesionMetrics(status, note, o.connectivity(), nB, nA, detected, missed, fp, f1, sens,
                cb.count - nB, ca.count - nA, lesions, fps);
        return new Matched(m, withMap ? map(ca, idA, touchesB, cb, idB, detectedB, g.nx()) : null);
    }

    /**
     * The runs of the kept reference lesions (detected or missed) and of the false-positive components, merged in
     * voxel-index order (both run lists already are; the two never share a voxel).
     */
    private static LesionMap map(Components ca, int[] idA, boolean[] touchesB, Components cb, int[] idB,
            boolean[] detectedB, int nx) {
        Runs ra = ca.runs;
        Runs rb = cb.runs;
        int cap = ra.count + rb.count;
        int[] start = new int[cap];
        int[] end = new int[cap];
        byte[] kind = new byte[cap];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < ra.count || j < rb.count) {
            long si = i < ra.count ? (long) ra.row[i] * nx + ra.x0[i] : Long.MAX_VALUE;
            long sj = j < rb.count ? (long) rb.row[j] * nx + rb.x0[j] : Long.MAX_VALUE;
            if (sj <= si) {
                int l = idB[cb.label[j]];
                if (l >= 0) {
                    start[n] = (int) sj;
                    end[n] = (int) sj + rb.length(j);
                    kind[n++] = (byte) (detectedB[l] ? LesionMap.Kind.DETECTED : LesionMap.Kind.MISSED).ordinal();
                }
                j++;
            } else {
                int l = idA[ca.label[i]];
                if (l >= 0 && !touchesB[l]) {
                    start[n] = (int) si;
                    end[n] = (int) si + ra.length(i);
                    kind[n++] = (byte) LesionMap.Kind.FALSE_POSITIVE.ordinal();
                }
                i++;
            }
        }
        return LesionMap.of(start, end, kind, n);
    }

    /** New id of each component among the kept ones (order kept), −1 when dropped as too small. */
    private static int[] keep(Components c, Grid g, SpatialOptions o) {
        int[] id = new int[c.count];
        int k = 0;
        for (int i = 0; i < c.count; i++) {
            boolean small = c.voxels[i] < o.minLesionVoxels() || c.voxels[i] * g.voxelMl() < o.minLesionMl();
            id[i] = small ? -1 : k++;
        }
        return id;
    }

    private static int count(int[] id) {
        int n = 0;
        for (int v : id) {
            n += v >= 0 ? 1 : 0;
        }
        return n;
    }

    private static long[] sizes(Components c, int[] id, int n) {
        long[] s = new long[n];
        for (int i = 0; i < c.count; i++) {
            if (id[i] >= 0) {
                s[id[i]] = c.voxels[i];
            }
        }
        return s;
    }
}
