package org.dicelens.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.volume.Case;

/**
 * The tests' independent brute force: every number of shared/docs/LOSSES.md computed voxel by voxel in double precision
 * straight from the sheet, with none of the engine's code (no bins, no histograms, no cumulative sums, no Losses).
 * Slow on purpose; for small cases only. Output keys are ClassMetrics/CaseMetrics component names.
 */
final class Oracle {
    private final Case cs;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int nc;
    private final int background;
    private final int[] box;
    private final double voxelMl;

    Oracle(Case cs) {
        this.cs = cs;
        this.nx = cs.geometry().nx();
        this.ny = cs.geometry().ny();
        this.nz = cs.geometry().nz();
        this.nc = cs.prediction().channels().length;
        int bg = -1;
        for (int c = nc - 1; c >= 0; c--) {
            if (cs.classes().get(c).label() == 0) {
                bg = c;
            }
        }
        this.background = bg;
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        boolean any = false;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (label(idx(x, y, z)) != 0) {
                        any = true;
                        b[0] = Math.min(b[0], x);
                        b[1] = Math.min(b[1], y);
                        b[2] = Math.min(b[2], z);
                        b[3] = Math.max(b[3], x);
                        b[4] = Math.max(b[4], y);
                        b[5] = Math.max(b[5], z);
                    }
                }
            }
        }
        this.box = any ? b : null;
        // voxel volume straight from the affine's 3x3 determinant, in mL
        double[] a = cs.geometry().affine();
        double det = a[0] * (a[5] * a[10] - a[6] * a[9]) - a[1] * (a[4] * a[10] - a[6] * a[8])
                + a[2] * (a[4] * a[9] - a[5] * a[8]);
        this.voxelMl = Math.abs(det) / 1000;
    }

    int idx(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    int label(int i) {
        return cs.classes().get(cs.referenceClass()[i] & 0xFF).label();
    }

    int r(int c, int i) {
        return (cs.referenceClass()[i] & 0xFF) == c ? 1 : 0;
    }

    /** Probability as the sheet uses it: clamped into [0,1]. */
    double p(int c, int i) {
        float f = cs.prediction().channels()[c][i];
        return Math.max(0.0, Math.min(1.0, f));
    }

    static double q(double p) {
        return Math.max(1e-7, Math.min(1 - 1e-7, p));
    }

    /** Voxel indices of Ω_m by the definition: Chebyshev distance to the box ≤ m. */
    List<Integer> region(int margin) {
        List<Integer> out = new ArrayList<>();
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (margin == Settings.WHOLE_VOLUME || box == null) {
                        out.add(idx(x, y, z));
                        continue;
                    }
                    int d = Math.max(Math.max(dist(x, box[0], box[3]), dist(y, box[1], box[4])), dist(z, box[2], box[5]));
                    if (d <= margin) {
                        out.add(idx(x, y, z));
                    }
                }
            }
        }
        return out;
    }

    private static int dist(int v, int lo, int hi) {
        return Math.max(0, Math.max(lo - v, v - hi));
    }

    /** Hard segmentation b_cn under the settings. */
    boolean hard(Settings s, int c, int i) {
        if (s.mode() == HardMode.THRESHOLD) {
            return p(c, i) >= s.thresholdSteps()[c] / 1000.0;
        }
        int arg = 0;
        for (int k = 1; k < nc; k++) {
            if (p(k, i) > p(arg, i)) {
                arg = k;
            }
        }
        if (p(arg, i) < s.confidenceFloorStep() / 1000.0) {
            arg = background;
        }
        return arg == c;
    }

    double[] weights(Settings s, List<Integer> reg) {
        double[] w = new double[nc];
        double maxFinite = 0;
        for (int c = 0; c < nc; c++) {
            double rr = 0;
            for (int i : reg) {
                rr += r(c, i);
            }
            switch (s.weightScheme()) {
                case SQUARE -> w[c] = 1.0 / (rr * rr);
                case SIMPLE -> w[c] = 1.0 / rr;
                case UNIFORM -> w[c] = 1.0;
                default -> w[c] = s.customWeights()[c];
            }
            if (included(s, c) && !Double.isInfinite(w[c])) {
                maxFinite = Math.max(maxFinite, w[c]);
            }
        }
        for (int c = 0; c < nc; c++) {
            if (Double.isInfinite(w[c])) {
                w[c] = s.emptyRule() == EmptyRule.MAX ? maxFinite : 0;
            }
            if (!included(s, c)) {
                w[c] = Double.NaN;
            }
        }
        return w;
    }

    boolean included(Settings s, int c) {
        return s.includeBackground() || c != background;
    }

    /** Per class, every ClassMetrics component except label and name. */
    Map<String, Double> classMetrics(Settings s, int c) {
        List<Integer> reg = region(s.margin());
        double n = reg.size();
        LossParams lp = s.losses();
        double i1 = 0, pp = 0, rr = 0, p2 = 0, tp = 0, fp = 0, fn = 0, tn = 0;
        double ceSum = 0, wFg = 0, wBg = 0, ssFg = 0, ssBg = 0, focal = 0, comboSum = 0, brier = 0;
        for (int i : reg) {
            double p = p(c, i);
            int r = r(c, i);
            boolean b = hard(s, c, i);
            i1 += p * r;
            pp += p;
            rr += r;
            p2 += p * p;
            tp += b && r == 1 ? 1 : 0;
            fp += b && r == 0 ? 1 : 0;
            fn += !b && r == 1 ? 1 : 0;
            tn += !b && r == 0 ? 1 : 0;
            double q = q(p);
            ceSum += r * Math.log(q) + (1 - r) * Math.log(1 - q);
            wFg += r * Math.log(q);
            wBg += (1 - r) * Math.log(1 - q);
            ssFg += (r - p) * (r - p) * r;
            ssBg += (r - p) * (r - p) * (1 - r);
            double pt = r == 1 ? p : 1 - p;
            double qt = r == 1 ? q : 1 - q;
            focal += Math.pow(1 - pt, lp.focalGamma()) * Math.log(qt);
            comboSum += lp.comboBeta() * r * Math.log(q) + (1 - lp.comboBeta()) * (1 - r) * Math.log(1 - q);
            brier += (p - r) * (p - r);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("threshold", s.mode() == HardMode.THRESHOLD ? s.thresholdSteps()[c] / 1000.0 : s.confidenceFloorStep() / 1000.0);
        m.put("refVoxels", rr);
        m.put("softVoxels", pp);
        m.put("hardVoxels", tp + fp);
        m.put("refMl", rr * voxelMl);
        m.put("softMl", pp * voxelMl);
        m.put("hardMl", (tp + fp) * voxelMl);
        m.put("deltaSoftMl", pp * voxelMl - rr * voxelMl);
        m.put("deltaHardMl", (tp + fp) * voxelMl - rr * voxelMl);
        double sd = pp + rr == 0 ? 1 : 2 * i1 / (pp + rr);
        m.put("softDice", sd);
        m.put("hardDice", 2 * tp + fp + fn == 0 ? 1 : 2 * tp / (2 * tp + fp + fn));
        m.put("softJaccard", pp + rr - i1 == 0 ? 1 : i1 / (pp + rr - i1));
        m.put("hardJaccard", tp + fp + fn == 0 ? 1 : tp / (tp + fp + fn));
        m.put("precision", tp + fp == 0 ? Double.NaN : tp / (tp + fp));
        m.put("recall", tp + fn == 0 ? Double.NaN : tp / (tp + fn));
        m.put("specificity", tn + fp == 0 ? Double.NaN : tn / (tn + fp));
        m.put("tp", tp);
        m.put("fp", fp);
        m.put("fn", fn);
        m.put("tn", tn);
        double snr = lp.smoothNr();
        double sdr = lp.smoothDr();
        double ld = 1 - (2 * i1 + snr) / (pp + rr + sdr);
        m.put("diceLoss", ld);
        m.put("diceSquaredLoss", 1 - (2 * i1 + snr) / (p2 + rr + sdr));
        m.put("jaccardLoss", 1 - (2 * i1 + snr) / (2 * (pp + rr - i1) + sdr)); // MONAI DiceLoss(jaccard=True)
        double t = (i1 + snr) / (i1 + lp.tverskyAlpha() * (pp - i1) + lp.tverskyBeta() * (rr - i1) + sdr);
        m.put("tverskyLoss", 1 - t);
        m.put("focalTverskyLoss", Math.pow(1 - t, 1 / lp.focalTverskyGamma()));
        m.put("ce", -ceSum / n);
        double w = lp.wceWeightSource() == WceWeightSource.REFERENCE ? (n - rr) / rr : (n - pp) / pp;
        double fgTerm = rr == 0 ? 0 : Double.isInfinite(w) ? Double.NaN : w * wFg;
        m.put("wce", -(fgTerm + wBg) / n);
        m.put("ss", lp.ssLambda() * ssFg / (rr + 1e-5) + (1 - lp.ssLambda()) * ssBg / (n - rr + 1e-5));
        m.put("focal", -focal / n);
        m.put("logCoshDice", Math.log(Math.cosh(ld)));
        m.put("combo", lp.comboAlpha() * (-comboSum / n) - (1 - lp.comboAlpha()) * sd);
        m.put("ece", reliability(s, c)[3][0]);
        m.put("brier", brier / n);
        Map<String, Object> g = gdl(s);
        m.put("gdlWeight", ((double[]) g.get("weights"))[c]);
        m.put("gdlShare", ((double[]) g.get("shares"))[c]);
        int[] special = specialSteps(s, c);
        m.put("tBest", special[0] < 0 ? Double.NaN : special[0] / 1000.0);
        m.put("tVol", special[1] / 1000.0);
        m.put("tCal", special[2] / 1000.0);
        double[] opt = diceOptimal(s.margin(), c);
        m.put("diceOptimalK", opt[0]);
        m.put("diceOptimalExpectedDice", opt[1]);
        m.put("diceOptimalThreshold", opt[2]);
        m.put("diceOptimalMl", opt[0] * voxelMl);
        return m;
    }

    private Settings gdlFor;
    private Map<String, Object> gdlMemo;

    /**
     * GDL over the included classes: weights, shares, Σ w I (numeratorSum), Σ w (P + R) (denominatorSum), loss and
     * score (remembered for the last settings).
     */
    Map<String, Object> gdl(Settings s) {
        if (s == gdlFor) {
            return gdlMemo;
        }
        gdlMemo = gdlUncached(s);
        gdlFor = s;
        return gdlMemo;
    }

    private Map<String, Object> gdlUncached(Settings s) {
        List<Integer> reg = region(s.margin());
        double[] w = weights(s, reg);
        double num = 0, den = 0, hnum = 0, hden = 0;
        boolean allEmpty = true;
        double[] part = new double[nc];
        for (int c = 0; c < nc; c++) {
            if (!included(s, c)) {
                continue;
            }
            double i1 = 0, pp = 0, rr = 0, tp = 0, pred = 0;
            for (int i : reg) {
                i1 += p(c, i) * r(c, i);
                pp += p(c, i);
                rr += r(c, i);
                boolean b = hard(s, c, i);
                tp += b && r(c, i) == 1 ? 1 : 0;
                pred += b ? 1 : 0;
            }
            num += w[c] * i1;
            den += w[c] * (pp + rr);
            part[c] = w[c] * (pp + rr);
            hnum += w[c] * tp;
            hden += w[c] * (pred + rr);
            allEmpty &= pred + rr == 0;
        }
        double[] shares = new double[nc];
        for (int c = 0; c < nc; c++) {
            shares[c] = included(s, c) && den != 0 ? part[c] / den : Double.NaN;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weights", w);
        m.put("shares", shares);
        m.put("numeratorSum", num);
        m.put("denominatorSum", den);
        m.put("loss", 1 - (2 * num + s.losses().smoothNr()) / (den + s.losses().smoothDr()));
        m.put("score", hden != 0 ? 2 * hnum / hden : allEmpty ? 1.0 : Double.NaN);
        return m;
    }

    /** Case-level values. */
    Map<String, Double> caseMetrics(Settings s) {
        List<Integer> reg = region(s.margin());
        double n = reg.size();
        LossParams lp = s.losses();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("voxelMl", voxelMl);
        m.put("regionVoxels", n);
        double fg = 0;
        for (int i : reg) {
            fg += label(i) != 0 ? 1 : 0;
        }
        m.put("foregroundFraction", fg / n);
        Map<String, Object> g = gdl(s);
        m.put("gdl", (Double) g.get("loss"));
        m.put("gdlScore", (Double) g.get("score"));
        double ms = 0, mh = 0;
        int inc = 0;
        for (int c = 0; c < nc; c++) {
            if (included(s, c)) {
                double i1 = 0, pp = 0, rr = 0, tp = 0, pred = 0;
                for (int i : reg) {
                    i1 += p(c, i) * r(c, i);
                    pp += p(c, i);
                    rr += r(c, i);
                    boolean b = hard(s, c, i);
                    tp += b && r(c, i) == 1 ? 1 : 0;
                    pred += b ? 1 : 0;
                }
                ms += pp + rr == 0 ? 1 : 2 * i1 / (pp + rr);
                mh += pred + rr == 0 ? 1 : 2 * tp / (pred + rr);
                inc++;
            }
        }
        m.put("meanSoftDice", inc == 0 ? Double.NaN : ms / inc);
        m.put("meanHardDice", inc == 0 ? Double.NaN : mh / inc);
        double ce = 0;
        for (int i : reg) {
            for (int c = 0; c < nc; c++) {
                ce += r(c, i) * Math.log(q(p(c, i)));
            }
        }
        m.put("ceMulticlass", -ce / n);
        // exponential logarithmic (Wong 2018)
        double[] rr = new double[nc];
        double[] ii = new double[nc];
        double[] pp = new double[nc];
        double sumR = 0;
        for (int i : reg) {
            for (int c = 0; c < nc; c++) {
                rr[c] += r(c, i);
                ii[c] += p(c, i) * r(c, i);
                pp[c] += p(c, i);
            }
        }
        for (double v : rr) {
            sumR += v;
        }
        double diceTerm = 0;
        for (int c = 0; c < nc; c++) {
            double d = (2 * ii[c] + 1) / (pp[c] + rr[c] + 1);
            diceTerm += Math.pow(-Math.log(d), lp.expLogGamma());
        }
        double ceTerm = 0;
        for (int i : reg) {
            int l = cs.referenceClass()[i] & 0xFF;
            ceTerm += Math.pow(sumR / rr[l], 0.5) * Math.pow(-Math.log(q(p(l, i))), lp.expLogGamma());
        }
        m.put("expLog", lp.expLogWDice() * diceTerm / nc + lp.expLogWCe() * ceTerm / n);
        double clamped = 0;
        for (float[] ch : cs.prediction().channels()) {
            for (float f : ch) {
                clamped += f < 0 || f > 1 ? 1 : 0;
            }
        }
        m.put("clampedValues", clamped + cs.prediction().clampedCount());
        return m;
    }

    double[][] sweep(Settings s, int c) {
        return new OracleCurves(this).sweep(s, c);
    }

    int[] specialSteps(Settings s, int c) {
        return new OracleCurves(this).specialSteps(s, c);
    }

    double[][] reliability(Settings s, int c) {
        return new OracleCurves(this).reliability(s, c);
    }

    double[] diceOptimal(int margin, int c) {
        return new OracleCurves(this).diceOptimal(margin, c);
    }

    double voxelMl() {
        return voxelMl;
    }
}
