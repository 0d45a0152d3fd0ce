package org.dicelens.ui.model;

import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/** Builds the engine's statistics for a case (one pass over the voxels), with progress and cancellation. */
@FunctionalInterface
public interface AnalysisFactory {
    Analysis build(Case c, Progress progress) throws InputException;
}
