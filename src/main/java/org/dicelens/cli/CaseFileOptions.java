package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The files of one case as `evaluate` and `view` name them (a picocli mixin; none is required, each command checks
 * which combination it accepts). `sweep` and `render` use the stricter {@link CaseOptions}.
 */
final class CaseFileOptions {
    @Option(names = "--reference", paramLabel = "REF", description = "Reference label map (.nii/.nii.gz).")
    Path reference;

    @Option(names = "--reference-masks", paramLabel = "MASK", arity = "1..*",
            description = "Instead of --reference: one binary mask per foreground class, in class order.")
    List<Path> masks = new ArrayList<>();

    @Option(names = "--prediction", paramLabel = "P", arity = "1..*",
            description = "Prediction: one 4D probability file, one file per class in channel order, or one foreground map.")
    List<Path> predictions = new ArrayList<>();

    @Option(names = "--image", paramLabel = "IMG", description = "Optional scan (checked against the reference's grid).")
    Path image;

    @Mixin
    CaseReadingOptions reading = new CaseReadingOptions();

    /** True when any of these options names a file. */
    boolean anyFile() {
        return reference != null || !masks.isEmpty() || !predictions.isEmpty() || image != null
                || reading.labels != null || reading.datasetJson != null;
    }
}
