package org.dicelens.metrics;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The numeric loss parameters of the formula sheet, each with its one definition: session/JSON key, command-line option,
 * label, documented default, the range of valid values (checked by the command line, sessions and the engine alike) and
 * the range the viewer's slider offers (inside the valid one). {@link LossParams#defaults()} takes its values from here.
 */
public enum LossParameter {
    SMOOTH_NR("smoothNr", "s_nr", "Dice numerator smoothing", 1e-5, 0, Double.MAX_VALUE, false, 0, 0, LossParams::smoothNr),
    SMOOTH_DR("smoothDr", "s_dr", "Dice denominator smoothing", 1e-5, 0, Double.MAX_VALUE, false, 0, 0, LossParams::smoothDr),
    TVERSKY_ALPHA("tverskyAlpha", "Tversky α (FP)", "Tversky α, weighs false positives", 0.5, 0, Double.MAX_VALUE, false, 0, 1,
            LossParams::tverskyAlpha),
    TVERSKY_BETA("tverskyBeta", "Tversky β (FN)", "Tversky β, weighs false negatives", 0.5, 0, Double.MAX_VALUE, false, 0, 1,
            LossParams::tverskyBeta),
    FOCAL_TVERSKY_GAMMA("focalTverskyGamma", "Focal Tversky γ", "Focal Tversky γ", 4.0 / 3.0, 0, Double.MAX_VALUE, true, 1,
            3, LossParams::focalTverskyGamma),
    SS_LAMBDA("ssLambda", "SS λ", "Sensitivity–specificity λ", 0.05, 0, 1, false, 0, 1, LossParams::ssLambda),
    FOCAL_GAMMA("focalGamma", "Focal γ", "Focal loss γ", 2.0, 0, Double.MAX_VALUE, false, 0, 5, LossParams::focalGamma),
    EXP_LOG_GAMMA("expLogGamma", "Exp-log γ", "Exponential logarithmic γ", 0.3, 0, Double.MAX_VALUE, true, 0.05, 2,
            LossParams::expLogGamma),
    EXP_LOG_W_DICE("expLogWDice", "Exp-log w_D", "Exponential logarithmic Dice weight", 0.8, 0, Double.MAX_VALUE, false, 0, 1,
            LossParams::expLogWDice),
    EXP_LOG_W_CE("expLogWCe", "Exp-log w_C", "Exponential logarithmic CE weight", 0.2, 0, Double.MAX_VALUE, false, 0, 1,
            LossParams::expLogWCe),
    COMBO_ALPHA("comboAlpha", "Combo α", "Combo loss α", 0.5, 0, 1, false, 0, 1, LossParams::comboAlpha),
    COMBO_BETA("comboBeta", "Combo β", "Combo loss β", 0.5, 0, 1, false, 0, 1, LossParams::comboBeta);

    private final String key;
    private final String label;
    private final String description;
    private final double defaultValue;
    private final double min;
    private final double max;
    private final boolean minExclusive;
    private final double sliderMin;
    private final double sliderMax;
    private final ToDoubleFunction<LossParams> accessor;

    LossParameter(String key, String label, String description, double defaultValue, double min, double max,
            boolean minExclusive, double sliderMin, double sliderMax, ToDoubleFunction<LossParams> accessor) {
        this.key = key;
        this.label = label;
        this.description = description;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.minExclusive = minExclusive;
        this.sliderMin = sliderMin;
        this.sliderMax = sliderMax;
        this.accessor = accessor;
    }

    /** The {@link LossParams} component name (and session key). */
    public String key() {
        return key;
    }

    /** The command-line option, e.g. {@code --focal-tversky-gamma}. */
    public String option() {
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public double sliderMin() {
        return sliderMin;
    }

    /** Upper end of the viewer's slider; 0 when the control is a text field (smoothing, unbounded). */
    public double sliderMax() {
        return sliderMax;
    }

    public double of(LossParams p) {
        return accessor.applyAsDouble(p);
    }

    /** Why {@code v} is not a valid value, or null when it is. */
    public String problem(double v) {
        boolean low = minExclusive ? !(v > min) : !(v >= min);
        if (low || !(v <= max)) {
            return max == 1 ? "must be in [0,1]" : minExclusive ? "must be a positive finite number"
                    : "must be a finite number ≥ 0";
        }
        return null;
    }
}
