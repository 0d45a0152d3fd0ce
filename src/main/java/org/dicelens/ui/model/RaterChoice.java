package org.dicelens.ui.model;

import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.RaterFiles;
import org.dicelens.volume.Case;

/** Which reference the engine uses when a case has several raters, and reuse of raters already read. */
final class RaterChoice {
    private RaterChoice() {
    }

    /**
     * The case whose reference is the raters' majority vote (choice 0) or rater {@code choice} (1..K); a soft reference
     * keeps the case's reference.
     */
    static Case apply(Case c, RaterFiles.Read raters, int choice) {
        return RaterFiles.withReference(c, raters, choice);
    }

    /** The raters of the shown case when they are the same files on the same grid (switching rater reads nothing). */
    static RaterFiles.Read reuse(LoadedCase shown, CaseFiles files, Case c) {
        if (shown == null || shown.raters() == null || !shown.files().raters().equals(files.raters())
                || shown.data().voxelCount() != c.voxelCount() || shown.data().classCount() != c.classCount()) {
            return null;
        }
        return shown.raters();
    }
}
