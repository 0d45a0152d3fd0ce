package org.dicelens.ui.model;

import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassSums;

/** One evaluation by the engine: every number, and the per-class sums the formula strip substitutes. */
public record EngineResult(CaseMetrics metrics, ClassSums[] sums) {
}
