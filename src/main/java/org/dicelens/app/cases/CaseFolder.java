package org.dicelens.app.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dicelens.common.InputException;
import org.dicelens.volume.formats.InputFormats;
import org.dicelens.volume.formats.VolumeShape;

/**
 * A case folder: the files in it sorted by name, each given its role by {@link FileRoles#guess} (a label map named
 * like seg/label/ref/gt, predictions named like prob/pred/softmax, a class table, the remaining NIfTI as the image).
 * Files named like raters (rater_1, seg01, …; {@link FileRoles#isRaterName}) are offered as several raters: with a
 * reference beside them, the reference is rater 1 and they follow (the phantom's layout, reference.nii.gz being rater
 * 0 of its sample); without one, the first rater also stands for the reference.
 */
public final class CaseFolder {
    private CaseFolder() {
    }

    /**
     * The complete predictions among a folder's prediction files, as alternatives to one another: each file holding
     * every class (4D with several channels) alone, and the remaining one-class files together as one prediction in
     * name order (per-class files: prediction_0000..0004). A folder without 4D files gives one set of all its files.
     * Files whose header cannot be read count as one-class files (loading reports them).
     */
    public static List<List<Path>> predictionSets(List<Path> predictions) {
        List<List<Path>> sets = new ArrayList<>();
        List<Path> perClass = new ArrayList<>();
        for (Path p : predictions) {
            if (channels(p) > 1) {
                sets.add(List.of(p));
            } else {
                perClass.add(p);
            }
        }
        if (!perClass.isEmpty()) {
            sets.add(List.copyOf(perClass));
        }
        return sets;
    }

    private static long channels(Path p) {
        try {
            VolumeShape s = InputFormats.shape(p);
            return s == null ? 1 : s.channels();
        } catch (InputException e) {
            return 1; // not a readable header (or a format not read yet): loading reports it
        }
    }

    /** Every complete prediction in the folder of a case's reference (for the prediction switcher). */
    public static List<List<Path>> predictionSetsBeside(CaseFiles f) {
        Path dir = f.reference() == null ? f.folder() : f.reference().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return predictionSets(s.filter(p -> FileRoles.guess(p) == FileRoles.Role.PREDICTION).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** How the switcher names a prediction: its file, or the first and last of its per-class files and their count. */
    public static String label(List<Path> set) {
        if (set.size() == 1) {
            return set.get(0).getFileName().toString();
        }
        return set.get(0).getFileName() + " … " + set.get(set.size() - 1).getFileName() + " (" + set.size() + " files)";
    }

    /**
     * The case of {@code reference} in a model's output folder, as nnU-Net writes it: {@code CASE.npz} (the
     * probabilities; else {@code CASE.nii.gz} itself) for the reference's case name, with the folder's dataset.json.
     * Null when the folder holds no file of that case.
     */
    public static CaseFiles forReference(Path folder, Path reference) {
        String name = InputFormats.stem(reference);
        Path npz = folder.resolve(name + ".npz");
        Path prediction = Files.isRegularFile(npz) ? npz : null;
        for (String ending : new String[] {".nii.gz", ".nii"}) {
            Path p = folder.resolve(name + ending);
            prediction = prediction == null && Files.isRegularFile(p) && !p.toAbsolutePath().equals(reference
                    .toAbsolutePath()) ? p : prediction;
        }
        if (prediction == null) {
            return null;
        }
        Path json = folder.resolve(DatasetCases.FILE_NAME);
        CaseFiles f = CaseFiles.of(reference, List.of(prediction)).withName(name);
        return Files.isRegularFile(json) ? f.withDatasetJson(json) : f;
    }

    public static CaseFiles resolve(Path folder) throws InputException {
        return resolve(folder, Map.of());
    }

    /** The role of a folder's file: the one chosen for its name, else the guess from its name. */
    static FileRoles.Role roleOf(Path p, Map<String, FileRoles.Role> chosen) {
        FileRoles.Role r = chosen.get(p.getFileName().toString());
        return r != null ? r : FileRoles.guess(p);
    }

    /**
     * The folder's files by role, {@code chosen} (file name to role, as the role picker gives them) overriding the
     * guesses from names.
     */
    public static CaseFiles resolve(Path folder, Map<String, FileRoles.Role> chosen) throws InputException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder, null, "not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder, null, "cannot list the folder: " + e.getMessage(), e);
        }
        Path reference = null;
        Path image = null;
        Path table = null;
        List<Path> predictions = new ArrayList<>();
        List<Path> raters = new ArrayList<>();
        for (Path p : files) {
            switch (roleOf(p, chosen)) {
                case REFERENCE -> {
                    if (reference != null) {
                        throw new InputException(folder, "reference", "two candidate label maps: "
                                + reference.getFileName() + " and " + p.getFileName() + " (choose their roles with File"
                                + " ▸ Open case folder in the viewer, or name the files with --reference and --prediction)");
                    }
                    reference = p;
                }
                case PREDICTION -> predictions.add(p);
                case RATER -> raters.add(p);
                case IMAGE -> image = image == null ? p : image;
                case CLASS_TABLE -> table = table == null ? p : table;
                default -> {
                }
            }
        }
        if (!raters.isEmpty()) {
            if (reference != null) {
                raters.add(0, reference);
            }
            reference = raters.get(0);
        }
        if (reference == null) {
            boolean modelOutput = files.stream().anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".npz"));
            throw new InputException(folder, "reference", "no label map found (a NIfTI file named like *seg*, *label*, "
                    + "*ref* or *gt*)" + (modelOutput ? "; a model's output folder (CASE.npz) holds no reference: name "
                    + "it (view --reference labelsTs/CASE.nii.gz FOLDER, or File ▸ Open reference)" : ""));
        }
        List<List<Path>> sets = predictionSets(predictions);
        if (sets.size() > 1) {
            // several complete predictions of the same case (calibrated, over-confident, or a 4D file beside the same
            // probabilities as per-class files): not channels to concatenate; show one, the switcher offers the rest
            predictions = sets.stream().filter(set -> set.get(0).getFileName().toString().toLowerCase(Locale.ROOT)
                    .contains("calibrated")).findFirst().orElse(sets.get(0));
        }
        if (predictions.isEmpty()) {
            throw new InputException(folder, "prediction", "no prediction found (a NIfTI file named like *prob*, "
                    + "*pred* or *softmax*)");
        }
        CaseFiles found = new CaseFiles(reference, predictions, image, table, null, null);
        return (raters.size() > 1 ? found.withRaters(raters) : found).fromFolder(folder);
    }
}
