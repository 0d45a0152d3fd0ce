package org.dicelens.app.cases;

import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;

/**
 * Opens a {@link CaseFiles} the one way both faces do: a phantom is generated, a folder is resolved into files by
 * their roles, and files are read by the volume loader (through the input-format registry), with the reference masks,
 * prediction kind and name the case carries.
 */
public final class CaseOpener {
    private CaseOpener() {
    }

    /** The files a case stands for: a folder's files by role; otherwise the case itself. */
    public static CaseFiles resolve(CaseFiles f) throws InputException {
        if (f.phantom() == null && f.folder() != null && !f.hasFiles()) {
            CaseFiles found = CaseFolder.resolve(f.folder());
            CaseFiles named = f.name() == null ? found : found.withName(f.name());
            CaseFiles kind = named.withPredictionKind(f.predictionKind());
            return f.datasetJson() == null ? kind : kind.withDatasetJson(f.datasetJson());
        }
        return f;
    }

    /** Reads (or generates) the case; a folder is resolved first. */
    public static Case open(CaseFiles f, Progress progress) throws InputException {
        Progress p = progress == null ? Progress.NONE : progress;
        if (f.phantom() != null) {
            return Phantoms.generate(f.phantom(), p);
        }
        CaseFiles files = resolve(f);
        if (!files.hasFiles()) {
            throw new InputException(files.folder(), null, "not a complete case: "
                    + (files.hasReference() ? "no prediction" : "no reference") + " named");
        }
        return CaseLoader.load(files.toSpec(), p);
    }
}
