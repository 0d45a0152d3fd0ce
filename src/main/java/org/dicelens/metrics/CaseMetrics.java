package org.dicelens.metrics;

import java.util.List;

/**
 * Every number for one case under one {@link Settings}: the per-class records and the case-level values.
 * Component names are the command line's JSON keys. {@code softDiceEmpty}/{@code hardDiceEmpty} flag classes whose
 * Dice is 1 only because reference and prediction are both empty. {@code gdlTerms} holds the sums {@code gdl} is
 * computed from (not a report key).
 */
public record CaseMetrics(String caseName, double voxelMl, long regionVoxels, double foregroundFraction, String mode,
        List<ClassMetrics> classes, double gdl, double gdlScore, String gdlWeights, String emptyRule, double meanSoftDice,
        double meanHardDice, double ceMulticlass, double expLog, boolean[] softDiceEmpty, boolean[] hardDiceEmpty,
        long clampedValues, GdlTerms gdlTerms) {
}
