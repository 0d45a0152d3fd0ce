package org.dicelens.lab.training;

import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.WceWeightSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The formula sheet's training losses as ND4J SameDiff graphs, defined once for the lab's training and for the
 * tests that check the analytic gradient maps against autodiff.
 *
 * <p>Inputs: {@code p} probabilities (a variable, or {@link #sigmoid} of a logit variable) and {@code r} the one-hot
 * reference (a constant or placeholder) of the same shape and data type. Binary losses (one class against the rest)
 * take any shape and sum or average over every element; restrict them to an evaluation region by passing only the
 * region's voxels. {@link #gdl} and {@link #crossEntropyMulticlass} take shape [C, N], classes first (see
 * {@link #softmax}). Each method returns the scalar loss; call
 * {@code sd.setLossVariables(loss)} before {@code calculateGradients} or {@code fit}.
 *
 * <p>Scalars enter as scalar ops (never {@code sd.constant(double)}), so a FLOAT graph stays FLOAT and a DOUBLE
 * graph DOUBLE.
 */
public final class SameDiffLosses {

    /** The clamp of p before logarithms, as the loss values use (formula sheet, "Cross-entropy"). */
    public static final double LOG_CLAMP = 1e-7;

    private SameDiffLosses() {
    }

    /** p = sigmoid(z): probabilities from a logit variable. */
    public static SDVariable sigmoid(SameDiff sd, SDVariable logits) {
        return sd.nn.sigmoid(logits);
    }

    /** p = softmax(z) over the classes, for logits of shape [C, N] (classes first, as {@link #gdl} takes them). */
    public static SDVariable softmax(SameDiff sd, SDVariable logits) {
        return sd.nn.softmax(logits, 0);
    }

    /** Multi-class cross-entropy −(1/N) Σ_n Σ_l r_ln ln p_ln over p, r of shape [C, N], p clamped as for CE. */
    public static SDVariable crossEntropyMulticlass(SameDiff sd, SDVariable p, SDVariable r) {
        SDVariable perVoxel = r.mul(sd.math.log(clamp(sd, p))).sum(0);
        return perVoxel.mean().neg();
    }

    /** Soft Dice loss 1 − (2I + s_nr)/(P + R + s_dr). */
    public static SDVariable softDice(SameDiff sd, SDVariable p, SDVariable r, LossParams lp) {
        SDVariable num = p.mul(r).sum().mul(2.0).add(lp.smoothNr());
        SDVariable den = p.sum().add(r.sum()).add(lp.smoothDr());
        return num.div(den).rsub(1.0);
    }

    /** Squared soft Dice (V-Net) 1 − (2I + s_nr)/(P2 + R2 + s_dr). */
    public static SDVariable squaredDice(SameDiff sd, SDVariable p, SDVariable r, LossParams lp) {
        SDVariable num = p.mul(r).sum().mul(2.0).add(lp.smoothNr());
        SDVariable den = sd.math.square(p).sum().add(sd.math.square(r).sum()).add(lp.smoothDr());
        return num.div(den).rsub(1.0);
    }

    /** Generalised Dice loss with constant weights, one per class; p and r of shape [C, N]. */
    public static SDVariable gdl(SameDiff sd, SDVariable p, SDVariable r, double[] weights, LossParams lp) {
        SDVariable w = sd.constant(Nd4j.createFromArray(weights).castTo(p.dataType()));
        return gdl(sd, p, r, w, lp);
    }

    /**
     * GDL = 1 − (2 Σ_l w_l I_l + s_nr)/(Σ_l w_l (P_l + R_l) + s_dr), summed over classes before dividing; weights of
     * shape [C] (a constant or placeholder: they carry no gradient).
     */
    public static SDVariable gdl(SameDiff sd, SDVariable p, SDVariable r, SDVariable weights, LossParams lp) {
        SDVariable i = p.mul(r).sum(1);
        SDVariable pr = p.sum(1).add(r.sum(1));
        SDVariable num = weights.mul(i).sum().mul(2.0).add(lp.smoothNr());
        SDVariable den = weights.mul(pr).sum().add(lp.smoothDr());
        return num.div(den).rsub(1.0);
    }

    /** Tversky index T = (I + s_nr)/(I + α(P − I) + β(R − I) + s_dr). */
    public static SDVariable tverskyIndex(SameDiff sd, SDVariable p, SDVariable r, LossParams lp) {
        SDVariable i = p.mul(r).sum();
        SDVariable fp = p.sum().sub(i).mul(lp.tverskyAlpha());
        SDVariable fn = r.sum().sub(i).mul(lp.tverskyBeta());
        return i.add(lp.smoothNr()).div(i.add(fp).add(fn).add(lp.smoothDr()));
    }

    /** Tversky loss 1 − T. */
    public static SDVariable tversky(SameDiff sd, SDVariable p, SDVariable r, LossParams lp) {
        return tverskyIndex(sd, p, r, lp).rsub(1.0);
    }

    /** Focal Tversky (1 − T)^(1/γ), γ = {@link LossParams#focalTverskyGamma()}. */
    public static SDVariable focalTversky(SameDiff sd, SDVariable p, SDVariable r, LossParams lp) {
        return sd.math.pow(tversky(sd, p, r, lp), 1.0 / lp.focalTverskyGamma());
    }

    /** Binary cross-entropy −(1/N) Σ [r ln p + (1 − r) ln(1 − p)], p clamped to [1e-7, 1 − 1e-7]. */
    public static SDVariable crossEntropy(SameDiff sd, SDVariable p, SDVariable r) {
        SDVariable q = clamp(sd, p);
        SDVariable fg = r.mul(sd.math.log(q));
        SDVariable bg = r.rsub(1.0).mul(sd.math.log(q.rsub(1.0)));
        return fg.add(bg).mean().neg();
    }

    /**
     * Weighted cross-entropy with the weight source of {@code lp}: w = (N − R)/R from the reference, or
     * (N − P)/P from the prediction, held constant (no gradient flows through w, as in the gradient maps).
     */
    public static SDVariable weightedCrossEntropy(SameDiff sd, SDVariable p, SDVariable r, LossParams lp) {
        SDVariable n = r.rsub(1.0).sum().add(r.sum()); // N = Σ(1 − r) + Σ r, without onesLike's warnings
        SDVariable fg = lp.wceWeightSource() == WceWeightSource.PREDICTION ? new StopGradient(sd, p).outputVariable().sum()
                : r.sum();
        return weightedCrossEntropy(sd, p, r, n.sub(fg).div(fg));
    }

    /** Weighted cross-entropy −(1/N) Σ [w r ln p + (1 − r) ln(1 − p)] with a given scalar weight w. */
    public static SDVariable weightedCrossEntropy(SameDiff sd, SDVariable p, SDVariable r, SDVariable w) {
        SDVariable q = clamp(sd, p);
        SDVariable fg = r.mul(sd.math.log(q)).mul(w);
        SDVariable bg = r.rsub(1.0).mul(sd.math.log(q.rsub(1.0)));
        return fg.add(bg).mean().neg();
    }

    /** Focal loss (Lin 2017) −(1/N) Σ (1 − p_t)^γ ln p_t, p_t = p where r = 1 else 1 − p; p clamped as for CE. */
    public static SDVariable focal(SameDiff sd, SDVariable p, SDVariable r, double gamma) {
        SDVariable q = clamp(sd, p);
        SDVariable pt = r.mul(q).add(r.rsub(1.0).mul(q.rsub(1.0)));
        return sd.math.pow(pt.rsub(1.0), gamma).mul(sd.math.log(pt)).mean().neg();
    }

    private static SDVariable clamp(SameDiff sd, SDVariable p) {
        return sd.math.clipByValue(p, LOG_CLAMP, 1 - LOG_CLAMP);
    }
}
