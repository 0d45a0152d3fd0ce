package org.dicelens.metrics.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;

/**
 * The cohort numbers straight from the voxels, written from the definitions (issue 16) with independent loops: no
 * bins, no histograms, no engine. Cases are summed in cohort order, as the definitions read, so the curves' means
 * are the same doubles and their arg-max / arg-min comparisons are exact.
 */
final class BruteCohort {
    /** Per case and class: V_ref, Σp, Σp over the reference, the hard counts, the voxel volume. */
    record Values(double r, double p, double i, long tp, long pred, double v) {
    }

    private BruteCohort() {
    }

    /** Level of each voxel: Chebyshev distance to the box of reference voxels whose label ≠ 0 (all 0 without one). */
    static int[] levels(Case c) {
        var g = c.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (c.classes().get(c.reference(i)).label() != 0) {
                        int[] q = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], q[a]);
                            hi[a] = Math.max(hi[a], q[a]);
                        }
                    }
                }
            }
        }
        int[] out = new int[nx * ny * nz];
        if (hi[0] < 0) {
            return out;
        }
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    int[] q = {x, y, z};
                    int d = 0;
                    for (int a = 0; a < 3; a++) {
                        d = Math.max(d, Math.max(lo[a] - q[a], q[a] - hi[a]));
                    }
                    out[i] = d;
                }
            }
        }
        return out;
    }

    /** The hard prediction of channel c at voxel i: p ≥ t, or argmax (ties low) with the floor to label 0. */
    static boolean predicted(Case cs, Settings s, int c, int tStep, int i) {
        if (s.mode() == HardMode.THRESHOLD) {
            return cs.probability(c, i) >= tStep / 1000.0;
        }
        int arg = 0;
        for (int a = 1; a < cs.classCount(); a++) {
            if (cs.probability(a, i) > cs.probability(arg, i)) {
                arg = a;
            }
        }
        if (cs.probability(arg, i) < s.confidenceFloorStep() / 1000.0) {
            return cs.classes().get(c).label() == 0;
        }
        return arg == c;
    }

    /** The values of the class with this label in one case; null when the case has no such class. */
    static Values values(Case cs, int[] level, Settings s, int label, int tStep) {
        int c = -1;
        for (int k = 0; k < cs.classCount(); k++) {
            if (cs.classes().get(k).label() == label) {
                c = k;
            }
        }
        if (c < 0) {
            return null;
        }
        double r = 0;
        double p = 0;
        double in = 0;
        long tp = 0;
        long pred = 0;
        for (int i = 0; i < cs.voxelCount(); i++) {
            if (s.margin() >= 0 && level[i] > s.margin()) {
                continue;
            }
            boolean ref = cs.reference(i) == c;
            double q = cs.probability(c, i);
            boolean b = predicted(cs, s, c, tStep, i);
            r += ref ? 1 : 0;
            p += q;
            in += ref ? q : 0;
            pred += b ? 1 : 0;
            tp += b && ref ? 1 : 0;
        }
        return new Values(r, p, in, tp, pred, cs.geometry().voxelMl());
    }

    /** {mean hard Dice, mean ΔV_hard, count} over cases at threshold step k (threshold sweep, whatever the mode). */
    static double[] sweepAt(List<Case> cases, List<int[]> levels, Settings s, int label, int k) {
        Settings t = s.withMode(HardMode.THRESHOLD, 0);
        double dice = 0;
        double dv = 0;
        int n = 0;
        for (int ci = 0; ci < cases.size(); ci++) {
            Values v = values(cases.get(ci), levels.get(ci), t, label, k);
            if (v == null || v.r() + v.pred() == 0) {
                continue;
            }
            dice += 2.0 * v.tp() / (v.pred() + (long) v.r());
            dv += (v.pred() - (long) v.r()) * v.v();
            n++;
        }
        return new double[] {n == 0 ? Double.NaN : dice / n, n == 0 ? Double.NaN : dv / n, n};
    }

    /** The per-case table of one class: {softDice, hardDice, ΔV_soft, ΔV_hard, V_ref, V_soft, V_hard} per case counted. */
    static List<double[]> table(List<Case> cases, List<int[]> levels, Settings s, int label, int channelInSettings) {
        List<double[]> rows = new ArrayList<>();
        int step = s.mode() == HardMode.THRESHOLD ? s.thresholdSteps()[channelInSettings] : 0;
        for (int ci = 0; ci < cases.size(); ci++) {
            Values v = values(cases.get(ci), levels.get(ci), s, label, step);
            if (v == null || (v.r() == 0 && v.pred() == 0)) {
                continue;
            }
            double soft = v.p() + v.r() == 0 ? 1 : 2 * v.i() / (v.p() + v.r());
            double hard = 2.0 * v.tp() / (v.pred() + v.r());
            rows.add(new double[] {soft, hard, (v.p() - v.r()) * v.v(), (v.pred() - v.r()) * v.v(), v.r() * v.v(),
                v.p() * v.v(), v.pred() * v.v()});
        }
        return rows;
    }

    static double[] column(List<double[]> rows, int k) {
        return rows.stream().mapToDouble(r -> r[k]).toArray();
    }

    static double mean(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).sum() / x.length;
    }

    static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(a -> (a - m) * (a - m)).sum() / (x.length - 1));
    }

    static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double pearson(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
