package org.dicelens.ui.model;

import org.dicelens.app.cases.CaseFiles;
import org.dicelens.volume.Case;

/** A case the viewer shows: where it came from, its voxels, and the engine's statistics for it. */
public record LoadedCase(CaseFiles files, Case data, Analysis analysis) {
}
