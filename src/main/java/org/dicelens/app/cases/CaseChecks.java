package org.dicelens.app.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.formats.InputFormats;
import org.dicelens.volume.formats.VolumeShape;

/**
 * Checks a face runs while files are being chosen one by one, before a case is complete: from headers alone
 * (instant) or, for a reference, from its values.
 */
public final class CaseChecks {
    private CaseChecks() {
    }

    /** A reference must be one 3D volume: a 4D file is refused from its header, at once. */
    public static void checkReferenceShape(Path reference) throws InputException {
        VolumeShape s = InputFormats.shape(reference);
        if (s != null && s.channels() != 1) {
            throw new InputException(reference, "dim", "the reference label map has " + s.channels()
                    + " volumes; expected one 3D label map (or give one mask file per class)");
        }
    }

    /** A reference's values must be labels (whole numbers, at most 255 of them): an intensity image is refused. */
    public static void checkReferenceValues(Path reference, Progress progress) throws InputException {
        CaseLoader.checkLabelMap(reference, progress);
    }

    /**
     * Why {@code added} cannot join {@code current} (its grid size differs from the current volumes'), or null when it
     * fits as far as headers tell (or cannot tell: loading then decides). Files of formats without a header shape are
     * not compared.
     */
    public static String misfit(CaseFiles current, Path added) {
        if (current == null) {
            return null;
        }
        VolumeShape a = shapeOrNull(added);
        if (a == null) {
            return null;
        }
        for (Path p : volumes(current)) {
            if (p.equals(added)) {
                continue;
            }
            VolumeShape s = shapeOrNull(p);
            if (s != null && (s.nx() != a.nx() || s.ny() != a.ny() || s.nz() != a.nz())) {
                return added.getFileName() + " is " + a.nx() + "x" + a.ny() + "x" + a.nz() + " voxels, the open case's "
                        + p.getFileName() + " " + s.nx() + "x" + s.ny() + "x" + s.nz();
            }
        }
        return null;
    }

    private static VolumeShape shapeOrNull(Path p) {
        try {
            return InputFormats.shape(p);
        } catch (InputException e) {
            return null; // unreadable here: loading reports it with its reason
        }
    }

    private static List<Path> volumes(CaseFiles f) {
        List<Path> v = new ArrayList<>();
        if (f.reference() != null) {
            v.add(f.reference());
        }
        v.addAll(f.referenceMasks());
        v.addAll(f.predictions());
        if (f.image() != null) {
            v.add(f.image());
        }
        return v;
    }
}
