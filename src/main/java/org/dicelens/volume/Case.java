package org.dicelens.volume;

import java.util.List;
import java.util.Optional;

/**
 * Everything DiceLens evaluates: an optional image, the reference as one class index per voxel,
 * the prediction as one probability channel per class, and the class table that ties channel c
 * to a reference label value. All share one geometry (checked when the case is built).
 *
 * @param referenceClass per voxel, the channel index of its reference label (unsigned byte)
 * @param warnings       things the user should know that did not stop loading (clamped values, sums ≠ 1)
 * @param predictionKind how the prediction was read (never AUTO): HARD_LABELS means one-hot probabilities,
 *                       so soft metrics equal hard ones and only the metrics are meaningful
 */
public record Case(String name, Geometry geometry, ImageVolume image, byte[] referenceClass, ProbabilityMaps prediction,
        ClassTable classes, List<String> warnings, PredictionKind predictionKind) {

    /** A case whose prediction holds probabilities (the form before predictionKind was added). */
    public Case(String name, Geometry geometry, ImageVolume image, byte[] referenceClass, ProbabilityMaps prediction,
            ClassTable classes, List<String> warnings) {
        this(name, geometry, image, referenceClass, prediction, classes, warnings, PredictionKind.PROBABILITIES);
    }

    public int classCount() {
        return classes.size();
    }

    public int voxelCount() {
        return geometry.voxelCount();
    }

    /** The reference channel index of voxel i. */
    public int reference(int i) {
        return referenceClass[i] & 0xFF;
    }

    public float probability(int channel, int i) {
        return prediction.channels()[channel][i];
    }

    public Optional<ImageVolume> imageIfAny() {
        return Optional.ofNullable(image);
    }
}
