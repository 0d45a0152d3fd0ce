package org.dicelens.metrics;

import java.util.Arrays;
import java.util.List;

/** The Oracle's curves: threshold sweep, special thresholds, reliability and Dice-optimal, voxel by voxel. */
final class OracleCurves {
    private final Oracle o;

    OracleCurves(Oracle o) {
        this.o = o;
    }

    /** Threshold sweep of one class: rows k = 0..1000 of {hardDice, jaccard, precision, recall, hardMl}. */
    double[][] sweep(Settings s, int c) {
        List<Integer> reg = o.region(s.margin());
        double[][] out = new double[1001][5];
        for (int k = 0; k <= 1000; k++) {
            double t = k / 1000.0;
            double tp = 0, fp = 0, fn = 0;
            for (int i : reg) {
                boolean b = o.p(c, i) >= t;
                int r = o.r(c, i);
                tp += b && r == 1 ? 1 : 0;
                fp += b && r == 0 ? 1 : 0;
                fn += !b && r == 1 ? 1 : 0;
            }
            out[k][0] = 2 * tp + fp + fn == 0 ? 1 : 2 * tp / (2 * tp + fp + fn);
            out[k][1] = tp + fp + fn == 0 ? 1 : tp / (tp + fp + fn);
            out[k][2] = tp + fp == 0 ? Double.NaN : tp / (tp + fp);
            out[k][3] = tp + fn == 0 ? Double.NaN : tp / (tp + fn);
            out[k][4] = (tp + fp) * o.voxelMl();
        }
        return out;
    }

    /** {t_best, t_vol, t_cal} steps; lowest step among ties; t_best −1 without reference voxels. */
    int[] specialSteps(Settings s, int c) {
        List<Integer> reg = o.region(s.margin());
        double rr = 0, pp = 0;
        for (int i : reg) {
            rr += o.r(c, i);
            pp += o.p(c, i);
        }
        double[][] sw = sweep(s, c);
        int best = -1, vol = 0, cal = 0;
        for (int k = 0; k <= 1000; k++) {
            double hardVox = sw[k][4] / o.voxelMl();
            hardVox = Math.rint(hardVox);
            if (rr > 0 && (best < 0 || sw[k][0] > sw[best][0])) {
                best = k;
            }
            if (Math.abs(hardVox - rr) < Math.abs(Math.rint(sw[vol][4] / o.voxelMl()) - rr)) {
                vol = k;
            }
            if (Math.abs(hardVox - pp) < Math.abs(Math.rint(sw[cal][4] / o.voxelMl()) - pp)) {
                cal = k;
            }
        }
        return new int[] {best, vol, cal};
    }

    /** Reliability: rows {confidence[], observed[], count[], {ece}}. Bin j: largest j with p ≥ j/B. */
    double[][] reliability(Settings s, int c) {
        int nb = s.calibrationBins();
        List<Integer> reg = o.region(s.margin());
        double[] sum = new double[nb];
        double[] pos = new double[nb];
        double[] cnt = new double[nb];
        for (int i : reg) {
            double p = o.p(c, i);
            int j = 0;
            while (j + 1 < nb && p >= (j + 1) / (double) nb) {
                j++;
            }
            sum[j] += p;
            pos[j] += o.r(c, i);
            cnt[j]++;
        }
        double[] conf = new double[nb];
        double[] obs = new double[nb];
        double ece = 0;
        for (int j = 0; j < nb; j++) {
            conf[j] = cnt[j] == 0 ? Double.NaN : sum[j] / cnt[j];
            obs[j] = cnt[j] == 0 ? Double.NaN : pos[j] / cnt[j];
            if (cnt[j] > 0) {
                ece += cnt[j] / reg.size() * Math.abs(obs[j] - conf[j]);
            }
        }
        return new double[][] {conf, obs, cnt, {ece}};
    }

    /** {k*, D*, q_(k*)}: sort descending, the smallest k maximising 2 S_k / (k + Σq); Σq = 0 gives {0, 1, NaN}. */
    double[] diceOptimal(int margin, int c) {
        List<Integer> reg = o.region(margin);
        double[] q = new double[reg.size()];
        double total = 0;
        for (int j = 0; j < q.length; j++) {
            q[j] = o.p(c, reg.get(j));
            total += q[j];
        }
        if (total == 0) {
            return new double[] {0, 1, Double.NaN};
        }
        Arrays.sort(q);
        double s = 0;
        double best = 0; // f(0) = 0
        int bestK = 0;
        for (int k = 1; k <= q.length; k++) {
            s += q[q.length - k];
            double f = 2 * s / (k + total);
            if (f > best) {
                best = f;
                bestK = k;
            }
        }
        return new double[] {bestK, best, bestK == 0 ? Double.NaN : q[q.length - bestK]};
    }
}
