package org.dicelens.ui.panels;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.dicelens.app.catalogue.Catalogue;
import org.dicelens.app.catalogue.Quantity;
import org.dicelens.metrics.LossParameter;

/** The short "what am I looking at" text of each panel. */
public final class HelpText {
    private HelpText() {
    }

    public static final String CLASSES = "Each row is one class (one probability channel). The slider sets its threshold t: "
            + "a voxel is in the hard mask when p ≥ t. The global slider moves every class at once. Argmax mode instead gives "
            + "each voxel the class with the largest p (below the confidence floor, background). The radio button picks the "
            + "class the heat map, charts, losses and formula strip show.";
    public static final String METRICS = "Soft Dice uses the probabilities as they are (2·Σp·r / (Σp + Σr)); hard Dice uses "
            + "the thresholded mask. V_ref, V_soft = Σp·v and V_hard = Σb·v are volumes in mL; ΔV is the signed volume "
            + "bias (red: over-estimation, blue: under-estimation). The mean rows name the labels they average: \"mean\" "
            + "covers the classes of the Generalised Dice (background included unless it is left out), \"fg mean\" the "
            + "foreground classes. \"Absent classes\": zero scores a class absent from the reference as computed (0 with "
            + "any false positive); exclude leaves it out of the means with no hard Dice, as MONAI's ignore_empty. "
            + "Select rows and press Ctrl+C to paste into a spreadsheet.";
    public static final String VOLUME = "For each class: the reference volume, the soft volume Σp (the expected volume when "
            + "p is calibrated), the hard volume at the current threshold, and the volume of the Dice-optimal segmentation. "
            + "With a phantom.json beside the reference (the bundled samples) a fifth bar shows the expected volume Σq·v, "
            + "the mean over raters: one rater's V_ref can be far from it, so compare the soft volume with both. "
            + "Bertels et al.: training with soft Dice biases these volumes; cross-entropy keeps Σp unbiased on average "
            + "over cases like its training cases (at its optimum Σp = Σr on the training voxels), not on every case. "
            + "Example: the lab's cross-entropy model on sample-data/lesion shows ΔV_soft +11.9 mL against rater 0: "
            + "+4.5 mL is that rater labelling less than Σq·v (1.7 against 6.2 mL), and 6.6 mL of Σp lies where q ≈ 0, "
            + "mostly white matter that its six local features cannot tell from a lesion's rim once the bias field "
            + "brightens it (a weak model on a case unlike its training cases).";
    public static final String WEIGHTS = "Generalised Dice (Sudre 2017) weighs each class by 1/R² (square), 1/R (simple), "
            + "1 (uniform) or your values. Left: each class's weight relative to the others. Right: its share of the GDL "
            + "denominator Σw(P+R) — who dominates the loss. A class absent from the reference gets the largest finite "
            + "weight (rule max, as MONAI) or zero.";
    public static final String IMBALANCE = "Every number is computed inside the evaluation region: the reference "
            + "foreground's bounding box grown by the margin m (m = ∞: the whole volume). Narrowing it drops background "
            + "voxels: hard Dice changes only through false positives outside the box, while cross-entropy, background "
            + "Dice and GDL weights move with the imbalance.";
    /** Lists the losses and parameters of the catalogue, so a new loss or parameter appears here by itself. */
    public static final String LOSSES = "The value of each loss of the formula sheet for the chosen class ("
            + Catalogue.classLosses().stream().map(Quantity::label).collect(Collectors.joining(", "))
            + "), with its parameters as controls: " + Arrays.stream(LossParameter.values())
                    .map(p -> p.description()).collect(Collectors.joining(", ")) + " and the WCE weight source.";
    public static final String CHARTS = "Hard Dice, Jaccard and hard volume of the chosen class against the threshold. "
            + "Dashed lines: soft Dice, V_ref and V_soft. Markers: the current t, t_best (highest hard Dice), t_vol "
            + "(hard volume = V_ref), t_cal (hard volume = V_soft, needs no reference) and the Dice-optimal threshold.";
    public static final String CALIBRATION = "Reliability diagram: per bin of p, the fraction of voxels that really "
            + "belong to the class against the mean p. A calibrated model lies on the diagonal; ECE is the count-weighted "
            + "gap. The histogram shows p split by reference: where the two overlap, no threshold separates them.";
    public static final String PER_SLICE = "Hard and soft Dice of the chosen class on each slice of the chosen view (axial, coronal or sagittal, as "
            + "the views show them, numbered from 1 as in their titles). "
            + "Click to jump to a slice; the marker is the current slice. Slices with empty reference and prediction are "
            + "left blank rather than scored 1.";
    public static final String FORMULA = "The chosen class's numbers with the current sums substituted: I = Σp·r, "
            + "P = Σp, R = Σr over the evaluation region; TP/FP/FN count the hard mask against the reference. GDL sums over "
            + "all included classes: Σw·I = Σ_l w_l I_l, Σw·(P+R) = Σ_l w_l (P_l + R_l) with the class weights w_l of "
            + "the Class weights panel; s are the smoothing constants. Hover a number for its exact value and, on the "
            + "sums, each class's w, I, P + R and share of the denominator.";
    public static final String VIEWS = "Wheel or arrow keys: next/previous slice. Ctrl+wheel: zoom. Drag: pan. Click: move "
            + "the crosshair (all views follow). Right-drag: window (horizontal) and level (vertical). Double-click: "
            + "maximise this view or go back to the grid (the crosshair stays). Home or the Fit button: reset zoom and pan; "
            + "Ctrl+0: the grid with zoom reset. View ▸ Link zoom and pan: one scale (pixels per mm) and one pan for all "
            + "three views.";
    public static final String OVERLAYS = "What each overlay draws (the key under the toggles shows the colours of those that "
            + "are on; each slider sets its opacity):\n"
            + "• Reference: the reference labels in their class colours, filled or as outlines.\n"
            + "• Probability: p of the chosen class through the colour map, from 0 to 1; p below 0.05 is not drawn.\n"
            + "• Hard mask: the outline of each class's hard mask (p ≥ t in threshold mode, the argmax class in argmax "
            + "mode) in the class colour; it moves with the thresholds.\n"
            + "• Errors: the chosen class's hard mask against the reference: TP bluish green, FP vermillion, FN sky blue.\n"
            + "• Loss gradient: ∂L/∂p of the chosen loss for the chosen class, blue negative (raising p lowers the loss), "
            + "red positive, white 0; optionally ∂L/∂logit.\n"
            + "• Dice-optimal: the outline of p ≥ t_opt, the threshold with the best hard Dice for this case, in "
            + "reddish purple: compare it with the hard mask at your t.\n"
            + "• Evaluation region: the box every number is computed in (the reference's bounding box grown by the margin), "
            + "in yellow.\n"
            + "• Rater agreement (with several raters): how many raters label each voxel with the chosen class, or q̂, "
            + "their mean; the Raters panel's colour bar gives the scale.\n"
            + "• Consensus / dissensus: a green outline around the voxels all raters label and a magenta one around those "
            + "any rater labels; the band between them is where the raters disagree.\n"
            + "• Lesions: outlines of the chosen class's reference lesions (26-connected components), bluish green when the "
            + "prediction overlaps them (detected), sky blue when it misses them, and vermillion around predicted "
            + "components that touch no reference lesion (false positives).\n"
            + "• Boundary distance: the prediction's border voxels coloured by their distance in mm to the reference's "
            + "border, cyan (0 mm) through yellow to red at the largest distance (the key prints it).\n\n"
            + "Navigation: see Help ▸ Using the views.";
}
