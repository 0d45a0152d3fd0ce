package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicelens.app.cases.BatchPairing;
import org.dicelens.app.cases.RaterFolders;
import org.dicelens.common.InputException;
import picocli.CommandLine.Option;

/** A batch's several raters or soft references ({@code evaluate} and {@code cohort} over folders). */
public final class RaterBatchOptions {
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

    private RaterFolders.Found found;
    private Map<String, Path> soft;

    boolean any() {
        return ratersDir != null || softDir != null;
    }

    /** The batch's pairs: predictions against each case's first rater (--raters-dir), else against --reference-dir. */
    BatchPairing.Result pair(Path referenceDir, Path predictionDir, ProgressBar bar) throws InputException {
        if (ratersDir != null) {
            found = RaterFolders.read(ratersDir);
            found.notes().forEach(n -> bar.message("note: " + n));
            return BatchPairing.pair(found.firstRaters(), ratersDir, predictionDir);
        }
        if (softDir != null) {
            soft = BatchPairing.volumeFiles(softDir, "--soft-reference-dir");
        }
        return BatchPairing.pair(referenceDir, predictionDir);
    }

    /** The raters' files of one case (empty with --soft-reference-dir). */
    List<Path> raters(BatchPairing.Pair p) {
        return found == null ? List.of() : found.byCase().getOrDefault(p.name(), List.of());
    }

    /** The soft reference of one case (null with --raters-dir); a case without one fails. */
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

    /** Every rater and soft-reference file (never to be written over); call after {@link #pair}. */
    List<Path> inputs() {
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
