package org.dicelens.app.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicelens.volume.ClassTableReader;
import org.dicelens.volume.formats.InputFormat;
import org.dicelens.volume.formats.InputFormats;

/** Guesses what a dropped file is from its name, so a drop needs at most a confirmation. */
public final class FileRoles {
    /** What a file is in a case. */
    public enum Role {
        REFERENCE, REFERENCE_MASK, RATER, PREDICTION, IMAGE, CLASS_TABLE, SESSION, CASE_FOLDER, IGNORE
    }

    public static final String SESSION_SUFFIX = ".dicelens.json";

    private FileRoles() {
    }

    public static Role guess(Path p) {
        if (Files.isDirectory(p)) {
            return Role.CASE_FOLDER;
        }
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(SESSION_SUFFIX)) {
            return Role.SESSION;
        }
        InputFormat format = InputFormats.byName(p);
        if (format == null) {
            return ClassTableReader.isTableName(p) ? Role.CLASS_TABLE : Role.IGNORE;
        }
        // a format without a grid (a .npz) can only be a prediction: the reference and image fix the grid
        if (format.peek() == null || has(n, "prob", "pred", "softmax", "posterior", "logit", "output")) {
            return Role.PREDICTION;
        }
        if (isRaterName(n)) {
            return Role.RATER;
        }
        if (has(n, "seg", "label", "ref", "gt", "truth", "mask", "manual", "lesion")) {
            return Role.REFERENCE;
        }
        return Role.IMAGE;
    }

    /**
     * One of several raters' label maps: named like rater_2 / rater2 / raterB, or a numbered segmentation (seg_1,
     * seg01, task01_seg02 as QUBIQ names them, annotator1, annotation_1 as CURVAS names them).
     */
    static boolean isRaterName(String lowerCaseName) {
        return lowerCaseName.contains("rater") || lowerCaseName.contains("annotator")
                || RATER_NUMBERED.matcher(lowerCaseName).find();
    }

    private static final java.util.regex.Pattern RATER_NUMBERED = java.util.regex.Pattern.compile("seg[_-]?\\d|annotation[_-]?\\d");

    private static boolean has(String n, String... words) {
        for (String w : words) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Adds files with their roles onto a case's files (predictions and reference masks in the order given). */
    public static CaseFiles apply(CaseFiles base, List<Path> files, List<Role> roles) {
        CaseFiles f = base == null || base.phantom() != null || (base.folder() != null && !base.hasFiles())
                ? CaseFiles.empty() : base;
        List<Path> preds = new ArrayList<>();
        List<Path> masks = new ArrayList<>();
        List<Path> raters = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            switch (roles.get(i)) {
                case REFERENCE -> f = f.withReference(p);
                case REFERENCE_MASK -> masks.add(p);
                case RATER -> raters.add(p);
                case PREDICTION -> preds.add(p);
                case IMAGE -> f = f.withImage(p);
                case CLASS_TABLE -> f = f.withClassTable(p);
                default -> {
                }
            }
        }
        if (!masks.isEmpty()) {
            f = f.withReferenceMasks(masks);
        }
        if (!preds.isEmpty()) {
            f = f.withPredictions(preds);
        }
        if (!raters.isEmpty()) {
            f = f.withRaters(raters);
        }
        return f;
    }
}
