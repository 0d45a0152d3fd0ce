package org.dicelens.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the volume loader reads for one case: resolved files only. Users' cases are described by
 * {@code org.dicelens.app.cases.CaseFiles} (both faces), which builds this with {@code toSpec()}; the loader cannot
 * take that type itself because the application layer sits above this one.
 *
 * <p>What to load as one case. The reference is either one label map ({@code referenceLabelMap}) or one binary
 * mask per foreground class ({@code referenceMasks}, in class order; background is the voxels in no mask).
 * The prediction is one or more files whose channels, concatenated in order, are the class channels (a 4D file,
 * one 3D file per class, a single foreground map, ...). Image and class table are optional (null).
 *
 * @param name           display name; null to use the reference file's name
 * @param predictionKind null means {@link PredictionKind#AUTO}
 */
public record CaseSpec(String name, Path referenceLabelMap, List<Path> referenceMasks, List<Path> prediction, Path image,
        Path classTable, PredictionKind predictionKind) {

    /** @throws IllegalArgumentException when both or neither reference forms are given, or no prediction */
    public CaseSpec {
        referenceMasks = referenceMasks == null ? List.of() : List.copyOf(referenceMasks);
        prediction = prediction == null ? List.of() : List.copyOf(prediction);
        predictionKind = predictionKind == null ? PredictionKind.AUTO : predictionKind;
        if ((referenceLabelMap == null) == referenceMasks.isEmpty()) {
            throw new IllegalArgumentException("give either one reference label map or one mask per class (not both)");
        }
        if (prediction.isEmpty()) {
            throw new IllegalArgumentException("give at least one prediction file");
        }
    }

    /** A label-map reference and prediction file(s), kind AUTO, no image, no class table. */
    public static CaseSpec of(Path referenceLabelMap, Path... prediction) {
        return new CaseSpec(null, referenceLabelMap, List.of(), Arrays.asList(prediction), null, null, PredictionKind.AUTO);
    }

    /** One mask per foreground class (in class order) and prediction file(s), kind AUTO. */
    public static CaseSpec ofMasks(List<Path> referenceMasks, List<Path> prediction) {
        return new CaseSpec(null, null, referenceMasks, prediction, null, null, PredictionKind.AUTO);
    }

    public CaseSpec withName(String n) {
        return new CaseSpec(n, referenceLabelMap, referenceMasks, prediction, image, classTable, predictionKind);
    }

    public CaseSpec withImage(Path img) {
        return new CaseSpec(name, referenceLabelMap, referenceMasks, prediction, img, classTable, predictionKind);
    }

    public CaseSpec withClassTable(Path table) {
        return new CaseSpec(name, referenceLabelMap, referenceMasks, prediction, image, table, predictionKind);
    }

    public CaseSpec withPredictionKind(PredictionKind kind) {
        return new CaseSpec(name, referenceLabelMap, referenceMasks, prediction, image, classTable, kind);
    }

    public boolean referenceIsMasks() {
        return referenceLabelMap == null;
    }

    /** The file whose grid every other input must match: the label map, or the first mask. */
    public Path referenceFile() {
        return referenceLabelMap != null ? referenceLabelMap : referenceMasks.get(0);
    }

    /** The name to show: {@code name}, else the reference file name without its format's ending (the registry's). */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return org.dicelens.volume.formats.InputFormats.stem(referenceFile());
    }

    /** Every input file, reference first (for messages and "recent cases" lists). */
    public List<Path> allFiles() {
        List<Path> all = new ArrayList<>();
        if (referenceLabelMap != null) {
            all.add(referenceLabelMap);
        }
        all.addAll(referenceMasks);
        all.addAll(prediction);
        if (image != null) {
            all.add(image);
        }
        if (classTable != null) {
            all.add(classTable);
        }
        return all;
    }
}
