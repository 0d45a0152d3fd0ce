/** Cohort summaries: per-case sufficient statistics (no volumes) and the cohort numbers recomputed from them. */
package org.dicelens.metrics.cohort;
