package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicelens.app.cases.BatchPairing;
import org.dicelens.app.cases.RaterFolders;
import org.dicelens.common.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A batch of cases as `evaluate` and `cohort` take it (a picocli mixin): a folder of references (or of several raters)
 * and one of predictions, paired by name, evaluated on --jobs threads. Neither folder is required here: `evaluate`
 * runs one case without them, and each command says which it needs.
 */
final class BatchOptions {
    @Option(names = "--reference-dir", paramLabel = "DIR", description = "Batch: folder of reference label maps (or "
            + "--raters-dir).")
    Path referenceDir;

    @Option(names = "--prediction-dir", paramLabel = "DIR", description = "Batch: folder of predictions, paired by name.")
    Path predictionDir;

    @Option(names = "--raters-dir", paramLabel = "DIR",
            description = "Batch, instead of --reference-dir: several raters per case, as a folder per case "
                    + "(DIR/CASE/rater_1.nii.gz …, QUBIQ's DIR/CASE/task01_seg01.nii.gz …, CURVAS's annotation_1 …) or a "
                    + "folder per rater (DIR/RATER/CASE.nii.gz). Paired with --prediction-dir by case name; the usual keys "
                    + "use the raters' majority vote, the rater keys are added.")
    Path ratersDir;

    @Option(names = "--soft-reference-dir", paramLabel = "DIR",
            description = "Batch, with --reference-dir: a soft reference per case, DIR/CASE.nii.gz (values in [0, 1]); "
                    + "the usual keys stay against the references, the rater keys are computed against q̂.")
    Path softDir;

    @Option(names = "--jobs", paramLabel = "N", description = "Batch: cases evaluated at once (default: number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    private RaterFolders.Found found;
    private Map<String, Path> soft;

    /** True when any batch folder is given. */
    boolean given() {
        return referenceDir != null || predictionDir != null || ratersDir != null;
    }

    /** True when the batch has several raters or soft references. */
    boolean raters() {
        return ratersDir != null || softDir != null;
    }

    /** A usage error unless the folders make one batch: references or raters (not both), and predictions. */
    void requireBoth(CommandLine cl) {
        if (ratersDir != null && (referenceDir != null || softDir != null)) {
            throw new CommandLine.ParameterException(cl, "--raters-dir replaces --reference-dir (no --soft-reference-dir)");
        }
        if (softDir != null && referenceDir == null) {
            throw new CommandLine.ParameterException(cl, "--soft-reference-dir goes with --reference-dir and --prediction-dir");
        }
        if (referenceDir == null && ratersDir == null || predictionDir == null) {
            throw new CommandLine.ParameterException(cl, ratersDir == null && softDir == null
                    ? "a batch needs both --reference-dir and --prediction-dir"
                    : "a batch needs --reference-dir (or --raters-dir) and --prediction-dir");
        }
    }

    /** A usage error for fewer than one job. */
    void checkJobs(CommandLine cl) {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(cl, "--jobs must be at least 1, not " + jobs);
        }
    }

    /**
     * Pairs the folders (predictions against each case's first rater with --raters-dir), refuses an --out that is one
     * of the inputs (the volumes, raters, soft references and the class table) and notes the references without a
     * prediction, which are skipped.
     */
    BatchPairing.Result pair(Path out, Path labels, ProgressBar bar) throws InputException {
        BatchPairing.Result pairing;
        if (ratersDir != null) {
            found = RaterFolders.read(ratersDir);
            found.notes().forEach(n -> bar.message("note: " + n));
            pairing = BatchPairing.pair(found.firstRaters(), ratersDir, predictionDir);
        } else {
            if (softDir != null) {
                soft = BatchPairing.volumeFiles(softDir, "--soft-reference-dir");
            }
            pairing = BatchPairing.pair(referenceDir, predictionDir);
        }
        if (out != null) {
            List<Path> inputs = new ArrayList<>(raterInputs());
            if (referenceDir != null) {
                inputs.addAll(BatchPairing.volumeFiles(referenceDir, "--reference-dir").values());
            }
            inputs.addAll(BatchPairing.volumeFiles(predictionDir, "--prediction-dir").values());
            inputs.add(labels);
            AtomicOutput.checkNotInput(out, inputs);
        }
        if (!pairing.referencesWithoutPrediction().isEmpty()) {
            bar.message("note: " + pairing.referencesWithoutPrediction().size() + " reference(s) in "
                    + (referenceDir != null ? referenceDir : ratersDir) + " have no prediction and are skipped");
        }
        return pairing;
    }

    /** The raters' files of one case (empty without --raters-dir); call after {@link #pair}. */
    List<Path> raters(BatchPairing.Pair p) {
        return found == null ? List.of() : found.byCase().getOrDefault(p.name(), List.of());
    }

    /** The soft reference of one case (null without --soft-reference-dir); a case without one fails. */
    Path soft(BatchPairing.Pair p) throws InputException {
        if (soft == null) {
            return null;
        }
        Path q = soft.get(p.name());
        if (q == null) {
            throw new InputException(softDir, "--soft-reference-dir", "no soft reference named " + p.name());
        }
        return q;
    }

    private List<Path> raterInputs() {
        List<Path> all = new ArrayList<>();
        if (found != null) {
            found.byCase().values().forEach(all::addAll);
        }
        if (soft != null) {
            all.addAll(soft.values());
        }
        return all;
    }
}
