package org.dicelens.metrics;

import java.util.Arrays;

/**
 * Every control that changes a number without changing the voxels. Thresholds are integer steps of
 * 0.001 (t = step/1000) so hard counts from the statistics are exact at every slider position.
 *
 * @param thresholdSteps      per channel, t_l × 1000 in [0, 1000]
 * @param confidenceFloorStep argmax mode's floor c × 1000 (0 = none)
 * @param margin              evaluation-region margin in voxels; {@link #WHOLE_VOLUME} for m = ∞
 * @param customWeights       per channel, used when the scheme is CUSTOM (else may be null)
 * @param calibrationBins     reliability-diagram bins (a divisor of 1000 keeps them exact)
 * @param emptyClasses        hard Dice and means for a class absent from the reference (null: {@link EmptyClasses#ZERO})
 */
public record Settings(HardMode mode, int[] thresholdSteps, int confidenceFloorStep, int margin, WeightScheme weightScheme,
        double[] customWeights, EmptyRule emptyRule, boolean includeBackground, LossParams losses, int calibrationBins,
        EmptyClasses emptyClasses) {

    public Settings {
        if (emptyClasses == null) {
            emptyClasses = EmptyClasses.ZERO; // settings written before the option existed
        }
    }

    /** The settings of today's rule for absent classes ({@link EmptyClasses#ZERO}). */
    public Settings(HardMode mode, int[] thresholdSteps, int confidenceFloorStep, int margin, WeightScheme weightScheme,
            double[] customWeights, EmptyRule emptyRule, boolean includeBackground, LossParams losses, int calibrationBins) {
        this(mode, thresholdSteps, confidenceFloorStep, margin, weightScheme, customWeights, emptyRule, includeBackground,
                losses, calibrationBins, EmptyClasses.ZERO);
    }

    public static final int WHOLE_VOLUME = -1;
    public static final int STEPS = 1000;

    /** Threshold mode at t = 0.5 for every class, whole volume, square weights, rule max, background in. */
    public static Settings defaults(int classCount) {
        int[] t = new int[classCount];
        Arrays.fill(t, STEPS / 2);
        return new Settings(HardMode.THRESHOLD, t, 0, WHOLE_VOLUME, WeightScheme.SQUARE, null, EmptyRule.MAX, true,
                LossParams.defaults(), 10);
    }

    public double threshold(int channel) {
        return thresholdSteps[channel] / (double) STEPS;
    }

    public double confidenceFloor() {
        return confidenceFloorStep / (double) STEPS;
    }

    public Settings withThresholdSteps(int[] steps) {
        return new Settings(mode, steps.clone(), confidenceFloorStep, margin, weightScheme, customWeights, emptyRule,
                includeBackground, losses, calibrationBins, emptyClasses);
    }

    public Settings withMode(HardMode m, int floorStep) {
        return new Settings(m, thresholdSteps, floorStep, margin, weightScheme, customWeights, emptyRule, includeBackground,
                losses, calibrationBins, emptyClasses);
    }

    public Settings withMargin(int m) {
        return new Settings(mode, thresholdSteps, confidenceFloorStep, m, weightScheme, customWeights, emptyRule,
                includeBackground, losses, calibrationBins, emptyClasses);
    }

    public Settings withWeights(WeightScheme scheme, double[] custom, EmptyRule rule, boolean background) {
        return new Settings(mode, thresholdSteps, confidenceFloorStep, margin, scheme, custom, rule, background, losses,
                calibrationBins, emptyClasses);
    }

    public Settings withLosses(LossParams p) {
        return new Settings(mode, thresholdSteps, confidenceFloorStep, margin, weightScheme, customWeights, emptyRule,
                includeBackground, p, calibrationBins, emptyClasses);
    }

    public Settings withEmptyClasses(EmptyClasses e) {
        return new Settings(mode, thresholdSteps, confidenceFloorStep, margin, weightScheme, customWeights, emptyRule,
                includeBackground, losses, calibrationBins, e);
    }

    public Settings withCalibrationBins(int bins) {
        return new Settings(mode, thresholdSteps, confidenceFloorStep, margin, weightScheme, customWeights, emptyRule,
                includeBackground, losses, bins, emptyClasses);
    }
}
