package org.dicelens.ui.model;

import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.volume.Case;

/**
 * A case the viewer shows: where it came from, its voxels, and the engine's statistics for it; with several raters,
 * their label maps (the case's reference is then their majority vote or the chosen rater, as {@code files} says).
 * A region model's files stand for one binary case per region ({@code regions}); {@code data} is the one shown.
 */
public record LoadedCase(CaseFiles files, Case data, Analysis analysis, org.dicelens.app.cases.RaterFiles.Read raters,
        List<Case> regions) {
    public LoadedCase {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public LoadedCase(CaseFiles files, Case data, Analysis analysis, org.dicelens.app.cases.RaterFiles.Read raters) {
        this(files, data, analysis, raters, List.of());
    }

    public LoadedCase(CaseFiles files, Case data, Analysis analysis) {
        this(files, data, analysis, null);
    }

    /** True for a region model: every region is judged by its own threshold (its channel is an independent sigmoid). */
    public boolean hasRegions() {
        return !regions.isEmpty();
    }

    /** The index of the shown region in {@link #regions()}, or -1 for a label model. */
    public int region() {
        for (int r = 0; r < regions.size(); r++) {
            if (regions.get(r) == data) {
                return r;
            }
        }
        return -1;
    }
}
