package org.dicelens.app.catalogue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.dicelens.app.catalogue.Quantity.Scope;
import org.dicelens.metrics.CaseMetrics;

/** The case-level quantities, in report order (the JSON case keys and the CSV's first columns). */
final class CaseQuantities {
    private CaseQuantities() {
    }

    private static Quantity q(String key, String label, String header, String unit, String tip, String anchor,
            Function<CaseMetrics, Object> f) {
        return new Quantity(key, Scope.CASE, label, header, unit, tip, anchor, (m, c) -> f.apply(m));
    }

    private static List<Integer> list(int[] labels) {
        return labels == null ? List.of() : IntStream.of(labels).boxed().toList();
    }

    static final List<Quantity> ALL = List.of(
        q("case", "Case", "case", "", "The case's name", "notation", CaseMetrics::caseName),
        q("voxelMl", "Voxel volume", "v", "mL", "Volume of one voxel", "notation", CaseMetrics::voxelMl),
        q("regionVoxels", "Region voxels", "N", "voxels", "Voxels in the evaluation region", "evaluation-region",
                CaseMetrics::regionVoxels),
        q("foregroundFraction", "Foreground fraction", "fg", "", "Σ_{l≠0} R_l / N in the evaluation region",
                "evaluation-region", CaseMetrics::foregroundFraction),
        q("mode", "Hard mode", "mode", "", "threshold or argmax", "hard-segmentation",
                m -> CaseMetrics.key(m.mode())),
        q("gdl", "Generalised Dice loss", "GDL", "", "1 − (2 Σ w I + s_nr) / (Σ w (P + R) + s_dr)", "gdl",
                CaseMetrics::gdl),
        q("gdlScore", "Generalised Dice score", "GDS", "", "The GDL's weights applied to hard counts", "gdl",
                CaseMetrics::gdlScore),
        q("gdlWeights", "GDL weights", "weights", "", "square, simple, uniform or custom", "gdl",
                m -> CaseMetrics.key(m.gdlWeights())),
        q("emptyRule", "GDL weight of an absent class", "rule", "", "max or zero", "gdl",
                m -> CaseMetrics.key(m.emptyRule())),
        q("meanSoftDice", "Mean soft Dice", "mean SD", "", "Mean soft Dice over the classes of meanClasses", "means",
                CaseMetrics::meanSoftDice),
        q("meanHardDice", "Mean hard Dice", "mean HD", "", "Mean hard Dice over the classes of meanClasses", "means",
                CaseMetrics::meanHardDice),
        q("ceMulticlass", "Multi-class cross-entropy", "CE", "", "−(1/N) Σ_n Σ_l r ln p", "cross-entropy",
                CaseMetrics::ceMulticlass),
        q("expLog", "Exponential logarithmic loss", "ExpLog", "", "w_D·mean[(−ln D)^γ] + w_C·mean[w (−ln p)^γ]",
                "exp-log-loss", CaseMetrics::expLog),
        q("meanClasses", "Classes of the mean", "mean of", "", "Labels of the classes meanSoftDice/meanHardDice cover",
                "means", m -> list(m.meanLabels())),
        q("meanSoftDiceForeground", "Mean soft Dice, foreground", "mean SD fg", "", "Mean soft Dice over the foreground "
                + "classes of meanForegroundClasses", "means", CaseMetrics::meanSoftDiceForeground),
        q("meanHardDiceForeground", "Mean hard Dice, foreground", "mean HD fg", "", "Mean hard Dice over the foreground "
                + "classes of meanForegroundClasses", "means", CaseMetrics::meanHardDiceForeground),
        q("meanForegroundClasses", "Classes of the foreground mean", "fg mean of", "",
                "Labels of the classes the foreground means cover", "means", m -> list(m.foregroundLabels())),
        q("emptyClasses", "Absent classes", "empty", "", "zero: hard Dice as computed, in the means; exclude: MONAI's "
                + "ignore_empty, undefined and out of the means", "means",
                m -> CaseMetrics.key(m.emptyClasses())),
        q("clampedValues", "Clamped probabilities", "clamped", "values",
                "Probabilities outside [0,1] clamped on reading", "notation", CaseMetrics::clampedValues));
}
