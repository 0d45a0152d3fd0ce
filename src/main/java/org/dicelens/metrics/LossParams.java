package org.dicelens.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Loss parameters of the formula sheet; {@link #defaults()} gives the sheet's defaults (from {@link LossParameter}).
 * Build variants with {@link #with(LossParameter, double)} rather than the positional constructor, whose thirteen
 * values are easily swapped.
 */
public record LossParams(double smoothNr, double smoothDr, double tverskyAlpha, double tverskyBeta, double focalTverskyGamma,
        WceWeightSource wceWeightSource, double ssLambda, double focalGamma, double expLogGamma, double expLogWDice,
        double expLogWCe, double comboAlpha, double comboBeta) {

    public static LossParams defaults() {
        return new LossParams(d(LossParameter.SMOOTH_NR), d(LossParameter.SMOOTH_DR), d(LossParameter.TVERSKY_ALPHA),
                d(LossParameter.TVERSKY_BETA), d(LossParameter.FOCAL_TVERSKY_GAMMA), WceWeightSource.REFERENCE,
                d(LossParameter.SS_LAMBDA), d(LossParameter.FOCAL_GAMMA), d(LossParameter.EXP_LOG_GAMMA),
                d(LossParameter.EXP_LOG_W_DICE), d(LossParameter.EXP_LOG_W_CE), d(LossParameter.COMBO_ALPHA),
                d(LossParameter.COMBO_BETA));
    }

    private static double d(LossParameter p) {
        return p.defaultValue();
    }

    /** These parameters with one of them changed (by name, so no two doubles can be swapped). */
    public LossParams with(LossParameter p, double v) {
        double[] a = new double[LossParameter.values().length];
        for (LossParameter q : LossParameter.values()) {
            a[q.ordinal()] = q == p ? v : q.of(this);
        }
        return new LossParams(a[0], a[1], a[2], a[3], a[4], wceWeightSource, a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
    }

    public LossParams withWceWeightSource(WceWeightSource s) {
        return new LossParams(smoothNr, smoothDr, tverskyAlpha, tverskyBeta, focalTverskyGamma, s, ssLambda, focalGamma,
                expLogGamma, expLogWDice, expLogWCe, comboAlpha, comboBeta);
    }

    /** Every out-of-range parameter as "key: problem" (empty when all are valid). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (LossParameter p : LossParameter.values()) {
            String why = p.problem(p.of(this));
            if (why != null) {
                out.add(p.key() + ": '" + p.of(this) + "' " + why);
            }
        }
        if (wceWeightSource == null) {
            out.add("wceWeightSource: missing");
        }
        return out;
    }
}
