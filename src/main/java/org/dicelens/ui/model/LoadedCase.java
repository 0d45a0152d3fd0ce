package org.dicelens.ui.model;

import org.dicelens.app.cases.CaseFiles;
import org.dicelens.volume.Case;

/**
 * A case the viewer shows: where it came from, its voxels, and the engine's statistics for it; with several raters,
 * their label maps (the case's reference is then their majority vote or the chosen rater, as {@code files} says).
 */
public record LoadedCase(CaseFiles files, Case data, Analysis analysis, org.dicelens.app.cases.RaterFiles.Read raters) {
    public LoadedCase(CaseFiles files, Case data, Analysis analysis) {
        this(files, data, analysis, null);
    }
}
