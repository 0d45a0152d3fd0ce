package org.dicelens.metrics;

/**
 * The sums of the formula sheet for one class inside the evaluation region: n = |Ω|, i = Σp·r, p = Σp,
 * r = Σr, p2 = Σp², r2 = Σr² (= r for a one-hot reference). Produced by the statistics, consumed by the
 * loss values and the gradient maps.
 */
public record ClassSums(double n, double i, double p, double r, double p2, double r2) {
}
