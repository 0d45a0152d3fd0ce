package org.dicelens.metrics.cohort;

/**
 * The cohort numbers of one class under one {@link org.dicelens.metrics.Settings}. Component names are the JSON/CSV
 * keys of {@code dicelens cohort} (issue "Cohorts"), so reporters serialise this record as it is. Means, sds, the
 * median and the correlations are over the {@code cases} in which the class is present (a reference or a predicted
 * voxel under the settings); sds are sample sds (n − 1), limits of agreement mean ± 1.96·sd. Undefined values
 * (no case; one case for an sd; zero variance for a correlation) are NaN. Volumes in mL, deltas prediction − reference.
 *
 * @param cohortBestThreshold     the step/1000 maximising the mean hard Dice over cases (threshold sweep, lowest
 *                                among ties)
 * @param cohortZeroBiasThreshold the step/1000 whose mean ΔV_hard is nearest 0 (lowest among ties)
 * @param correlationSoftRef      Pearson correlation of V_soft with V_ref over the cases
 * @param correlationHardRef      Pearson correlation of V_hard with V_ref over the cases
 */
public record ClassSummary(int label, String name, int cases, double meanSoftDice, double meanHardDice, double sdHardDice,
        double medianHardDice, double meanDeltaSoftMl, double meanDeltaHardMl, double sdDeltaHardMl, double loaLowHardMl,
        double loaHighHardMl, double sdDeltaSoftMl, double loaLowSoftMl, double loaHighSoftMl, double cohortBestThreshold,
        double cohortBestMeanHardDice, double cohortZeroBiasThreshold, double correlationSoftRef,
        double correlationHardRef) {
}
