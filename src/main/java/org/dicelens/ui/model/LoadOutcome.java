package org.dicelens.ui.model;

import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.volume.Case;

/** What a load of the viewer ends with: the statistics it can keep, and the words of its failure. */
final class LoadOutcome {
    private LoadOutcome() {
    }

    /** The shown case's statistics for {@code c} when it kept the shown voxels (an image or names added); else null. */
    static Analysis kept(LoadedCase shown, Case c) {
        Case was = shown == null ? null : shown.data();
        if (was == null || was.prediction() != c.prediction() || was.referenceClass() != c.referenceClass()) {
            return null;
        }
        try {
            return shown.analysis().withData(c);
        } catch (IllegalArgumentException e) {
            return null; // other labels: build again
        }
    }

    /** The title names the file that failed (a prediction, an image…), not the case's reference. */
    static String failedFile(Throwable e, CaseFiles files) {
        return e instanceof InputException ie && ie.file() != null && ie.file().getFileName() != null
                ? ie.file().getFileName().toString() : files.describe();
    }

    static String loadFailure(Throwable e) {
        if (e instanceof InputException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "Not enough memory to load this case (" + e.getMessage() + "); start Java with a larger -Xmx.";
        }
        return describe(e);
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
