package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.BatchPairing;
import org.dicelens.common.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A batch of cases as `evaluate` and `cohort` take it (a picocli mixin): a folder of references and one of
 * predictions, paired by name, evaluated on --jobs threads. Neither folder is required here: `evaluate` runs one case
 * without them, and each command says which it needs.
 */
final class BatchOptions {
    @Option(names = "--reference-dir", paramLabel = "DIR", description = "Batch: folder of reference label maps.")
    Path referenceDir;

    @Option(names = "--prediction-dir", paramLabel = "DIR", description = "Batch: folder of predictions, paired by name.")
    Path predictionDir;

    @Option(names = "--jobs", paramLabel = "N", description = "Batch: cases evaluated at once (default: number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    /** True when either folder is given. */
    boolean given() {
        return referenceDir != null || predictionDir != null;
    }

    /** A usage error unless both folders are given. */
    void requireBoth(CommandLine cl) {
        if (referenceDir == null || predictionDir == null) {
            throw new CommandLine.ParameterException(cl, "a batch needs both --reference-dir and --prediction-dir");
        }
    }

    /** A usage error for fewer than one job. */
    void checkJobs(CommandLine cl) {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(cl, "--jobs must be at least 1, not " + jobs);
        }
    }

    /**
     * Pairs the folders, refuses an --out that is one of the inputs (the volumes and the class table) and notes the
     * references without a prediction, which are skipped.
     */
    BatchPairing.Result pair(Path out, Path labels, ProgressBar bar) throws InputException {
        BatchPairing.Result pairing = BatchPairing.pair(referenceDir, predictionDir);
        if (out != null) {
            List<Path> inputs = new ArrayList<>();
            inputs.addAll(BatchPairing.volumeFiles(referenceDir, "--reference-dir").values());
            inputs.addAll(BatchPairing.volumeFiles(predictionDir, "--prediction-dir").values());
            inputs.add(labels);
            AtomicOutput.checkNotInput(out, inputs);
        }
        if (!pairing.referencesWithoutPrediction().isEmpty()) {
            bar.message("note: " + pairing.referencesWithoutPrediction().size() + " reference(s) in " + referenceDir
                    + " have no prediction and are skipped");
        }
        return pairing;
    }
}
