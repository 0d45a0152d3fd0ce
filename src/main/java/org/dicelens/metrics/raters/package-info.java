/**
 * Several raters or a soft reference (docs/FORMULAS.md, "Several raters and soft references"): the raters' mean q̂,
 * the majority vote and consensus, and per class the numbers that measure a prediction against the raters' spread
 * rather than one rater. Pure Java; uses {@code metrics} (settings, the hard-segmentation rule), {@code volume} and
 * {@code common} only.
 */
package org.dicelens.metrics.raters;
