package org.dicelens.app.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dicelens.volume.CaseSpec;
import org.dicelens.volume.PredictionKind;
import org.dicelens.volume.formats.InputFormats;

/**
 * One case as the user names it, on the command line or in the viewer: files, a case folder, or a generated phantom.
 * The command line's options, batch pairing, the viewer's open/drop/recent/session and the lab all build this one
 * record, and {@link CaseOpener} turns it into a {@link org.dicelens.volume.Case} the same way for both faces.
 *
 * @param reference      the reference label map, or null (per-class masks, or not chosen yet)
 * @param referenceMasks one binary reference mask per foreground class, in class order, instead of a label map
 * @param predictions    one 4D file, one file per class in channel order, or one foreground map; may be empty
 * @param predictionKind how to read the prediction's values (null means {@link PredictionKind#AUTO})
 * @param image          optional scan
 * @param classTable     optional class table (ITK-SNAP label description, JSON or CSV)
 * @param datasetJson    optional nnU-Net / MSD dataset.json (class names, regions), passed through to the readers
 * @param folder         a case folder: read it by file roles ({@link CaseFolder}); kept after resolving, as provenance
 * @param phantom        a phantom description ("brain", "lesion:overconfident", …) when the case is generated
 * @param name           the case name to show and report; null for the reference file's name
 * @param raters         several raters' label maps on the reference's grid, in rater order (empty: one reference)
 * @param raterChoice    which reference the engine uses when there are raters: 0 the raters' majority vote, k ≥ 1
 *                       rater k (the k-th file of {@code raters})
 */
public record CaseFiles(Path reference, List<Path> referenceMasks, List<Path> predictions, PredictionKind predictionKind,
        Path image, Path classTable, Path datasetJson, Path folder, String phantom, String name, List<Path> raters,
        int raterChoice) implements CaseSource {
    public CaseFiles {
        referenceMasks = referenceMasks == null ? List.of() : List.copyOf(referenceMasks);
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
        predictionKind = predictionKind == null ? PredictionKind.AUTO : predictionKind;
        raters = raters == null ? List.of() : List.copyOf(raters);
        raterChoice = raterChoice < 0 || raterChoice > raters.size() ? 0 : raterChoice;
    }

    /** Every field but the raters (a case with one reference). */
    public CaseFiles(Path reference, List<Path> referenceMasks, List<Path> predictions, PredictionKind predictionKind,
            Path image, Path classTable, Path datasetJson, Path folder, String phantom, String name) {
        this(reference, referenceMasks, predictions, predictionKind, image, classTable, datasetJson, folder, phantom, name,
                List.of(), 0);
    }

    /** A label-map reference, prediction(s), image, class table, folder, phantom (the viewer's original six fields). */
    public CaseFiles(Path reference, List<Path> predictions, Path image, Path classTable, Path folder, String phantom) {
        this(reference, List.of(), predictions, null, image, classTable, null, folder, phantom, null);
    }

    /** A label-map reference and prediction file(s), kind AUTO. */
    public static CaseFiles of(Path reference, List<Path> predictions) {
        return new CaseFiles(reference, predictions, null, null, null, null);
    }

    /** One mask per foreground class (in class order) and prediction file(s), kind AUTO. */
    public static CaseFiles ofMasks(List<Path> masks, List<Path> predictions) {
        return new CaseFiles(null, masks, predictions, null, null, null, null, null, null, null);
    }

    public static CaseFiles ofFolder(Path folder) {
        return new CaseFiles(null, List.of(), null, null, folder, null);
    }

    public static CaseFiles ofPhantom(String description) {
        return new CaseFiles(null, List.of(), null, null, null, description);
    }

    /** An empty case (files not chosen yet). */
    public static CaseFiles empty() {
        return new CaseFiles(null, List.of(), null, null, null, null);
    }

    // Changing a file makes the case no longer "that folder" or "that phantom": the with-methods that change files
    // drop both. A new reference is another case's: it drops the raters too (give them again after it).

    public CaseFiles withReference(Path p) {
        return new CaseFiles(p, List.of(), predictions, predictionKind, image, classTable, datasetJson, null, null, name,
                List.of(), 0);
    }

    public CaseFiles withReferenceMasks(List<Path> masks) {
        return new CaseFiles(null, masks, predictions, predictionKind, image, classTable, datasetJson, null, null, name,
                List.of(), 0);
    }

    public CaseFiles withPredictions(List<Path> p) {
        return new CaseFiles(reference, referenceMasks, p, predictionKind, image, classTable, datasetJson, null, null, name,
                raters, raterChoice);
    }

    /** The same case with its prediction read as {@code k} (keeps folder and phantom: no file changes). */
    public CaseFiles withPredictionKind(PredictionKind k) {
        return new CaseFiles(reference, referenceMasks, predictions, k, image, classTable, datasetJson, folder, phantom, name,
                raters, raterChoice);
    }

    public CaseFiles withImage(Path p) {
        return new CaseFiles(reference, referenceMasks, predictions, predictionKind, p, classTable, datasetJson, null, null,
                name, raters, raterChoice);
    }

    public CaseFiles withClassTable(Path p) {
        return new CaseFiles(reference, referenceMasks, predictions, predictionKind, image, p, datasetJson, null, null, name,
                raters, raterChoice);
    }

    public CaseFiles withDatasetJson(Path p) {
        return new CaseFiles(reference, referenceMasks, predictions, predictionKind, image, classTable, p, folder, phantom,
                name, raters, raterChoice);
    }

    /** The same case under another name (keeps folder and phantom). */
    public CaseFiles withName(String n) {
        return new CaseFiles(reference, referenceMasks, predictions, predictionKind, image, classTable, datasetJson, folder,
                phantom, n, raters, raterChoice);
    }

    /** The same files remembered as read from {@code dir} (what a resolved case folder keeps). */
    CaseFiles fromFolder(Path dir) {
        return new CaseFiles(reference, referenceMasks, predictions, predictionKind, image, classTable, datasetJson, dir,
                null, name, raters, raterChoice);
    }

    /**
     * The same case with several raters' label maps, comparing with their majority vote; without a reference the first
     * rater's file stands for it (the reference fixes the grid and the classes).
     */
    public CaseFiles withRaters(List<Path> files) {
        boolean first = reference == null && referenceMasks.isEmpty() && files != null && !files.isEmpty();
        return new CaseFiles(first ? files.get(0) : reference,
                referenceMasks, predictions, predictionKind, image, classTable, datasetJson, folder, phantom, name, files, 0);
    }

    /** The same case comparing with rater k (k ≥ 1) or with the raters' majority vote (k = 0); keeps folder and phantom. */
    public CaseFiles withRaterChoice(int k) {
        return new CaseFiles(reference, referenceMasks, predictions, predictionKind, image, classTable, datasetJson, folder,
                phantom, name, raters, k);
    }

    /**
     * The same case with every path absolute and normalised (a case named on the command line relative to the working
     * directory), so that it equals the paths the viewer finds by listing folders (the prediction switcher).
     */
    public CaseFiles absolute() {
        return new CaseFiles(abs(reference), referenceMasks.stream().map(CaseFiles::abs).toList(),
                predictions.stream().map(CaseFiles::abs).toList(), predictionKind, abs(image), abs(classTable),
                abs(datasetJson), abs(folder), phantom, name, raters.stream().map(CaseFiles::abs).toList(), raterChoice);
    }

    private static Path abs(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    public boolean hasRaters() {
        return !raters.isEmpty();
    }

    public boolean hasReference() {
        return reference != null || !referenceMasks.isEmpty();
    }

    /** True when the files themselves are named (not only a folder to read or a phantom to generate). */
    public boolean hasFiles() {
        return hasReference() && !predictions.isEmpty();
    }

    @Override
    public boolean isComplete() {
        return phantom != null || folder != null || hasFiles();
    }

    /** Every file the case reads (never to be written over), including every file of a case folder. */
    @Override
    public List<Path> inputs() {
        List<Path> all = new ArrayList<>(predictions);
        all.addAll(referenceMasks);
        all.addAll(raters);
        if (folder != null) {
            try (Stream<Path> s = Files.list(folder)) {
                s.forEach(all::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable folder has no files to protect
            }
        }
        for (Path p : new Path[] {reference, image, classTable, datasetJson}) {
            if (p != null) {
                all.add(p);
            }
        }
        return all;
    }

    /** A short description for titles and dialogs. */
    @Override
    public String describe() {
        if (phantom != null) {
            return "phantom " + phantom;
        }
        if (folder != null && !hasFiles()) {
            return folder.toString();
        }
        if (reference != null) {
            return reference.getFileName().toString();
        }
        return referenceMasks.isEmpty() ? "(no reference)" : referenceMasks.get(0).getFileName() + " (masks)";
    }

    /** The case name: {@code name}, else the reference file's name without its format's extension. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (!hasReference()) {
            return describe();
        }
        return InputFormats.stem(reference != null ? reference : referenceMasks.get(0));
    }

    /**
     * What the volume loader reads: the named files (a folder must be resolved first, a phantom is generated instead).
     *
     * @throws IllegalStateException when no reference or no prediction is named
     */
    public CaseSpec toSpec() {
        if (!hasFiles()) {
            throw new IllegalStateException("not a case of files yet: " + describe());
        }
        return new CaseSpec(displayName(), reference, referenceMasks, predictions, image, classTable, predictionKind);
    }
}
