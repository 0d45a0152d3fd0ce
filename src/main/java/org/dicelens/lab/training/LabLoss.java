package org.dicelens.lab.training;

import java.util.Locale;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.WceWeightSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The training losses of the lab, each the formula sheet's loss as built by {@link SameDiffLosses}, on the
 * foreground probability p of all training voxels at once (one batch: the sums of the Dice family run over every
 * training voxel). Tversky and focal Tversky use α = 0.3 (false positives), β = 0.7 (false negatives).
 */
public enum LabLoss {
    CE("ce", "cross-entropy"),
    SOFT_DICE("dice", "soft Dice"),
    SQUARED_DICE("dice2", "squared Dice"),
    GDL("gdl", "GDL"),
    TVERSKY("tversky", "Tversky"),
    FOCAL_TVERSKY("focal-tversky", "focal Tversky"),
    WCE("wce", "weighted CE"),
    FOCAL("focal", "focal");

    /** Sheet defaults with Tversky's α = 0.3, β = 0.7. */
    public static final LossParams PARAMS = new LossParams(1e-5, 1e-5, 0.3, 0.7, 4.0 / 3.0, WceWeightSource.REFERENCE,
            0.05, 2.0, 0.3, 0.8, 0.2, 0.5, 0.5);

    private final String id;
    private final String label;

    LabLoss(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Short name for the command line and files. */
    public String id() {
        return id;
    }

    /** Name for tables. */
    public String label() {
        return label;
    }

    public static LabLoss parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (LabLoss l : values()) {
            if (l.id.equals(k) || l.name().toLowerCase(Locale.ROOT).equals(k.replace('-', '_'))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + s + "'; one of ce, dice, dice2, gdl, tversky, focal-tversky, wce, focal");
    }

    /**
     * The scalar loss of p (foreground probabilities, shape [N]) against r (0/1, shape [N]).
     *
     * @param foreground R = Σr over the training voxels, for the GDL's constant weights 1/R_l² (square scheme,
     *                   background included; a class absent from the reference takes the other's weight, rule "max")
     * @param voxels     N, the number of training voxels
     */
    public SDVariable build(SameDiff sd, SDVariable p, SDVariable r, double foreground, double voxels) {
        return switch (this) {
            case CE -> SameDiffLosses.crossEntropy(sd, p, r);
            case SOFT_DICE -> SameDiffLosses.softDice(sd, p, r, PARAMS);
            case SQUARED_DICE -> SameDiffLosses.squaredDice(sd, p, r, PARAMS);
            case TVERSKY -> SameDiffLosses.tversky(sd, p, r, PARAMS);
            case FOCAL_TVERSKY -> SameDiffLosses.focalTversky(sd, p, r, PARAMS);
            case WCE -> SameDiffLosses.weightedCrossEntropy(sd, p, r, PARAMS);
            case FOCAL -> SameDiffLosses.focal(sd, p, r, PARAMS.focalGamma());
            case GDL -> {
                SDVariable p2 = sd.stack(0, p.rsub(1.0), p);
                SDVariable r2 = sd.stack(0, r.rsub(1.0), r);
                yield SameDiffLosses.gdl(sd, p2, r2, gdlWeights(foreground, voxels), PARAMS);
            }
        };
    }

    /** Square weights 1/R_l² of background and lesion; an empty class takes the other's weight. */
    static double[] gdlWeights(double foreground, double voxels) {
        double bg = voxels - foreground;
        double wb = bg > 0 ? 1 / (bg * bg) : Double.NaN;
        double wf = foreground > 0 ? 1 / (foreground * foreground) : Double.NaN;
        if (Double.isNaN(wb)) {
            wb = wf;
        }
        if (Double.isNaN(wf)) {
            wf = wb;
        }
        return new double[] {wb, wf};
    }
}
