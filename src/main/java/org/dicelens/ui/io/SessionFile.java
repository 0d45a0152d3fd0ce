package org.dicelens.ui.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.SettingsCheck;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.OverlayModel;

/**
 * A saved session as JSON: the case's files, every control ({@link Settings}), the classes' names, colours and
 * visibility, and the display (crosshair, window, overlays). Written atomically; a corrupt file or one that refers to
 * files that have moved is an {@link InputException} naming the session file and what is wrong.
 *
 * <p>Versions: 1 had no {@code emptyClasses}; 2 adds it. The optional {@code region} (a region model's region shown)
 * needs no new version: a DiceLens that does not know it ignores it and shows the first region. A session of any
 * version up to {@link #VERSION} is read with every control it lacks set to that control's documented default
 * ({@link SessionDefaults}), never to 0, and its controls are checked by {@link SettingsCheck}, the command line's and
 * the engine's check.
 */
public final class SessionFile {
    public static final int VERSION = 2;

    /** The files of a case, as strings so the JSON stays readable and portable. */
    public record CaseRef(String reference, List<String> predictions, String image, String classTable, String folder,
            String phantom, List<String> referenceMasks, String predictionKind, String datasetJson, String name,
            List<String> raters, Integer raterChoice) {
        /** The fields sessions had before several raters (absent ones read as null). */
        public CaseRef(String reference, List<String> predictions, String image, String classTable, String folder,
                String phantom, List<String> referenceMasks, String predictionKind, String datasetJson, String name) {
            this(reference, predictions, image, classTable, folder, phantom, referenceMasks, predictionKind, datasetJson,
                    name, null, null);
        }

        /** The six fields sessions had before masks, kind, dataset.json and name (absent ones read as null). */
        public CaseRef(String reference, List<String> predictions, String image, String classTable, String folder,
                String phantom) {
            this(reference, predictions, image, classTable, folder, phantom, null, null, null, null);
        }
    }

    /** One class's controls; {@code opacity} (its overlays' opacity factor) is null in sessions written before it. */
    public record ClassState(int label, String name, int argb, boolean visible, Double opacity) {
        public ClassState(int label, String name, int argb, boolean visible) {
            this(label, name, argb, visible, null);
        }
    }

    public record Display(int[] crosshair, double windowLow, double windowHigh, String maximised,
            OverlayModel.State overlays) {
    }

    /**
     * @param region the region shown of a region model (0-based, as {@code LoadedCase.region()}); null for a label
     *               model or a session written before regions (the first region then)
     */
    public record Session(int version, CaseRef files, Settings settings, List<ClassState> classes, int selectedClass,
            int perSliceAxis, Display display, Integer region) {
        /** A session without a region (a label model). */
        public Session(int version, CaseRef files, Settings settings, List<ClassState> classes, int selectedClass,
                int perSliceAxis, Display display) {
            this(version, files, settings, classes, selectedClass, perSliceAxis, display, null);
        }
    }

    private SessionFile() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static CaseRef toFiles(CaseFiles f) {
        List<String> preds = new ArrayList<>();
        f.predictions().forEach(p -> preds.add(str(p)));
        List<String> masks = new ArrayList<>();
        f.referenceMasks().forEach(p -> masks.add(str(p)));
        return new CaseRef(str(f.reference()), preds, str(f.image()), str(f.classTable()), str(f.folder()), f.phantom(),
                masks.isEmpty() ? null : masks, f.predictionKind() == org.dicelens.volume.PredictionKind.AUTO ? null
                        : f.predictionKind().name(), str(f.datasetJson()), f.name(),
                f.raters().isEmpty() ? null : f.raters().stream().map(SessionFile::str).toList(),
                f.raters().isEmpty() ? null : f.raterChoice());
    }

    /** The case files, resolved against the session file's folder when stored relative. */
    public static CaseFiles fromFiles(CaseRef f, Path sessionFile) {
        Path base = sessionFile.toAbsolutePath().getParent();
        List<Path> preds = new ArrayList<>();
        if (f.predictions() != null) {
            f.predictions().forEach(p -> preds.add(path(p, base)));
        }
        List<Path> masks = new ArrayList<>();
        if (f.referenceMasks() != null) {
            f.referenceMasks().forEach(p -> masks.add(path(p, base)));
        }
        org.dicelens.volume.PredictionKind kind = null;
        if (f.predictionKind() != null) {
            try {
                kind = org.dicelens.volume.PredictionKind.valueOf(f.predictionKind());
            } catch (IllegalArgumentException e) {
                kind = null; // checked by read(), which names the field
            }
        }
        List<Path> raters = new ArrayList<>();
        if (f.raters() != null) {
            f.raters().forEach(p -> raters.add(path(p, base)));
        }
        return new CaseFiles(path(f.reference(), base), masks, preds, kind, path(f.image(), base),
                path(f.classTable(), base), path(f.datasetJson(), base), path(f.folder(), base), f.phantom(), f.name(),
                raters, f.raterChoice() == null ? 0 : f.raterChoice());
    }

    private static String str(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }

    private static Path path(String s, Path base) {
        return s == null ? null : base.resolve(s).normalize();
    }

    public static void write(Session s, Path target, Collection<Path> inputs) throws InputException {
        AtomicWriter.write(target, inputs, out -> mapper().writeValue(out, s));
    }

    /** Reads and checks a session: version, files present, controls in range. */
    public static Session read(Path file) throws InputException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, null, "not a readable session file");
        }
        Session s;
        try {
            JsonNode tree = mapper().readTree(file.toFile());
            if (tree == null || !tree.isObject() || !tree.path("files").isObject() || !tree.path("settings").isObject()) {
                throw new InputException(file, "files/settings", "missing from the session");
            }
            int version = tree.path("version").asInt(-1);
            if (version < 1 || version > VERSION) {
                throw new InputException(file, "version", "unsupported session version " + tree.path("version")
                        + " (this DiceLens reads 1.." + VERSION + ")");
            }
            SessionDefaults.fill((ObjectNode) tree.get("settings"));
            s = mapper().treeToValue(tree, Session.class);
        } catch (JacksonException e) {
            throw new InputException(file, null, "not a DiceLens session (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(file, null, "could not read: " + e.getMessage(), e);
        }
        if (s.settings().thresholdSteps() == null) {
            throw new InputException(file, "settings.thresholdSteps", "missing from the session");
        }
        List<SettingsCheck.Problem> problems = SettingsCheck.problems(s.settings(), -1);
        if (!problems.isEmpty()) {
            SettingsCheck.Problem p = problems.get(0);
            throw new InputException(file, "settings." + p.field(), p.message());
        }
        if (s.classes() != null) {
            for (int i = 0; i < s.classes().size(); i++) {
                Double a = s.classes().get(i) == null ? null : s.classes().get(i).opacity();
                if (a != null && !(a >= 0 && a <= 1)) {
                    throw new InputException(file, "classes[" + i + "].opacity", "must be in [0, 1], not " + a);
                }
            }
        }
        String kind = s.files().predictionKind();
        if (kind != null && java.util.Arrays.stream(org.dicelens.volume.PredictionKind.values())
                .noneMatch(k -> k.name().equals(kind))) {
            throw new InputException(file, "files.predictionKind", "unknown prediction kind " + kind);
        }
        if (s.region() != null && s.region() < 0) {
            throw new InputException(file, "region", "a region index is 0 or more, not " + s.region());
        }
        CaseFiles cf = fromFiles(s.files(), file);
        for (Path p : cf.inputs()) {
            if (!Files.exists(p)) {
                throw new InputException(file, "files", "refers to a file that is not there (moved?): " + p);
            }
        }
        if (cf.folder() != null && !Files.isDirectory(cf.folder())) {
            throw new InputException(file, "files.folder", "refers to a folder that is not there (moved?): " + cf.folder());
        }
        return s;
    }
}
