package org.dicelens.metrics;

/**
 * The per-class metrics and losses of the formula sheet as pure functions of the region's sums (no voxels). Undefined
 * values are NaN. Names follow docs/FORMULAS.md; s = {@link ClassSums}, lp = {@link LossParams}.
 */
public final class Losses {
    /** ε of the sensitivity–specificity loss (Brosch 2015 as written in Sudre 2017). */
    public static final double SS_EPSILON = 1e-5;

    private Losses() {
    }

    /** SD = 2I/(P + R); 1 when both are empty (P + R = 0). */
    public static double softDice(ClassSums s) {
        double den = s.p() + s.r();
        return den == 0 ? 1.0 : 2 * s.i() / den;
    }

    /** I/(P + R − I); 1 when both are empty (the Dice convention: P + R − I = 0 only then). */
    public static double softJaccard(ClassSums s) {
        double den = s.p() + s.r() - s.i();
        return den == 0 ? 1.0 : s.i() / den;
    }

    /** HD = 2TP/(2TP + FP + FN); 1 when both are empty. */
    public static double hardDice(long tp, long fp, long fn) {
        long den = 2 * tp + fp + fn;
        return den == 0 ? 1.0 : 2.0 * tp / den;
    }

    /** TP/(TP + FP + FN); 1 when both are empty. */
    public static double hardJaccard(long tp, long fp, long fn) {
        long den = tp + fp + fn;
        return den == 0 ? 1.0 : tp / (double) den;
    }

    /** a/(a + b), NaN when both are 0: precision TP/(TP+FP), recall TP/(TP+FN), specificity TN/(TN+FP). */
    public static double ratio(long a, long b) {
        long den = a + b;
        return den == 0 ? Double.NaN : a / (double) den;
    }

    /** L_D = 1 − (2I + s_nr)/(P + R + s_dr). */
    public static double diceLoss(ClassSums s, LossParams lp) {
        return 1 - (2 * s.i() + lp.smoothNr()) / (s.p() + s.r() + lp.smoothDr());
    }

    /** L_D2 = 1 − (2I + s_nr)/(P2 + R2 + s_dr) (V-Net). */
    public static double diceSquaredLoss(ClassSums s, LossParams lp) {
        return 1 - (2 * s.i() + lp.smoothNr()) / (s.p2() + s.r2() + lp.smoothDr());
    }

    /**
     * 1 − (2I + s_nr)/(2(P + R − I) + s_dr), as MONAI's DiceLoss(jaccard=True) computes it: the Dice numerator 2I + s_nr
     * over 2(tp + fp + fn) + s_dr. Equal to 1 − I/(P + R − I) at s = 0; the smoothing weighs half as much as in the
     * form 1 − (I + s_nr)/(P + R − I + s_dr), which an earlier version computed.
     */
    public static double jaccardLoss(ClassSums s, LossParams lp) {
        return 1 - (2 * s.i() + lp.smoothNr()) / (2 * (s.p() + s.r() - s.i()) + lp.smoothDr());
    }

    /** T = (I + s_nr)/(I + α(P − I) + β(R − I) + s_dr). */
    public static double tversky(ClassSums s, LossParams lp) {
        double fp = s.p() - s.i();
        double fn = s.r() - s.i();
        return (s.i() + lp.smoothNr()) / (s.i() + lp.tverskyAlpha() * fp + lp.tverskyBeta() * fn + lp.smoothDr());
    }

    public static double tverskyLoss(ClassSums s, LossParams lp) {
        return 1 - tversky(s, lp);
    }

    /** (1 − T)^(1/γ). */
    public static double focalTverskyLoss(ClassSums s, LossParams lp) {
        return Math.pow(1 - tversky(s, lp), 1 / lp.focalTverskyGamma());
    }

    /** ln(cosh(L_D)). */
    public static double logCoshDice(double diceLoss) {
        return Math.log(Math.cosh(diceLoss));
    }

    /** −(1/N)[Σ_{r=1} ln q + Σ_{r=0} ln(1 − q)]. */
    public static double crossEntropy(double n, double lnPos, double lnNeg) {
        return -(lnPos + lnNeg) / n;
    }

    /**
     * −(1/N)[w Σ_{r=1} ln q + Σ_{r=0} ln(1 − q)], w = (N − R)/R (reference) or (N − P)/P (prediction). With no reference
     * voxel the weighted sum is empty and contributes 0; otherwise an infinite weight (P = 0) gives NaN (undefined).
     */
    public static double weightedCrossEntropy(ClassSums s, double lnPos, double lnNeg, WceWeightSource source) {
        double fg;
        if (s.r() == 0) {
            fg = 0;
        } else {
            double base = source == WceWeightSource.REFERENCE ? s.r() : s.p();
            double w = (s.n() - base) / base;
            fg = Double.isInfinite(w) ? Double.NaN : w * lnPos;
        }
        return -(fg + lnNeg) / s.n();
    }

    /** The WCE foreground weight w, as shown beside the loss (∞ when its denominator is 0). */
    public static double wceWeight(ClassSums s, WceWeightSource source) {
        double base = source == WceWeightSource.REFERENCE ? s.r() : s.p();
        return (s.n() - base) / base;
    }

    /** SS = λ Σ_{r=1}(1 − p)²/(R + ε) + (1 − λ) Σ_{r=0} p²/(N − R + ε), from Σ(p − r)² split by r. */
    public static double sensitivitySpecificity(ClassSums s, double d2Pos, double d2Neg, double lambda) {
        return lambda * d2Pos / (s.r() + SS_EPSILON) + (1 - lambda) * d2Neg / (s.n() - s.r() + SS_EPSILON);
    }

    /** Focal loss −(1/N) Σ (1 − p_t)^γ ln q_t from its two per-r sums. */
    public static double focal(double n, double focalPos, double focalNeg) {
        return -(focalPos + focalNeg) / n;
    }

    /** α·(−(1/N)[β Σ_{r=1} ln q + (1 − β) Σ_{r=0} ln(1 − q)]) − (1 − α)·SD. */
    public static double combo(double n, double lnPos, double lnNeg, double softDice, LossParams lp) {
        double b = lp.comboBeta();
        return lp.comboAlpha() * (-(b * lnPos + (1 - b) * lnNeg) / n) - (1 - lp.comboAlpha()) * softDice;
    }

    /** Brier (1/N) Σ (p − r)². */
    public static double brier(double n, double d2Pos, double d2Neg) {
        return (d2Pos + d2Neg) / n;
    }
}
