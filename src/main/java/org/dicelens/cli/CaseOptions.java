package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.volume.formats.InputFormats;
import picocli.CommandLine.Option;

/** The options that name one case's files, shared by the commands that read one case (a picocli mixin). */
final class CaseOptions {
    @Option(names = "--reference", paramLabel = "REF", required = true, description = "Reference label map.")
    Path reference;

    @Option(names = "--prediction", paramLabel = "P", arity = "1..*", required = true,
            description = "Prediction: one 4D probability file, one file per class, or one foreground map.")
    List<Path> predictions = new ArrayList<>();

    @Option(names = "--prediction-kind", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, probabilities, logits-sigmoid, logits-softmax or labels (default: ${DEFAULT-VALUE}).")
    String kind = "auto";

    @Option(names = "--labels", paramLabel = "TABLE", description = "Class table: ITK-SNAP label description, JSON or CSV.")
    Path labels;

    /** The case these options name, with an optional scan. */
    CaseFiles inputs(Path image) throws InputException {
        return CaseFiles.of(reference, predictions).withImage(image).withClassTable(labels)
                .withPredictionKind(Backend.kind(kind)).withName(InputFormats.stem(reference));
    }
}
