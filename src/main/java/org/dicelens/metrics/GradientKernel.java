package org.dicelens.metrics;

import java.util.Objects;

/**
 * ∂L/∂p_n of one loss for one class as a function of the voxel's own p_n and r_n only, the sums of the region held
 * fixed. Every loss of the formula sheet's "Gradient maps" has the form
 * <pre>  g(p, r) = c_r + l_r·p + i_r/p + j_r/(1 − p)     (r ∈ {0, 1})</pre>
 * so one record of eight coefficients covers them all and the voxel loop stays monomorphic. Coefficients are
 * computed once from the {@link ClassSums}; {@link #dp} then costs a few flops per voxel.
 *
 * <p>Cross-entropy kernels evaluate at p clamped to [{@value #LOG_CLAMP}, 1 − {@value #LOG_CLAMP}], the clamp the
 * loss value uses for its logarithms (outside that range the clamped loss is flat; the map shows the value at the
 * clamp instead of 0 so that confident mistakes stand out). The logit gradient of such a kernel uses the clamped p
 * in p(1 − p) too, which gives (p − r)/N for CE, as the sigmoid cross-entropy does.
 *
 * @param channel the class whose channel the map differentiates; r_n = 1 iff the reference of voxel n is this channel
 * @param clampForLogs whether p is clamped as for cross-entropy's logarithms
 */
public record GradientKernel(GradientLoss loss, int channel, double c0, double c1, double l0, double l1, double i0,
        double i1, double j0, double j1, boolean clampForLogs) {

    /** The clamp of p for cross-entropy logarithms (formula sheet, "Cross-entropy"). */
    public static final double LOG_CLAMP = 1e-7;

    public GradientKernel {
        Objects.requireNonNull(loss, "loss");
        if (channel < 0) {
            throw new IllegalArgumentException("channel must be ≥ 0: " + channel);
        }
    }

    /** ∂L/∂p at a voxel with probability p and reference r = ref ? 1 : 0. */
    public double dp(double p, boolean ref) {
        double q = clampForLogs ? clamp(p) : p;
        double g;
        if (ref) {
            g = c1 + l1 * q;
            if (i1 != 0) {
                g += i1 / q;
            }
            if (j1 != 0) {
                g += j1 / (1 - q);
            }
        } else {
            g = c0 + l0 * q;
            if (i0 != 0) {
                g += i0 / q;
            }
            if (j0 != 0) {
                g += j0 / (1 - q);
            }
        }
        return g;
    }

    /** ∂L/∂z with p = sigmoid(z): ∂L/∂p · p(1 − p). */
    public double dz(double p, boolean ref) {
        double q = clampForLogs ? clamp(p) : p;
        return dp(q, ref) * q * (1 - q);
    }

    public double value(double p, boolean ref, GradientWrt wrt) {
        return wrt == GradientWrt.LOGIT ? dz(p, ref) : dp(p, ref);
    }

    static double clamp(double p) {
        return Math.min(Math.max(p, LOG_CLAMP), 1 - LOG_CLAMP);
    }

    /**
     * The kernel of any {@link GradientLoss}: {@code sums[l]} are the region sums of every class (only
     * {@code sums[channel]} is used except by GDL), {@code gdlWeights[l]} the GDL weights (only for GDL; 0 or NaN
     * drops a class, e.g. the background when it is excluded).
     */
    public static GradientKernel of(GradientLoss loss, int channel, ClassSums[] sums, LossParams params, double[] gdlWeights) {
        ClassSums s = sums[channel];
        return switch (loss) {
            case SOFT_DICE -> softDice(channel, s, params);
            case SQUARED_DICE -> squaredDice(channel, s, params);
            case GDL -> gdl(channel, sums, gdlWeights, params);
            case TVERSKY -> tversky(channel, s, params);
            case FOCAL_TVERSKY -> focalTversky(channel, s, params);
            case CE -> crossEntropy(channel, s);
            case WCE -> weightedCrossEntropy(channel, s, params);
        };
    }

    /** Soft Dice: −[2 r (P + R + s_dr) − (2I + s_nr)] / (P + R + s_dr)². */
    public static GradientKernel softDice(int channel, ClassSums s, LossParams lp) {
        double d = s.p() + s.r() + lp.smoothDr();
        double num = 2 * s.i() + lp.smoothNr();
        double d2 = d * d;
        return flat(GradientLoss.SOFT_DICE, channel, num / d2, -(2 * d - num) / d2);
    }

    /** Squared soft Dice: −[2 r (U + s_dr) − 2 p (2I + s_nr)] / (U + s_dr)², U = P2 + R2. */
    public static GradientKernel squaredDice(int channel, ClassSums s, LossParams lp) {
        double u = s.p2() + s.r2() + lp.smoothDr();
        double num = 2 * s.i() + lp.smoothNr();
        double lin = 2 * num / (u * u);
        return new GradientKernel(GradientLoss.SQUARED_DICE, channel, 0, -2 / u, lin, lin, 0, 0, 0, 0, false);
    }

    /**
     * GDL, class k: −2 w_k [r_kn B − A] / B², A = Σ_l w_l I_l + s_nr/2, B = Σ_l w_l (P_l + R_l) + s_dr, weights
     * held constant. A class with weight 0 or NaN takes no part (how the background is left out) and has a zero map.
     */
    public static GradientKernel gdl(int channel, ClassSums[] sums, double[] weights, LossParams lp) {
        if (weights == null || weights.length != sums.length) {
            throw new IllegalArgumentException("GDL needs one weight per class: " + sums.length);
        }
        double a = lp.smoothNr() / 2;
        double b = lp.smoothDr();
        for (int l = 0; l < sums.length; l++) {
            if (included(weights[l])) {
                a += weights[l] * sums[l].i();
                b += weights[l] * (sums[l].p() + sums[l].r());
            }
        }
        double wk = included(weights[channel]) ? weights[channel] : 0;
        double b2 = b * b;
        return flat(GradientLoss.GDL, channel, 2 * wk * a / b2, -2 * wk * (b - a) / b2);
    }

    /** A class takes part in GDL unless its weight is 0 or NaN (how {@link GeneralisedDice} marks an excluded class). */
    private static boolean included(double w) {
        return w != 0 && !Double.isNaN(w);
    }

    /**
     * Tversky loss 1 − T, T = Num/Den, Num = I + s_nr, Den = I + α(P − I) + β(R − I) + s_dr. With ∂Num/∂p_n = r_n
     * and ∂Den/∂p_n = (1 − α − β) r_n + α, the quotient rule gives
     * ∂(1 − T)/∂p_n = −[r_n Den − Num ((1 − α − β) r_n + α)] / Den².
     */
    public static GradientKernel tversky(int channel, ClassSums s, LossParams lp) {
        double[] g = tverskyFlat(s, lp);
        return flat(GradientLoss.TVERSKY, channel, g[0], g[1]);
    }

    /** Focal Tversky (1 − T)^(1/γ): (1/γ)(1 − T)^(1/γ − 1) times the Tversky gradient (infinite at T = 1 when γ &gt; 1). */
    public static GradientKernel focalTversky(int channel, ClassSums s, LossParams lp) {
        double[] g = tverskyFlat(s, lp);
        double inv = 1 / lp.focalTverskyGamma();
        double f = inv * Math.pow(1 - g[2], inv - 1);
        return flat(GradientLoss.FOCAL_TVERSKY, channel, f * g[0], f * g[1]);
    }

    /** {r = 0 gradient, r = 1 gradient, T}. */
    private static double[] tverskyFlat(ClassSums s, LossParams lp) {
        double a = lp.tverskyAlpha();
        double b = lp.tverskyBeta();
        double num = s.i() + lp.smoothNr();
        double den = s.i() + a * (s.p() - s.i()) + b * (s.r() - s.i()) + lp.smoothDr();
        double den2 = den * den;
        double g0 = num * a / den2;
        double g1 = -(den - num * (1 - b)) / den2; // (1 − α − β) + α = 1 − β
        return new double[] {g0, g1, num / den};
    }

    /** Binary cross-entropy: −(1/N)[r/p − (1 − r)/(1 − p)]. */
    public static GradientKernel crossEntropy(int channel, ClassSums s) {
        return logs(GradientLoss.CE, channel, s.n(), 1);
    }

    /**
     * Weighted cross-entropy: −(1/N)[w r/p − (1 − r)/(1 − p)], w = (N − R)/R from the reference or (N − P)/P from
     * the prediction ({@link LossParams#wceWeightSource()}), held constant like the GDL weights.
     */
    public static GradientKernel weightedCrossEntropy(int channel, ClassSums s, LossParams lp) {
        return logs(GradientLoss.WCE, channel, s.n(), wceWeight(s, lp.wceWeightSource()));
    }

    /** The WCE foreground weight (N − R)/R or (N − P)/P; infinite when R (or P) is 0. */
    public static double wceWeight(ClassSums s, WceWeightSource source) {
        double fg = source == WceWeightSource.PREDICTION ? s.p() : s.r();
        return (s.n() - fg) / fg;
    }

    private static GradientKernel logs(GradientLoss loss, int channel, double n, double w) {
        return new GradientKernel(loss, channel, 0, 0, 0, 0, 0, -w / n, 1 / n, 0, true);
    }

    private static GradientKernel flat(GradientLoss loss, int channel, double g0, double g1) {
        return new GradientKernel(loss, channel, g0, g1, 0, 0, 0, 0, 0, 0, false);
    }
}
