/** Sufficient statistics and every number of the formula sheet (docs/FORMULAS.md). Uses volume. */
package org.dicelens.metrics;
