package org.dicelens.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a case came from, as the user chose it: files, a case folder, or a generated phantom. Kept in sessions and
 * used to refuse exports over an input.
 *
 * @param reference   label map, or null
 * @param predictions one 4D file, one file per class, or one foreground map; may be empty
 * @param image       optional scan
 * @param classTable  optional label description (ITK-SNAP or JSON)
 * @param folder      a case folder to read instead of single files, or null
 * @param phantom     a phantom description when the case was generated rather than read, or null
 */
public record CaseFiles(Path reference, List<Path> predictions, Path image, Path classTable, Path folder, String phantom) {
    public CaseFiles {
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
    }

    public static CaseFiles ofFolder(Path folder) {
        return new CaseFiles(null, List.of(), null, null, folder, null);
    }

    public static CaseFiles ofPhantom(String description) {
        return new CaseFiles(null, List.of(), null, null, null, description);
    }

    public CaseFiles withReference(Path p) {
        return new CaseFiles(p, predictions, image, classTable, null, null);
    }

    public CaseFiles withPredictions(List<Path> p) {
        return new CaseFiles(reference, p, image, classTable, null, null);
    }

    public CaseFiles withImage(Path p) {
        return new CaseFiles(reference, predictions, p, classTable, null, null);
    }

    public CaseFiles withClassTable(Path p) {
        return new CaseFiles(reference, predictions, image, p, null, null);
    }

    /** Every file the case reads (never to be written over), including every file of a case folder. */
    public List<Path> inputs() {
        List<Path> all = new ArrayList<>(predictions);
        if (folder != null) {
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(folder)) {
                s.forEach(all::add);
            } catch (java.io.IOException | RuntimeException e) {
                // an unreadable folder has no files to protect
            }
        }
        for (Path p : new Path[] {reference, image, classTable}) {
            if (p != null) {
                all.add(p);
            }
        }
        return all;
    }

    /** True when there is enough to load: a folder, a phantom, or a reference with at least one prediction. */
    public boolean isComplete() {
        return folder != null || phantom != null || (reference != null && !predictions.isEmpty());
    }

    /** A short name for titles and dialogs. */
    public String describe() {
        if (phantom != null) {
            return "phantom " + phantom;
        }
        if (folder != null) {
            return folder.toString();
        }
        return reference == null ? "(no reference)" : reference.getFileName().toString();
    }
}
