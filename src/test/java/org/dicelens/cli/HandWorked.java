package org.dicelens.cli;

import java.util.Arrays;

/**
 * The formula sheet (docs/FORMULAS.md) worked out by brute force over tiny arrays, written for the tests from the
 * sheet alone: plain loops over voxels, no statistics, no bins, nothing shared with the engine. Used to check the
 * command line's numbers independently.
 */
final class HandWorked {
    static final double CLAMP = 1e-7;

    final int[] ref; // channel index per voxel
    final float[][] p; // [channel][voxel]
    final boolean[] inRegion;
    final double voxelMl;

    HandWorked(int[] ref, float[][] p, boolean[] inRegion, double voxelMl) {
        this.ref = ref;
        this.p = p;
        this.inRegion = inRegion;
        this.voxelMl = voxelMl;
    }

    static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    double n() {
        double n = 0;
        for (boolean b : inRegion) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private double r(int c, int i) {
        return ref[i] == c ? 1 : 0;
    }

    double sumI(int c) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            s += inRegion[i] ? p[c][i] * r(c, i) : 0;
        }
        return s;
    }

    double sumP(int c) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            s += inRegion[i] ? p[c][i] : 0;
        }
        return s;
    }

    double sumP2(int c) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            s += inRegion[i] ? (double) p[c][i] * p[c][i] : 0;
        }
        return s;
    }

    double sumR(int c) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            s += inRegion[i] ? r(c, i) : 0;
        }
        return s;
    }

    /** Hard masks in threshold mode: b = [p ≥ t], t = step/1000 compared in double as the sheet's implementation note says. */
    boolean[] thresholdMask(int c, int step) {
        boolean[] b = new boolean[ref.length];
        double t = step / 1000.0;
        for (int i = 0; i < ref.length; i++) {
            b[i] = p[c][i] >= t;
        }
        return b;
    }

    /** Argmax mode: ties to the lowest index; a max below the floor goes to the background channel. */
    boolean[] argmaxMask(int c, double floor, int background) {
        boolean[] b = new boolean[ref.length];
        for (int i = 0; i < ref.length; i++) {
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k][i] > p[best][i]) {
                    best = k;
                }
            }
            if (p[best][i] < floor) {
                best = background;
            }
            b[i] = best == c;
        }
        return b;
    }

    /** {tp, fp, fn, tn} inside the region. */
    long[] counts(int c, boolean[] hard) {
        long[] k = new long[4];
        for (int i = 0; i < ref.length; i++) {
            if (!inRegion[i]) {
                continue;
            }
            boolean rr = ref[i] == c;
            k[hard[i] ? (rr ? 0 : 1) : (rr ? 2 : 3)]++;
        }
        return k;
    }

    static double hardDice(long[] k) {
        long d = 2 * k[0] + k[1] + k[2];
        return d == 0 ? 1 : 2.0 * k[0] / d;
    }

    double softDice(int c) {
        double d = sumP(c) + sumR(c);
        return d == 0 ? 1 : 2 * sumI(c) / d;
    }

    double softJaccard(int c) {
        return sumI(c) / (sumP(c) + sumR(c) - sumI(c));
    }

    double diceLoss(int c, double snr, double sdr) {
        return 1 - (2 * sumI(c) + snr) / (sumP(c) + sumR(c) + sdr);
    }

    double diceSquaredLoss(int c, double snr, double sdr) {
        return 1 - (2 * sumI(c) + snr) / (sumP2(c) + sumR(c) + sdr);
    }

    double jaccardLoss(int c, double snr, double sdr) {
        return 1 - (2 * sumI(c) + snr) / (2 * (sumP(c) + sumR(c) - sumI(c)) + sdr);
    }

    double tversky(int c, double a, double b, double snr, double sdr) {
        double i = sumI(c);
        return (i + snr) / (i + a * (sumP(c) - i) + b * (sumR(c) - i) + sdr);
    }

    private static double lg(double p) {
        return Math.log(Math.min(1 - CLAMP, Math.max(CLAMP, p)));
    }

    private static double lg1m(double p) {
        return Math.log(1 - Math.min(1 - CLAMP, Math.max(CLAMP, p)));
    }

    /** Binary CE with the foreground term weighted by w (w = 1: plain CE). */
    double ce(int c, double w) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                s += w * r(c, i) * lg(p[c][i]) + (1 - r(c, i)) * lg1m(p[c][i]);
            }
        }
        return -s / n();
    }

    double ss(int c, double lambda) {
        double eps = 1e-5;
        double fg = 0;
        double bg = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                double d = r(c, i) - p[c][i];
                fg += d * d * r(c, i);
                bg += d * d * (1 - r(c, i));
            }
        }
        return lambda * fg / (sumR(c) + eps) + (1 - lambda) * bg / (n() - sumR(c) + eps);
    }

    double focal(int c, double gamma) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                double q = Math.min(1 - CLAMP, Math.max(CLAMP, p[c][i]));
                double pt = ref[i] == c ? q : 1 - q;
                s += Math.pow(1 - pt, gamma) * Math.log(pt);
            }
        }
        return -s / n();
    }

    double combo(int c, double alpha, double beta) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                s += beta * r(c, i) * lg(p[c][i]) + (1 - beta) * (1 - r(c, i)) * lg1m(p[c][i]);
            }
        }
        return alpha * (-s / n()) - (1 - alpha) * softDice(c);
    }

    double brier(int c) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                double d = p[c][i] - r(c, i);
                s += d * d;
            }
        }
        return s / n();
    }

    /** ECE with equal-width bins [b/B, (b+1)/B), p = 1 in the last bin. */
    double ece(int c, int bins) {
        double[] conf = new double[bins];
        double[] obs = new double[bins];
        double[] cnt = new double[bins];
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                int b = Math.min(bins - 1, (int) Math.floor(p[c][i] * bins));
                conf[b] += p[c][i];
                obs[b] += r(c, i);
                cnt[b]++;
            }
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (cnt[b] > 0) {
                e += cnt[b] / n() * Math.abs(obs[b] / cnt[b] - conf[b] / cnt[b]);
            }
        }
        return e;
    }

    double ceMulticlass() {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                s += lg(p[ref[i]][i]);
            }
        }
        return -s / n();
    }

    /** Hard voxel count at each step 0…1000. */
    long[] hardCounts(int c) {
        long[] k = new long[1001];
        for (int s = 0; s <= 1000; s++) {
            boolean[] b = thresholdMask(c, s);
            for (int i = 0; i < ref.length; i++) {
                k[s] += inRegion[i] && b[i] ? 1 : 0;
            }
        }
        return k;
    }

    /** {t_best, t_vol, t_cal}: lowest step among ties, by scanning every step. */
    double[] specialThresholds(int c) {
        long[] hard = hardCounts(c);
        double best = -1;
        int bestStep = -1;
        int vol = 0;
        int cal = 0;
        double ev = Double.POSITIVE_INFINITY;
        double ec = Double.POSITIVE_INFINITY;
        for (int s = 0; s <= 1000; s++) {
            double d = hardDice(counts(c, thresholdMask(c, s)));
            if (sumR(c) > 0 && d > best) {
                best = d;
                bestStep = s;
            }
            if (Math.abs(hard[s] - sumR(c)) < ev) {
                ev = Math.abs(hard[s] - sumR(c));
                vol = s;
            }
            if (Math.abs(hard[s] - sumP(c)) < ec) {
                ec = Math.abs(hard[s] - sumP(c));
                cal = s;
            }
        }
        return new double[] {bestStep < 0 ? Double.NaN : bestStep / 1000.0, vol / 1000.0, cal / 1000.0};
    }

    /** Dice-optimal segmentation: {k*, D*, q_(k*)} from the sorted probabilities inside the region. */
    double[] diceOptimal(int c) {
        double[] q = new double[(int) n()];
        int j = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                q[j++] = p[c][i];
            }
        }
        Arrays.sort(q);
        double total = sumP(c);
        double cum = 0;
        double best = -1;
        int bestK = 0;
        for (int k = 1; k <= q.length; k++) {
            cum += q[q.length - k];
            double d = 2 * cum / (k + total);
            if (d > best) {
                best = d;
                bestK = k;
            }
        }
        return new double[] {bestK, best, q[q.length - bestK]};
    }

    /**
     * Exponential logarithmic loss (Wong 2018) as on the sheet: w_D·mean_l[(−ln D_l)^γ] + w_C·mean_n[w_l(n) (−ln p)^γ],
     * D_l = (2I + 1)/(P + R + 1), w_l = (Σ_k R_k / R_l)^0.5, the mean over every class and over the region's voxels.
     */
    double expLog(double gamma, double wDice, double wCe) {
        int classes = p.length;
        double dice = 0;
        double totalR = 0;
        for (int c = 0; c < classes; c++) {
            double d = (2 * sumI(c) + 1) / (sumP(c) + sumR(c) + 1);
            dice += Math.pow(-Math.log(d), gamma);
            totalR += sumR(c);
        }
        double ce = 0;
        for (int i = 0; i < ref.length; i++) {
            if (inRegion[i]) {
                int l = ref[i];
                ce += Math.sqrt(totalR / sumR(l)) * Math.pow(-lg(p[l][i]), gamma);
            }
        }
        return wDice * dice / classes + wCe * ce / n();
    }
}
