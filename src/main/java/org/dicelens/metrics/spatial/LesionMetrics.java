package org.dicelens.metrics.spatial;

import java.util.List;

/**
 * Lesion-wise counts of one class (docs/FORMULAS.md): TP = detected reference lesions, FN = missed ones, FP =
 * predicted components sharing no voxel with the reference; F1 = 2TP / (2TP + FN + FP), sensitivity TP / (TP + FN).
 *
 * @param status      DEFINED; EMPTY when neither mask has a lesion (F1 = 1 by convention, sensitivity null)
 * @param note        why a value is flagged or null (e.g. no reference lesions: sensitivity undefined); else null
 * @param referenceLesions  reference components kept (after the minimum size)
 * @param predictedLesions  predicted components kept
 * @param droppedReference  reference components dropped as smaller than the minimum size
 * @param droppedPredicted  predicted components dropped
 * @param lesions     every kept reference lesion
 * @param falsePositives every false-positive predicted component
 */
public record LesionMetrics(Status status, String note, Connectivity connectivity, int referenceLesions,
        int predictedLesions, int detected, int missed, int falsePositive, Double f1, Double sensitivity,
        int droppedReference, int droppedPredicted, List<ReferenceLesion> lesions,
        List<PredictedLesion> falsePositives) {
    public LesionMetrics {
        lesions = List.copyOf(lesions);
        falsePositives = List.copyOf(falsePositives);
    }
}
