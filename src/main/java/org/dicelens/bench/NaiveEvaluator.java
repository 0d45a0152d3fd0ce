package org.dicelens.bench;

import org.dicelens.metrics.*;
import org.dicelens.volume.Case;

/**
 * The benchmark's baseline: what an evaluator without sufficient statistics does on every control change — one plain,
 * single-threaded pass over every voxel and class computing the region, the hard segmentation and the per-voxel sums
 * of the sheet (overlaps, volumes, cross-entropy, focal, Brier). Not used by the engine, nor as the tests' oracle.
 */
public final class NaiveEvaluator {
    private NaiveEvaluator() {
    }

    /** Per class: the region's sums, hard counts and the log-based sums. */
    public record Result(ClassSums[] sums, long[] tp, long[] fp, double[] ce, double[] focal, double[] brier) {
    }

    public static Result evaluate(Case cs, Settings s) {
        EvaluationRegion region = EvaluationRegion.of(cs);
        int nc = cs.classCount();
        int nx = cs.geometry().nx();
        int ny = cs.geometry().ny();
        int nz = cs.geometry().nz();
        float[][] ch = cs.prediction().channels();
        double[] n = new double[nc];
        double[] i1 = new double[nc];
        double[] p1 = new double[nc];
        double[] r1 = new double[nc];
        double[] p2 = new double[nc];
        long[] tp = new long[nc];
        long[] fp = new long[nc];
        double[] ce = new double[nc];
        double[] focal = new double[nc];
        double[] brier = new double[nc];
        int bg = cs.classes().backgroundChannel();
        double gamma = s.losses().focalGamma();
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (!region.contains(x, y, z, s.margin())) {
                        continue;
                    }
                    int ref = cs.reference(i);
                    int arg = 0;
                    for (int c = 1; c < nc; c++) {
                        if (ch[c][i] > ch[arg][i]) {
                            arg = c;
                        }
                    }
                    if (ch[arg][i] < s.confidenceFloor()) {
                        arg = bg;
                    }
                    for (int c = 0; c < nc; c++) {
                        double p = LogStatistics.clamp01(ch[c][i]);
                        int r = ref == c ? 1 : 0;
                        boolean b = s.mode() == HardMode.THRESHOLD ? p >= s.threshold(c) : arg == c;
                        n[c]++;
                        i1[c] += p * r;
                        p1[c] += p;
                        r1[c] += r;
                        p2[c] += p * p;
                        tp[c] += b && r == 1 ? 1 : 0;
                        fp[c] += b && r == 0 ? 1 : 0;
                        double q = LogStatistics.forLog(p);
                        double lnqt = r == 1 ? Math.log(q) : Math.log(1 - q);
                        ce[c] -= lnqt;
                        double pt = r == 1 ? p : 1 - p;
                        focal[c] -= Math.pow(1 - pt, gamma) * lnqt;
                        brier[c] += (p - r) * (p - r);
                    }
                }
            }
        }
        ClassSums[] sums = new ClassSums[nc];
        for (int c = 0; c < nc; c++) {
            sums[c] = new ClassSums(n[c], i1[c], p1[c], r1[c], p2[c], r1[c]);
            ce[c] /= n[c];
            focal[c] /= n[c];
            brier[c] /= n[c];
        }
        return new Result(sums, tp, fp, ce, focal, brier);
    }
}
