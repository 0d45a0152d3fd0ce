package org.dicelens.cli;

import java.nio.file.Path;
import org.dicelens.app.cases.BatchPairing;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.volume.PredictionKind;
import picocli.CommandLine.Option;

/**
 * How a case's files are read, whichever names them (a picocli mixin of `evaluate`, `view` and `cohort`): what the
 * prediction holds, the class table and the dataset.json.
 */
final class CaseReadingOptions {
    @Option(names = "--prediction-kind", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, probabilities, logits-sigmoid, logits-softmax or labels (a hard label map: metrics only) "
                    + "(default: ${DEFAULT-VALUE}).")
    String kind = "auto";

    @Option(names = "--labels", paramLabel = "TABLE", description = "Class table: ITK-SNAP label description, JSON or CSV.")
    Path labels;

    @Option(names = "--dataset-json", paramLabel = "FILE", description = "nnU-Net / Decathlon dataset.json: class names; "
            + "a region model is evaluated per region (default: a dataset.json beside the predictions).")
    Path datasetJson;

    /** The prediction kind named, or a usage-level InputException for an unknown word. */
    PredictionKind predictionKind() throws InputException {
        return Backend.kind(kind);
    }

    /** {@code files} read as these options say (the class table and dataset.json only when given). */
    CaseFiles applyTo(CaseFiles files, PredictionKind pk) {
        CaseFiles f = files.withPredictionKind(pk);
        f = labels != null ? f.withClassTable(labels) : f;
        return datasetJson != null ? f.withDatasetJson(datasetJson) : f;
    }

    /** The case of one batch pair, as the batch commands (evaluate, cohort) read it. */
    CaseFiles batchCase(BatchPairing.Pair p, PredictionKind pk) {
        return applyTo(CaseFiles.of(p.reference(), p.predictions()).withName(p.name()), pk);
    }
}
