package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.volume.PredictionKind;

/**
 * The files of one case as named on the command line (or found by batch pairing).
 *
 * @param reference   the reference label map, or null when {@code masks} are given
 * @param masks       one binary reference mask per foreground class (instead of a label map), else empty
 * @param predictions one 4D file, one file per class in channel order, or one foreground map
 * @param image       optional scan, or null
 * @param labels      optional class table (ITK-SNAP label description, JSON or CSV), or null
 */
record CaseInputs(String name, Path reference, List<Path> masks, List<Path> predictions, Path image, Path labels,
        PredictionKind kind) {
    CaseInputs {
        masks = masks == null ? List.of() : List.copyOf(masks);
        predictions = List.copyOf(predictions);
        kind = kind == null ? PredictionKind.AUTO : kind;
    }

    CaseInputs(String name, Path reference, List<Path> predictions, Path image, Path labels, PredictionKind kind) {
        this(name, reference, List.of(), predictions, image, labels, kind);
    }

    /** Every file the case reads: none of them may ever be written. */
    List<Path> files() {
        List<Path> all = new ArrayList<>(predictions);
        all.addAll(masks);
        for (Path p : new Path[] {reference, image, labels}) {
            if (p != null) {
                all.add(p);
            }
        }
        return all;
    }

    /** The case name of a file: its name without the NIfTI extension. */
    static String nameOf(Path file) {
        String stem = BatchPairing.stem(file);
        return stem != null ? stem : file.getFileName().toString();
    }
}
