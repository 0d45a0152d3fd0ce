package org.dicelens.app.catalogue;

import java.util.List;
import java.util.function.Function;
import org.dicelens.app.catalogue.Quantity.Scope;
import org.dicelens.metrics.ClassMetrics;

/** The per-class quantities, in report order (the JSON class keys and the CSV's class columns). */
final class ClassQuantities {
    private ClassQuantities() {
    }

    private static Quantity q(String key, String label, String header, String unit, String tip, String anchor,
            Function<ClassMetrics, Object> f) {
        return new Quantity(key, Scope.CLASS, label, header, unit, tip, anchor, (m, c) -> f.apply(m.classes().get(c)));
    }

    static final List<Quantity> ALL = List.of(
        q("label", "Label", "label", "", "The class's label value in the reference", "notation", ClassMetrics::label),
        q("name", "Class", "class", "", "The class's name (class table)", "notation", ClassMetrics::name),
        q("threshold", "Threshold", "t", "", "Threshold t of p ≥ t (argmax mode: the confidence floor)",
                "hard-segmentation", ClassMetrics::threshold),
        q("refVoxels", "Reference voxels", "R", "voxels", "R = Σr: voxels of the class in the reference", "notation",
                ClassMetrics::refVoxels),
        q("softVoxels", "Soft voxels", "P", "voxels", "P = Σp: the prediction's expected voxel count", "notation",
                ClassMetrics::softVoxels),
        q("hardVoxels", "Hard voxels", "Σb", "voxels", "Voxels of the hard mask", "hard-segmentation",
                ClassMetrics::hardVoxels),
        q("refMl", "Reference volume", "V_ref", "mL", "Reference volume R·v in mL", "volumes", ClassMetrics::refMl),
        q("softMl", "Soft volume", "V_soft", "mL", "Soft volume Σp·v in mL: the expected volume when p is calibrated",
                "volumes", ClassMetrics::softMl),
        q("hardMl", "Hard volume", "V_hard", "mL", "Hard volume Σb·v in mL at the current threshold", "volumes",
                ClassMetrics::hardMl),
        q("deltaSoftMl", "Soft volume bias", "ΔV soft", "mL", "ΔV_soft = V_soft − V_ref (red: over-estimation)", "volumes",
                ClassMetrics::deltaSoftMl),
        q("deltaHardMl", "Hard volume bias", "ΔV hard", "mL", "ΔV_hard = V_hard − V_ref (red: over-estimation)", "volumes",
                ClassMetrics::deltaHardMl),
        q("softDice", "Soft Dice", "soft Dice", "", "Soft Dice 2·Σp·r / (Σp + Σr): the probabilities as they are",
                "overlap", ClassMetrics::softDice),
        q("hardDice", "Hard Dice", "hard Dice", "", "Hard Dice 2TP / (2TP + FP + FN) of the mask p ≥ t (or argmax)",
                "overlap", ClassMetrics::hardDice),
        q("softJaccard", "Soft Jaccard", "soft J", "", "Soft Jaccard I / (P + R − I)", "overlap", ClassMetrics::softJaccard),
        q("hardJaccard", "Hard Jaccard", "hard J", "", "Hard Jaccard TP / (TP + FP + FN)", "overlap",
                ClassMetrics::hardJaccard),
        q("precision", "Precision", "prec", "", "Precision TP / (TP + FP)", "overlap", ClassMetrics::precision),
        q("recall", "Recall", "recall", "", "Recall (sensitivity) TP / (TP + FN)", "overlap", ClassMetrics::recall),
        q("specificity", "Specificity", "spec", "", "Specificity TN / (TN + FP)", "overlap", ClassMetrics::specificity),
        q("tp", "True positives", "TP", "voxels", "Hard-mask voxels in the reference", "notation", ClassMetrics::tp),
        q("fp", "False positives", "FP", "voxels", "Hard-mask voxels outside the reference", "notation", ClassMetrics::fp),
        q("fn", "False negatives", "FN", "voxels", "Reference voxels outside the hard mask", "notation", ClassMetrics::fn),
        q("tn", "True negatives", "TN", "voxels", "Voxels in neither", "notation", ClassMetrics::tn),
        q("diceLoss", "Soft Dice", "L_D", "", "1 − (2I + s_nr)/(P + R + s_dr)", "dice-loss", ClassMetrics::diceLoss),
        q("diceSquaredLoss", "Squared Dice (V-Net)", "L_D2", "", "1 − (2I + s_nr)/(Σp² + Σr² + s_dr)", "squared-dice-loss",
                ClassMetrics::diceSquaredLoss),
        q("jaccardLoss", "Jaccard", "L_J", "", "1 − (2I + s_nr)/(2(P + R − I) + s_dr)", "jaccard-loss",
                ClassMetrics::jaccardLoss),
        q("tverskyLoss", "Tversky", "L_T", "", "1 − (I + s_nr)/(I + α(P − I) + β(R − I) + s_dr)", "tversky-loss",
                ClassMetrics::tverskyLoss),
        q("focalTverskyLoss", "Focal Tversky", "L_FT", "", "(1 − T)^(1/γ)", "focal-tversky-loss",
                ClassMetrics::focalTverskyLoss),
        q("ce", "Cross-entropy", "CE", "", "−(1/N) Σ [r ln p + (1 − r) ln(1 − p)]", "cross-entropy", ClassMetrics::ce),
        q("wce", "Weighted CE", "WCE", "", "foreground term × w, w = (N − R)/R or (N − P)/P", "weighted-cross-entropy",
                ClassMetrics::wce),
        q("ss", "Sensitivity–specificity", "SS", "", "λ Σ(r−p)²r/(R+ε) + (1−λ) Σ(r−p)²(1−r)/(N−R+ε)",
                "sensitivity-specificity", ClassMetrics::ss),
        q("focal", "Focal", "FL", "", "−(1/N) Σ (1 − p_t)^γ ln p_t", "focal-loss", ClassMetrics::focal),
        q("logCoshDice", "Log-cosh Dice", "LCD", "", "ln cosh(L_D)", "log-cosh-dice", ClassMetrics::logCoshDice),
        q("combo", "Combo", "combo", "", "α·(weighted CE with β) − (1 − α)·SD", "combo-loss", ClassMetrics::combo),
        q("ece", "Expected calibration error", "ECE", "", "Σ_b (n_b/N) |observed_b − confidence_b|", "calibration",
                ClassMetrics::ece),
        q("brier", "Brier score", "Brier", "", "(1/N) Σ (p − r)²", "calibration", ClassMetrics::brier),
        q("gdlWeight", "GDL weight", "w", "", "The class's Generalised Dice weight", "gdl", ClassMetrics::gdlWeight),
        q("gdlShare", "GDL denominator share", "share", "", "w_l (P_l + R_l) / Σ_k w_k (P_k + R_k)", "gdl",
                ClassMetrics::gdlShare),
        q("tBest", "Best threshold", "t_best", "", "argmax_t of hard Dice", "special-thresholds", ClassMetrics::tBest),
        q("tVol", "Volume threshold", "t_vol", "", "t whose hard volume is nearest V_ref", "special-thresholds",
                ClassMetrics::tVol),
        q("tCal", "Calibrated-volume threshold", "t_cal", "", "t whose hard volume is nearest V_soft (no reference)",
                "special-thresholds", ClassMetrics::tCal),
        q("diceOptimalK", "Dice-optimal voxel count", "k*", "voxels", "Voxels of the Dice-optimal segmentation",
                "dice-optimal", ClassMetrics::diceOptimalK),
        q("diceOptimalExpectedDice", "Dice-optimal expected Dice", "D*", "", "Expected Dice of the Dice-optimal segmentation",
                "dice-optimal", ClassMetrics::diceOptimalExpectedDice),
        q("diceOptimalThreshold", "Dice-optimal threshold", "t*", "", "q_(k*): the Dice-optimal segmentation's threshold",
                "dice-optimal", ClassMetrics::diceOptimalThreshold),
        q("diceOptimalMl", "Dice-optimal volume", "V*", "mL", "k*·v: the Dice-optimal segmentation's volume",
                "dice-optimal", ClassMetrics::diceOptimalMl),
        new Quantity("softDiceEmpty", Scope.CLASS, "Soft Dice empty", "SD empty", "",
                "Soft Dice is 1 only because reference and prediction are both empty", "overlap",
                (m, c) -> m.softDiceEmpty()[c]),
        new Quantity("hardDiceEmpty", Scope.CLASS, "Hard Dice empty", "HD empty", "",
                "Hard Dice is 1 only because reference and hard mask are both empty", "overlap",
                (m, c) -> m.hardDiceEmpty()[c]));
}
