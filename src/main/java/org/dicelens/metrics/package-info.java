/** Sufficient statistics and every number of the formula sheet (shared/docs/LOSSES.md). Uses volume. */
package org.dicelens.metrics;
