package org.dicelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.app.cases.CaseOpener;
import org.dicelens.common.InputException;
import org.dicelens.volume.PredictionKind;
import org.dicelens.volume.formats.InputFormats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code view}: opens the viewer, on a case named here (files or a case folder) or on the sample case. Everything that
 * can be checked without reading voxels is checked first (files present, formats read, a folder's roles), so a bad
 * argument prints one line and exits with 2 before any window opens. The viewer itself is reached through a
 * {@link Launcher} that {@code Main} supplies: this package does not know the UI.
 */
@Command(name = "view", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Open the viewer (the default with no arguments), on a case folder or on files.",
            "Examples: dicelens view case-folder/    dicelens view --reference seg.nii.gz --prediction probs.nii.gz "
                + "--image t1.nii.gz"})
public final class ViewCommand implements Callable<Integer> {
    /** Starts the viewer on a case (null: the default case) and returns when its window closes. */
    @FunctionalInterface
    public interface Launcher {
        void launch(CaseFiles initialCase);

        /**
         * Starts the viewer on a cohort (references against predictions, paired by name), with a second model's
         * predictions to compare ({@code compareDir}) and a class table, both may be null.
         */
        default void launchCohort(Path referenceDir, Path predictionDir, Path compareDir, Path labels) {
            throw new UnsupportedOperationException("this viewer cannot open a cohort");
        }
    }

    private final Launcher launcher;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CaseFileOptions named = new CaseFileOptions();

    @Parameters(arity = "0..1", paramLabel = "FOLDER", description = "A case folder: its files get their roles by name.")
    Path folder;

    @Option(names = "--raters", paramLabel = "RATER", arity = "1..*", description = "Several raters' label maps on the "
            + "case's grid, or per-class binary masks named like task01_seg02 (the first stands for --reference when that "
            + "is not given); the viewer compares with their majority vote and shows their agreement.")
    List<Path> raters = new ArrayList<>();

    @Option(names = "--soft-reference", paramLabel = "Q", description = "With --reference: a soft reference q̂ in [0, 1] "
            + "(one volume per class, or one foreground map for two classes); the usual numbers stay against --reference, "
            + "the raters' numbers and the agreement overlay use q̂.")
    Path softReference;

    @Option(names = "--reference-dir", paramLabel = "DIR", description = "A cohort: the folder of reference label maps "
            + "(with --prediction-dir; paired by name as in 'cohort').")
    Path referenceDir;

    @Option(names = "--prediction-dir", paramLabel = "DIR", description = "A cohort: the folder of predictions.")
    Path predictionDir;

    @Option(names = "--compare-dir", paramLabel = "DIR", description = "A cohort: a second model's predictions for "
            + "the same references, shown beside the first with the paired difference of ΔV.")
    Path compareDir;

    public ViewCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InputException {
        if (referenceDir != null || predictionDir != null || compareDir != null) {
            checkCohort();
            launcher.launchCohort(referenceDir, predictionDir, compareDir, named.reading.labels);
            return 0;
        }
        CaseFiles c = caseToOpen();
        launcher.launch(c == null ? null : c.absolute()); // the viewer compares paths with those it lists
        return 0;
    }

    /** The case the arguments name (null for none: the viewer's default case), checked as far as it can be unread. */
    CaseFiles caseToOpen() throws InputException {
        CommandLine cl = spec.commandLine();
        PredictionKind pk = named.reading.predictionKind();
        boolean files = named.anyFile() || !raters.isEmpty() || softReference != null;
        if (softReference != null && (!raters.isEmpty() || named.reference == null && named.masks.isEmpty())) {
            throw new CommandLine.ParameterException(cl, "--soft-reference goes with --reference (or --reference-masks), "
                    + "not with --raters");
        }
        if (folder == null && !files) {
            if (pk != PredictionKind.AUTO) {
                throw new CommandLine.ParameterException(cl, "--prediction-kind needs a case (a FOLDER or --prediction)");
            }
            return null;
        }
        if (named.reference != null && !named.masks.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give either --reference or --reference-masks, not both");
        }
        checkNamedFilesExist(); // a missing --reference is named as such, not reported as the folder's problem
        CaseFiles c;
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new InputException(folder, null, Files.exists(folder) ? "is not a folder (name files with --reference, "
                        + "--prediction, --image)" : "no such folder");
            }
            CaseFiles output = named.reference != null && named.predictions.isEmpty() ? CaseFolder.forReference(folder, named.reference)
                    : null;
            c = output != null ? output : folderCase(folder, named.anyFile() || !raters.isEmpty(), named.reference);
        } else {
            if (named.reference == null && named.masks.isEmpty() && raters.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "give --reference (or --reference-masks) and --prediction, "
                        + "or a case FOLDER");
            }
            if (named.predictions.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "give --prediction with --reference (or a case FOLDER)");
            }
            c = CaseFiles.empty();
        }
        c = named.reference != null ? c.withReference(named.reference) : c;
        c = !named.masks.isEmpty() ? c.withReferenceMasks(named.masks) : c;
        c = !named.predictions.isEmpty() ? c.withPredictions(named.predictions) : c;
        c = named.image != null ? c.withImage(named.image) : c;
        c = named.reading.applyTo(c, pk);
        c = !raters.isEmpty() ? c.withRaters(raters) : c;
        c = softReference != null ? c.withRaters(List.of(softReference)) : c; // one soft file: read as q̂ (RaterFiles)
        for (Path p : c.inputs()) {
            if (folder != null && p.getParent() != null && p.getParent().equals(folder) && !isNamed(c, p)) {
                continue; // files of the folder that play no role are not checked
            }
            if (!Files.isRegularFile(p)) {
                throw new InputException(p, null, Files.exists(p) ? "is not a regular file" : "no such file");
            }
        }
        for (Path p : volumes(c)) {
            if (!InputFormats.isSupported(p) && InputFormats.byName(p) != null) {
                InputFormats.shape(p); // throws the format's "not supported yet" message, naming the file
            }
        }
        return c;
    }

    /** A cohort needs both folders, no single-case file, and folders that pair (checked before any window opens). */
    void checkCohort() throws InputException {
        CommandLine cl = spec.commandLine();
        if (referenceDir == null || predictionDir == null) {
            throw new CommandLine.ParameterException(cl, "a cohort needs both --reference-dir and --prediction-dir");
        }
        // --labels is the cohort's class table; every other file option names a single case
        if (folder != null || named.reference != null || !named.masks.isEmpty() || !named.predictions.isEmpty()
                || named.image != null || named.reading.datasetJson != null || !raters.isEmpty() || softReference != null) {
            throw new CommandLine.ParameterException(cl, "--reference-dir/--prediction-dir open a cohort: give no "
                    + "case FOLDER or --reference/--prediction/--image/--dataset-json with them");
        }
        if (named.reading.labels != null && !Files.isRegularFile(named.reading.labels)) {
            throw new InputException(named.reading.labels, "--labels",
                    Files.exists(named.reading.labels) ? "is not a regular file" : "no such file");
        }
        org.dicelens.app.cases.BatchPairing.pair(referenceDir, predictionDir);
        if (compareDir != null) {
            org.dicelens.app.cases.BatchPairing.pair(referenceDir, compareDir);
        }
    }

    /**
     * A case folder with the roles the user chose for it in the viewer; when its names leave the roles open and none
     * were chosen, the folder itself (unresolved), so that the viewer's role picker asks. Files named beside the folder
     * fix their roles (a named reference sets the folder's other label maps aside), so the folder is resolved now and
     * any problem is reported here.
     */
    private static CaseFiles folderCase(Path folder, boolean filesNamed, Path reference) throws InputException {
        org.dicelens.app.cases.FolderRoleMemory memory = org.dicelens.app.cases.FolderRoleMemory.forUser();
        org.dicelens.app.cases.FolderRoleChoice choice = org.dicelens.app.cases.FolderRoleChoice.of(folder,
                memory.roles(folder));
        List<Path> refs = choice.filesIn(org.dicelens.app.cases.FileRoles.Role.REFERENCE);
        if (reference != null && refs.size() > 1) {
            // the named reference is the case's (it replaces the folder's below): keep one candidate, set the rest aside
            Path kept = refs.contains(reference.toAbsolutePath()) ? reference.toAbsolutePath() : refs.get(0);
            for (Path p : refs) {
                choice.set(p, p.equals(kept) ? org.dicelens.app.cases.FileRoles.Role.REFERENCE
                        : org.dicelens.app.cases.FileRoles.Role.IGNORE);
            }
        }
        if (!filesNamed && choice.needsAsking()) {
            return CaseFiles.ofFolder(folder.toAbsolutePath().normalize());
        }
        return choice.resolve();
    }

    private void checkNamedFilesExist() throws InputException {
        List<Path> named = new ArrayList<>(this.named.masks);
        named.addAll(this.named.predictions);
        named.addAll(raters);
        for (Path p : new Path[] {this.named.reference, this.named.image, this.named.reading.labels, this.named.reading.datasetJson,
            softReference}) {
            if (p != null) {
                named.add(p);
            }
        }
        for (Path p : named) {
            if (!Files.isRegularFile(p)) {
                throw new InputException(p, null, Files.exists(p) ? "is not a regular file" : "no such file");
            }
        }
    }

    private static boolean isNamed(CaseFiles c, Path p) {
        return p.equals(c.reference()) || p.equals(c.image()) || p.equals(c.classTable()) || p.equals(c.datasetJson())
                || c.predictions().contains(p) || c.referenceMasks().contains(p) || c.raters().contains(p);
    }

    private static List<Path> volumes(CaseFiles c) {
        List<Path> v = new ArrayList<>(c.predictions());
        v.addAll(c.referenceMasks());
        if (c.reference() != null) {
            v.add(c.reference());
        }
        if (c.image() != null) {
            v.add(c.image());
        }
        return v;
    }
}
