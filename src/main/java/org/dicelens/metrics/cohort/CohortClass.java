package org.dicelens.metrics.cohort;

import java.util.List;

/** Everything a view shows of one class: the summary numbers, the threshold curves and one point per case counted. */
public record CohortClass(ClassSummary summary, ClassCurves curves, List<CasePoint> points) {
}
