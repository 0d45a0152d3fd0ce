package org.dicelens.metrics;

/**
 * Every number for one class under one {@link Settings}. Component names are the report keys of the application's
 * catalogue (which also orders them and gives their labels). Undefined values are NaN (written as null in JSON).
 * Volumes in mL; deltas signed (positive = over-estimation). Build it with {@link ClassMetricsBuilder}: the positional
 * constructor's 42 doubles and longs are easily swapped.
 */
public record ClassMetrics(int label, String name, double threshold, double refVoxels, double softVoxels, double hardVoxels,
        double refMl, double softMl, double hardMl, double deltaSoftMl, double deltaHardMl, double softDice, double hardDice,
        double softJaccard, double hardJaccard, double precision, double recall, double specificity, long tp, long fp, long fn,
        long tn, double diceLoss, double diceSquaredLoss, double jaccardLoss, double tverskyLoss, double focalTverskyLoss,
        double ce, double wce, double ss, double focal, double logCoshDice, double combo, double ece, double brier,
        double gdlWeight, double gdlShare, double tBest, double tVol, double tCal, double diceOptimalK,
        double diceOptimalExpectedDice, double diceOptimalThreshold, double diceOptimalMl) {

    /** Relative soft volume bias ΔV_soft / V_ref; NaN when V_ref = 0 (undefined, formula sheet). */
    public double relativeDeltaSoft() {
        return refVoxels == 0 ? Double.NaN : deltaSoftMl / refMl;
    }

    /** Relative hard volume bias ΔV_hard / V_ref; NaN when V_ref = 0. */
    public double relativeDeltaHard() {
        return refVoxels == 0 ? Double.NaN : deltaHardMl / refMl;
    }
}
