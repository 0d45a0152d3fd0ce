package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one case as named on the command line (or found by batch pairing).
 *
 * @param predictions one 4D file, one file per class in channel order, or one foreground map
 * @param image       optional scan, or null
 * @param labels      optional class table (ITK-SNAP label description or JSON), or null
 */
record CaseInputs(String name, Path reference, List<Path> predictions, Path image, Path labels) {
    CaseInputs {
        predictions = List.copyOf(predictions);
    }

    /** Every file the case reads: none of them may ever be written. */
    List<Path> files() {
        List<Path> all = new ArrayList<>(predictions);
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
