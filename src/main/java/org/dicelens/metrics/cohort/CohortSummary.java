package org.dicelens.metrics.cohort;

import java.util.List;
import org.dicelens.metrics.Settings;

/** The whole cohort under one {@link Settings}: one {@link CohortClass} per cohort class, in the cohort's order. */
public record CohortSummary(Settings settings, List<CohortClass> classes) {

    /** The summary rows (the report's {@code summary}). */
    public List<ClassSummary> summaries() {
        return classes.stream().map(CohortClass::summary).toList();
    }
}
