package org.dicelens.render;

import java.util.Arrays;

/**
 * What a view shows, besides the thresholds and hard mode (those come from {@code metrics.Settings}).
 * Immutable; change one thing with a {@code with…} method.
 *
 * @param windowLow        image intensity drawn black
 * @param windowHigh       image intensity drawn white
 * @param chosenClass      channel whose probability, errors, gradient and Dice-optimal contour are drawn
 * @param classVisible     per channel, whether its reference and hard-mask overlays are drawn (null: all)
 * @param classOpacity     per channel, a factor in [0, 1] on the opacity of every layer drawn for that class — its
 *                         reference fill and contour, its hard-mask contour, and, for the chosen class, the heat map,
 *                         TP/FP/FN and Dice-optimal contour (null or missing channel: 1)
 * @param reference        reference label overlay; {@code referenceFilled} picks fill or contour
 * @param probability      heat map of the chosen class's probability through {@code probabilityColormap};
 *                         voxels with p below {@code probabilityFloor} stay unpainted
 * @param hardContour      contour of each visible class's hard mask at the current threshold / argmax;
 *                         drawn in {@code hardContourArgb}, or in the class colour when that is 0
 * @param errors           TP / FP / FN of the chosen class's hard mask against the reference
 * @param gradient         the caller's gradient values, diverging colormap symmetric about zero with limit
 *                         {@code gradientLimit} (≤ 0 or NaN: the slice's largest |value|); opacity grows with |value|
 * @param diceOptimal      contour of the chosen class's Dice-optimal segmentation (threshold from the caller)
 * @param region           outline of the evaluation region (predicate from the caller)
 * @param crosshair        whether the caller should draw the crosshair (see {@link Crosshair})
 */
public record OverlaySettings(double windowLow, double windowHigh, int chosenClass, boolean[] classVisible,
        double[] classOpacity, LayerSetting reference, boolean referenceFilled, LayerSetting probability,
        Colormap probabilityColormap, double probabilityFloor, LayerSetting hardContour, int hardContourArgb, LayerSetting errors,
        LayerSetting gradient, double gradientLimit, LayerSetting diceOptimal, LayerSetting region, boolean crosshair) {

    public OverlaySettings {
        classVisible = classVisible == null ? null : classVisible.clone();
        if (classOpacity != null) {
            classOpacity = classOpacity.clone();
            for (double a : classOpacity) {
                if (!(a >= 0 && a <= 1)) {
                    throw new IllegalArgumentException("class opacity must be in [0, 1]: " + a);
                }
            }
        }
        if (probabilityColormap == null) {
            throw new IllegalArgumentException("probabilityColormap must not be null");
        }
    }

    /**
     * Window 0..1, class 1 chosen (0 when there is one class), reference filled at 0.4, hard contour on,
     * everything else off with sensible opacities, viridis with floor 0.05, crosshair on.
     */
    public static OverlaySettings defaults(int classCount) {
        return new OverlaySettings(0, 1, classCount > 1 ? 1 : 0, null, null, LayerSetting.on(0.4), true, LayerSetting.off(0.6),
                Colormap.VIRIDIS, 0.05, LayerSetting.on(1.0), 0, LayerSetting.off(0.7), LayerSetting.off(0.8), 0, LayerSetting.off(1.0),
                LayerSetting.off(1.0), true);
    }

    public boolean visible(int channel) {
        return classVisible == null || channel >= classVisible.length || classVisible[channel];
    }

    /** The opacity factor of one channel's overlays (1 when none was set). */
    public double classOpacity(int channel) {
        return classOpacity == null || channel < 0 || channel >= classOpacity.length ? 1 : classOpacity[channel];
    }

    @Override
    public double[] classOpacity() {
        return classOpacity == null ? null : classOpacity.clone();
    }

    /**
     * Blend weight 0..256 of layer {@code l} drawn for {@code channel}: the layer's opacity times the class's, rounded
     * once (so a class at opacity 1 draws exactly as the layer alone).
     */
    int weight(LayerSetting l, int channel) {
        return l.on() ? (int) Math.round(l.opacity() * classOpacity(channel) * 256) : 0;
    }

    @Override
    public boolean[] classVisible() {
        return classVisible == null ? null : classVisible.clone();
    }

    public OverlaySettings withWindow(double low, double high) {
        return new OverlaySettings(low, high, chosenClass, classVisible, classOpacity, reference, referenceFilled,
                probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb, errors, gradient,
                gradientLimit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withChosenClass(int c) {
        return new OverlaySettings(windowLow, windowHigh, c, classVisible, classOpacity, reference, referenceFilled,
                probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb, errors, gradient,
                gradientLimit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withClassVisible(boolean[] visible) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, visible, classOpacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb,
                errors, gradient, gradientLimit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withClassOpacity(double[] opacity) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, opacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb,
                errors, gradient, gradientLimit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withReference(LayerSetting l, boolean filled) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, l, filled,
                probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb, errors, gradient,
                gradientLimit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withProbability(LayerSetting l, Colormap map, double floor) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, reference,
                referenceFilled, l, map, floor, hardContour, hardContourArgb, errors, gradient, gradientLimit,
                diceOptimal, region, crosshair);
    }

    public OverlaySettings withHardContour(LayerSetting l, int argbOrZeroForClassColour) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, l, argbOrZeroForClassColour,
                errors, gradient, gradientLimit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withErrors(LayerSetting l) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb, l,
                gradient, gradientLimit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withGradient(LayerSetting l, double limit) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb,
                errors, l, limit, diceOptimal, region, crosshair);
    }

    public OverlaySettings withDiceOptimal(LayerSetting l) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb,
                errors, gradient, gradientLimit, l, region, crosshair);
    }

    public OverlaySettings withRegion(LayerSetting l) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb,
                errors, gradient, gradientLimit, diceOptimal, l, crosshair);
    }

    public OverlaySettings withCrosshair(boolean b) {
        return new OverlaySettings(windowLow, windowHigh, chosenClass, classVisible, classOpacity, reference,
                referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb,
                errors, gradient, gradientLimit, diceOptimal, region, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OverlaySettings s && s.windowLow == windowLow && s.windowHigh == windowHigh
                && s.chosenClass == chosenClass && Arrays.equals(s.classVisible, classVisible)
                && Arrays.equals(s.classOpacity, classOpacity) && s.reference.equals(reference)
                && s.referenceFilled == referenceFilled && s.probability.equals(probability)
                && s.probabilityColormap == probabilityColormap && s.probabilityFloor == probabilityFloor
                && s.hardContour.equals(hardContour) && s.hardContourArgb == hardContourArgb && s.errors.equals(errors)
                && s.gradient.equals(gradient) && Double.compare(s.gradientLimit, gradientLimit) == 0
                && s.diceOptimal.equals(diceOptimal) && s.region.equals(region) && s.crosshair == crosshair;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {windowLow, windowHigh, chosenClass, Arrays.hashCode(classVisible),
            Arrays.hashCode(classOpacity), reference,
            referenceFilled, probability, probabilityColormap, probabilityFloor, hardContour, hardContourArgb, errors,
            gradient, gradientLimit, diceOptimal, region, crosshair});
    }
}
