package org.dicelens.metrics.cohort;

/**
 * One class's cohort threshold sweep, indexed by step k (t = k/1000, k = 0 … 1000): the mean over cases of the hard
 * Dice and of ΔV_hard (mL) at t, and how many cases each mean is over (a case in which the class has neither a
 * reference voxel nor a voxel at p ≥ t is left out at that t). NaN where no case counts. Callers must not modify the
 * arrays.
 */
public record ClassCurves(double[] meanHardDice, double[] meanDeltaHardMl, int[] cases) {

    public static double threshold(int step) {
        return step / (double) org.dicelens.metrics.Settings.STEPS;
    }
}
