package org.dicelens.metrics;

/**
 * The terms of the Generalised Dice loss as the engine sums them (LOSSES.md):
 * GDL = 1 − (2 Σ_l w_l I_l + s_nr) / (Σ_l w_l (P_l + R_l) + s_dr), summed over the included classes before dividing.
 * {@link #loss()} is the engine's GDL itself ({@link CaseMetrics#gdl()} is taken from it), so a view that writes these
 * numbers into the formula shows exactly what the engine computed.
 *
 * @param weights         per channel, w_l after the absent-class rule; NaN for an excluded channel
 * @param intersections   per channel, I_l = Σ p·r
 * @param masses          per channel, P_l + R_l = Σ p + Σ r
 * @param numeratorSum    Σ_l w_l I_l over the included channels (without the factor 2 and without s_nr)
 * @param denominatorSum  Σ_l w_l (P_l + R_l) over the included channels (without s_dr)
 * @param smoothNr        s_nr used
 * @param smoothDr        s_dr used
 */
public record GdlTerms(double[] weights, double[] intersections, double[] masses, double numeratorSum,
        double denominatorSum, double smoothNr, double smoothDr) {

    /** Sums the terms over the channels with {@code in[c]}; the order of summation is the channel order. */
    static GdlTerms of(ClassSums[] sums, double[] weights, boolean[] in, LossParams lp) {
        int nc = sums.length;
        double[] inter = new double[nc];
        double[] mass = new double[nc];
        double num = 0;
        double den = 0;
        for (int c = 0; c < nc; c++) {
            inter[c] = sums[c].i();
            mass[c] = sums[c].p() + sums[c].r();
            if (in[c]) {
                num += weights[c] * inter[c];
                den += weights[c] * mass[c];
            }
        }
        return new GdlTerms(weights, inter, mass, num, den, lp.smoothNr(), lp.smoothDr());
    }

    /** 1 − (2 numeratorSum + s_nr) / (denominatorSum + s_dr): the engine's GDL. */
    public double loss() {
        return 1 - (2 * numeratorSum + smoothNr) / (denominatorSum + smoothDr);
    }

    /** Channel c's share of the denominator, w_c (P_c + R_c) / Σ_k w_k (P_k + R_k); NaN when excluded or the sum is 0. */
    public double share(int c) {
        return !Double.isNaN(weights[c]) && denominatorSum != 0 ? weights[c] * masses[c] / denominatorSum : Double.NaN;
    }

    public int channels() {
        return weights.length;
    }
}
