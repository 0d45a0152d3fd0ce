package org.dicelens.app.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * The prediction files that each hold every class (4D with several channels): alternatives to one another, not
     * channels to concatenate. Files whose header cannot be read are left out (loading reports them).
     */
    public static List<Path> alternatives(List<Path> predictions) {
        List<Path> whole = new ArrayList<>();
        for (Path p : predictions) {
            try {
                VolumeShape s = InputFormats.shape(p);
                if (s != null && s.channels() > 1) {
                    whole.add(p);
                }
            } catch (InputException e) {
                // not a readable header (or a format not read yet): not an alternative
            }
        }
        return whole;
    }

    /** Every complete prediction in the folder of a case's reference (for the prediction switcher). */
    public static List<Path> alternativesBeside(CaseFiles f) {
        Path dir = f.reference() == null ? f.folder() : f.reference().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return alternatives(s.filter(p -> FileRoles.guess(p) == FileRoles.Role.PREDICTION).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
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
            switch (FileRoles.guess(p)) {
                case REFERENCE -> {
                    if (reference != null) {
                        throw new InputException(folder, "reference", "two candidate label maps: "
                                + reference.getFileName() + " and " + p.getFileName());
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
            throw new InputException(folder, "reference", "no label map found (a NIfTI file named like *seg*, *label*, "
                    + "*ref* or *gt*)");
        }
        List<Path> whole = alternatives(predictions);
        if (whole.size() > 1 || whole.size() == 1 && predictions.size() > 1) {
            // a 4D file beside per-class files (prediction.nii.gz and prediction_0000..): the same probabilities twice,
            // not channels to concatenate; as with several 4D files, show one
            // several complete predictions of the same case (calibrated, over-confident, …): show one, offer the rest
            Path chosen = whole.stream().filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .contains("calibrated")).findFirst().orElse(whole.get(0));
            predictions = List.of(chosen);
        }
        if (predictions.isEmpty()) {
            throw new InputException(folder, "prediction", "no prediction found (a NIfTI file named like *prob*, "
                    + "*pred* or *softmax*)");
        }
        CaseFiles found = new CaseFiles(reference, predictions, image, table, null, null);
        return (raters.size() > 1 ? found.withRaters(raters) : found).fromFolder(folder);
    }
}
