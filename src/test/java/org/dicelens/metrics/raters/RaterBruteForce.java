package org.dicelens.metrics.raters;

import java.util.ArrayList;
import java.util.List;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;

/**
 * The tests' brute force for the multi-rater numbers, written from the definitions (docs/FORMULAS.md, "Several raters
 * and soft references") with none of the package's code: one boolean array per rater, q̂ as a double per voxel, every
 * Dice from its own loop over voxels, the hard masks from the formula sheet's rule written again here.
 */
final class RaterBruteForce {
    final boolean[][] raters; // [k][voxel] for this class; empty for a soft reference
    final double[] qHat;
    final double[] p;
    final boolean[] hard;
    final boolean[] in;
    final double v;

    /**
     * @param raterMarks rater k's marks of this class, or null for a soft reference given by {@code soft}
     * @param region     voxels evaluated
     */
    RaterBruteForce(boolean[][] raterMarks, double[] soft, float[][] prob, int c, Settings s, int background,
            boolean[] region, double voxelMl) {
        int n = prob[0].length;
        raters = raterMarks == null ? new boolean[0][] : raterMarks;
        qHat = new double[n];
        p = new double[n];
        hard = new boolean[n];
        in = region;
        v = voxelMl;
        for (int i = 0; i < n; i++) {
            if (raterMarks == null) {
                qHat[i] = soft[i];
            } else {
                int m = 0;
                for (boolean[] r : raters) {
                    m += r[i] ? 1 : 0;
                }
                qHat[i] = m / (double) raters.length;
            }
            p[i] = Math.min(1, Math.max(0, prob[c][i]));
            hard[i] = predicted(prob, c, i, s, background);
        }
    }

    private static boolean predicted(float[][] prob, int c, int i, Settings s, int background) {
        if (s.mode() == HardMode.THRESHOLD) {
            return Math.min(1, Math.max(0, prob[c][i])) >= s.thresholdSteps()[c] / 1000.0;
        }
        int best = 0;
        for (int k = 1; k < prob.length; k++) {
            if (Math.min(1, Math.max(0, prob[k][i])) > Math.min(1, Math.max(0, prob[best][i]))) {
                best = k;
            }
        }
        if (s.confidenceFloorStep() > 0 && Math.min(1, Math.max(0, prob[best][i])) < s.confidenceFloorStep() / 1000.0) {
            best = background;
        }
        return best == c;
    }

    private static double dice(double num, double den) {
        return den == 0 ? 1 : num / den;
    }

    /** Hard Dice of two masks inside the region (and inside {@code where}, if given). */
    double hardDice(boolean[] a, boolean[] b, boolean[] where) {
        long both = 0;
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (in[i] && (where == null || where[i])) {
                both += a[i] && b[i] ? 1 : 0;
                sum += (a[i] ? 1 : 0) + (b[i] ? 1 : 0);
            }
        }
        return dice(2.0 * both, sum);
    }

    double sum(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += in[i] ? x[i] : 0;
        }
        return s;
    }

    double count(boolean[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += in[i] && x[i] ? 1 : 0;
        }
        return s;
    }

    double expectedMl() {
        return sum(qHat) * v;
    }

    List<Double> raterMl() {
        List<Double> out = new ArrayList<>();
        for (boolean[] r : raters) {
            out.add(count(r) * v);
        }
        return out;
    }

    double semimetricDice() {
        double a = sum(p);
        double b = sum(qHat);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            d += in[i] ? Math.abs(p[i] - qHat[i]) : 0;
        }
        return dice(a + b - d, a + b);
    }

    /** MONAI DiceLoss(soft_label=True) from compute_tp_fp_fn's soft branch, written out as tp, fp, fn. */
    double semimetricLoss(double snr, double sdr) {
        double predO = sum(p);
        double groundO = sum(qHat);
        double difference = 0;
        for (int i = 0; i < p.length; i++) {
            difference += in[i] ? Math.abs(p[i] - qHat[i]) : 0;
        }
        double tp = (predO + groundO - difference) / 2;
        double fp = (predO - tp) * 0.5;
        double fn = (groundO - tp) * 0.5;
        return 1 - (2 * tp + snr) / (2 * (tp + fp + fn) + sdr);
    }

    double softDiceAgainst(double[] ref) {
        double num = 0;
        for (int i = 0; i < p.length; i++) {
            num += in[i] ? p[i] * ref[i] : 0;
        }
        return dice(2 * num, sum(p) + sum(ref));
    }

    static double[] asDouble(boolean[] b) {
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = b[i] ? 1 : 0;
        }
        return d;
    }

    double interRaterDice() {
        int k = raters.length;
        if (k < 2) {
            return Double.NaN;
        }
        double s = 0;
        int pairs = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                s += hardDice(raters[a], raters[b], null);
                pairs++;
            }
        }
        return s / pairs;
    }

    double qubiq() {
        double s = 0;
        for (int j = 1; j <= 9; j++) {
            boolean[] a = new boolean[p.length];
            boolean[] b = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                a[i] = p[i] >= j / 10.0;
                b[i] = qHat[i] >= j / 10.0;
            }
            s += hardDice(a, b, null);
        }
        return s / 9;
    }

    double consensusDice() {
        boolean[] agree = new boolean[p.length];
        boolean[] ref = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            agree[i] = qHat[i] == 0 || qHat[i] == 1;
            ref[i] = qHat[i] == 1;
        }
        return hardDice(hard, ref, agree);
    }

    /** ECE with bins j/B ≤ p &lt; (j+1)/B (the last also holds 1) and the mean q̂ as the observed frequency. */
    double eceVsMean(int bins) {
        return eceAgainst(qHat, bins);
    }

    /** The same ECE with rater r's marks (0/1) as the observed outcome: the fraction of each bin's voxels r marks. */
    double raterEce(int r, int bins) {
        return eceAgainst(asDouble(raters[r]), bins);
    }

    private double eceAgainst(double[] outcome, int bins) {
        double n = 0;
        double ece = 0;
        for (int i = 0; i < p.length; i++) {
            n += in[i] ? 1 : 0;
        }
        for (int j = 0; j < bins; j++) {
            double cnt = 0;
            double sp = 0;
            double sq = 0;
            for (int i = 0; i < p.length; i++) {
                boolean inBin = p[i] >= j / (double) bins && (p[i] < (j + 1) / (double) bins || j == bins - 1);
                if (in[i] && inBin) {
                    cnt++;
                    sp += p[i];
                    sq += outcome[i];
                }
            }
            if (cnt > 0) {
                ece += cnt / n * Math.abs(sq / cnt - sp / cnt);
            }
        }
        return ece;
    }
}
