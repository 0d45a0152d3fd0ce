package org.dicelens.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Every number for one case under one {@link Settings}: the per-class records and the case-level values.
 * {@code softDiceEmpty}/{@code hardDiceEmpty} flag classes whose Dice is 1 only because reference and prediction are
 * both empty. {@code gdlTerms} holds the sums {@code gdl} is computed from (not a report key). The means say which
 * classes they cover: {@code meanLabels} for {@code meanSoftDice}/{@code meanHardDice} (background in unless the GDL
 * leaves it out), {@code foregroundLabels} for the foreground means; under {@link EmptyClasses#EXCLUDE} classes absent
 * from the reference are in neither. The report's keys and their order are the application's catalogue, not this
 * record's component order; the settings it was computed under are enums, written by {@link #key}.
 */
public record CaseMetrics(String caseName, double voxelMl, long regionVoxels, double foregroundFraction, HardMode mode,
        List<ClassMetrics> classes, double gdl, double gdlScore, WeightScheme gdlWeights, EmptyRule emptyRule, double meanSoftDice,
        double meanHardDice, double ceMulticlass, double expLog, boolean[] softDiceEmpty, boolean[] hardDiceEmpty,
        long clampedValues, GdlTerms gdlTerms, EmptyClasses emptyClasses, int[] meanLabels, double meanSoftDiceForeground,
        double meanHardDiceForeground, int[] foregroundLabels) {

    /** A setting as reports and the viewer write it: its name in lower case ("threshold", "square", "max", "exclude"). */
    public static String key(Enum<?> setting) {
        return setting.name().toLowerCase(Locale.ROOT);
    }

    /** The same metrics under another case name (batch names come from the file pairing). */
    public CaseMetrics withName(String name) {
        return new CaseMetrics(name, voxelMl, regionVoxels, foregroundFraction, mode, classes, gdl, gdlScore, gdlWeights,
                emptyRule, meanSoftDice, meanHardDice, ceMulticlass, expLog, softDiceEmpty, hardDiceEmpty, clampedValues,
                gdlTerms, emptyClasses, meanLabels, meanSoftDiceForeground, meanHardDiceForeground, foregroundLabels);
    }
}
