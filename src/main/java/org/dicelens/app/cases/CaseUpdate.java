package org.dicelens.app.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.ClassTableReader;

/**
 * A change to an open case that keeps what is loaded: another image (only the image is read) or another class table
 * that names the same labels in the same channel order (only names and colours change). The reference and the
 * prediction, often hundreds of megabytes, are kept as they are; anything else is a new case, read in full.
 */
final class CaseUpdate {
    private CaseUpdate() {
    }

    /**
     * {@code loaded} (read from {@code loadedFiles}) turned into the case of {@code f}, or null when {@code f} differs
     * in more than its image and class table, or its table would give other channels (then everything is read).
     */
    static Case apply(CaseFiles f, CaseFiles loadedFiles, Case loaded, Progress progress,
            CaseLoader.VolumeReader reader) throws InputException {
        if (loaded == null || loadedFiles == null || f.phantom() != null || !f.hasFiles() || !loadedFiles.hasFiles()
                || !sameExceptImageAndTable(f, loadedFiles)) {
            return null;
        }
        Case c = loaded;
        if (!Objects.equals(f.classTable(), loadedFiles.classTable())) {
            if (f.classTable() == null) {
                return null; // the names came from the table: without it they come from the data or dataset.json
            }
            c = renamed(c, ClassTableReader.read(f.classTable()));
            if (c == null) {
                return null;
            }
        }
        if (!Objects.equals(f.image(), loadedFiles.image())) {
            c = f.image() == null ? new Case(c.name(), c.geometry(), null, c.referenceClass(), c.prediction(),
                    c.classes(), c.warnings(), c.predictionKind())
                    : CaseLoader.withImage(c, f.toSpec(), progress, reader);
        }
        return c;
    }

    private static boolean sameExceptImageAndTable(CaseFiles a, CaseFiles b) {
        return Objects.equals(a.reference(), b.reference()) && a.referenceMasks().equals(b.referenceMasks())
                && a.predictions().equals(b.predictions()) && a.predictionKind() == b.predictionKind()
                && Objects.equals(a.datasetJson(), b.datasetJson()) && a.raters().equals(b.raters())
                && a.raterChoice() == b.raterChoice() && Objects.equals(a.displayName(), b.displayName());
    }

    /**
     * The case with the classes of {@code table}, when the loader would give the same channels from it: the table's
     * labels in its order (background first when the table has no label 0 and the case has one, as the loader adds
     * it) equal the loaded classes' labels. Null otherwise.
     */
    static Case renamed(Case c, ClassTable table) {
        List<ClassInfo> classes = new ArrayList<>();
        int background = c.classes().channelOf(0);
        if (table.channelOf(0) < 0 && background >= 0) {
            if (!holds(c.referenceClass(), background)) {
                return null; // the loader adds background for data holding label 0 only: let it decide
            }
            classes.add(new ClassInfo(0, "background", ClassTable.defaultColour(0))); // as the loader names it
        }
        classes.addAll(table.all());
        if (classes.size() != c.classCount()) {
            return null;
        }
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k).label() != c.classes().get(k).label()) {
                return null;
            }
        }
        return new Case(c.name(), c.geometry(), c.image(), c.referenceClass(), c.prediction(), new ClassTable(classes),
                c.warnings(), c.predictionKind());
    }

    private static boolean holds(byte[] codes, int channel) {
        for (byte b : codes) {
            if ((b & 0xFF) == channel) {
                return true;
            }
        }
        return false;
    }
}
