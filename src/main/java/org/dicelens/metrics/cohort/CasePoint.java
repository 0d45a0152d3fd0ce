package org.dicelens.metrics.cohort;

/**
 * One case of one class under the settings: the per-case table row, the Bland–Altman points (mean volume, delta) and
 * the scatter point (V_ref, V_pred). Volumes in mL; deltas are prediction − reference, as the engine computes them.
 */
public record CasePoint(String caseName, double refMl, double softMl, double hardMl, double deltaSoftMl,
        double deltaHardMl, double softDice, double hardDice) {

    /** Bland–Altman abscissa of the soft volume: (V_soft + V_ref) / 2. */
    public double meanSoftRefMl() {
        return (softMl + refMl) / 2;
    }

    /** Bland–Altman abscissa of the hard volume: (V_hard + V_ref) / 2. */
    public double meanHardRefMl() {
        return (hardMl + refMl) / 2;
    }
}
