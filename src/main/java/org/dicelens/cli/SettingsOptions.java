package org.dicelens.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicelens.common.InputException;
import org.dicelens.metrics.EmptyClasses;
import org.dicelens.metrics.EmptyRule;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.LossParameter;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.SettingsCheck;
import org.dicelens.metrics.WceWeightSource;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.volume.ClassTable;
import picocli.CommandLine.Option;

/**
 * The controls of the viewer as options (thresholds, hard mode, margin, GDL weights, loss parameters), turned into
 * {@link Settings} once the class table of a case is known, because thresholds and custom weights are given by label
 * value while Settings holds them by channel. Defaults are those of the formula sheet ({@link LossParams#defaults()});
 * ranges are checked by {@link LossParameter} and {@link SettingsCheck}, as for sessions and the engine.
 */
public final class SettingsOptions {
    private static final LossParams D = LossParams.defaults();

    @Option(names = "--threshold", paramLabel = "T", description = "Threshold for every class, a multiple of 0.001 in [0,1] "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "0.5")
    String threshold = "0.5";

    @Option(names = "--thresholds", paramLabel = "LABEL=T[,LABEL=T…]",
            description = "Per-class thresholds by label value, e.g. 1=0.4,2=0.6 (others keep --threshold).")
    String thresholds;

    @Option(names = "--mode", paramLabel = "threshold|argmax", defaultValue = "threshold",
            description = "Hard segmentation: p ≥ t per class, or argmax over classes (default: ${DEFAULT-VALUE}).")
    String mode = "threshold";

    @Option(names = "--floor", paramLabel = "C", defaultValue = "0",
            description = "Argmax confidence floor: a voxel whose largest p is below C goes to background (default: ${DEFAULT-VALUE}).")
    String floor = "0";

    @Option(names = "--margin", paramLabel = "M|inf", defaultValue = "inf",
            description = "Evaluation region: voxels within M voxels (Chebyshev) of the reference foreground's bounding box "
                    + "(default: ${DEFAULT-VALUE}, the whole volume).")
    String margin = "inf";

    @Option(names = "--weights", paramLabel = "square|simple|uniform|custom", defaultValue = "square",
            description = "Generalised Dice class weights: 1/R², 1/R, 1, or --custom-weights (default: ${DEFAULT-VALUE}).")
    String weights = "square";

    @Option(names = "--custom-weights", paramLabel = "LABEL=W[,LABEL=W…]",
            description = "User GDL weights by label value, e.g. 0=0.1,1=1,2=2 (implies --weights custom).")
    String customWeights;

    @Option(names = "--empty-rule", paramLabel = "max|zero", defaultValue = "max",
            description = "Weight of a class absent from the reference: largest finite weight, or 0 (default: ${DEFAULT-VALUE}).")
    String emptyRule = "max";

    @Option(names = "--empty-classes", paramLabel = "zero|exclude", defaultValue = "zero",
            description = "Hard Dice of a class absent from the reference: as computed and counted in the means (zero), or "
                    + "undefined and left out of the means as MONAI's ignore_empty (exclude) (default: ${DEFAULT-VALUE}).")
    String emptyClasses = "zero";

    @Option(names = "--no-background", description = "Leave the background class out of the Generalised Dice "
            + "and of meanSoftDice/meanHardDice (the foreground means never include it).")
    boolean noBackground;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "10",
            description = "Reliability-diagram bins for ECE (default: ${DEFAULT-VALUE}).")
    int bins = 10;

    @Option(names = "--smooth-nr", paramLabel = "S", description = "Dice numerator smoothing (default: ${DEFAULT-VALUE}).")
    double smoothNr = D.smoothNr();

    @Option(names = "--smooth-dr", paramLabel = "S", description = "Dice denominator smoothing (default: ${DEFAULT-VALUE}).")
    double smoothDr = D.smoothDr();

    @Option(names = "--tversky-alpha", paramLabel = "A", description = "Tversky α, weighs false positives (default: ${DEFAULT-VALUE}).")
    double tverskyAlpha = D.tverskyAlpha();

    @Option(names = "--tversky-beta", paramLabel = "B", description = "Tversky β, weighs false negatives (default: ${DEFAULT-VALUE}).")
    double tverskyBeta = D.tverskyBeta();

    @Option(names = "--focal-tversky-gamma", paramLabel = "G", description = "Focal Tversky γ (default: ${DEFAULT-VALUE}).")
    double focalTverskyGamma = D.focalTverskyGamma();

    @Option(names = "--wce-weight", paramLabel = "reference|prediction",
            description = "Weighted CE foreground weight (N−R)/R from the reference or (N−P)/P (default: reference).")
    String wceWeight = "reference";

    @Option(names = "--ss-lambda", paramLabel = "L", description = "Sensitivity–specificity λ (default: ${DEFAULT-VALUE}).")
    double ssLambda = D.ssLambda();

    @Option(names = "--focal-gamma", paramLabel = "G", description = "Focal loss γ (default: ${DEFAULT-VALUE}).")
    double focalGamma = D.focalGamma();

    @Option(names = "--exp-log-gamma", paramLabel = "G", description = "Exponential logarithmic γ (default: ${DEFAULT-VALUE}).")
    double expLogGamma = D.expLogGamma();

    @Option(names = "--exp-log-w-dice", paramLabel = "W", description = "Exponential logarithmic Dice weight (default: ${DEFAULT-VALUE}).")
    double expLogWDice = D.expLogWDice();

    @Option(names = "--exp-log-w-ce", paramLabel = "W", description = "Exponential logarithmic CE weight (default: ${DEFAULT-VALUE}).")
    double expLogWCe = D.expLogWCe();

    @Option(names = "--combo-alpha", paramLabel = "A", description = "Combo loss α (default: ${DEFAULT-VALUE}).")
    double comboAlpha = D.comboAlpha();

    @Option(names = "--combo-beta", paramLabel = "B", description = "Combo loss β (default: ${DEFAULT-VALUE}).")
    double comboBeta = D.comboBeta();

    /** Checks what can be checked without a case, so a typo fails before minutes of loading. */
    public void validate() throws InputException {
        step("--threshold", threshold);
        if (thresholds != null) {
            for (Map.Entry<Integer, String> e : pairs("--thresholds", thresholds).entrySet()) {
                step("--thresholds", e.getValue());
            }
        }
        hardMode();
        step("--floor", floor);
        marginVoxels();
        weightScheme();
        if (customWeights != null) {
            for (Map.Entry<Integer, String> e : pairs("--custom-weights", customWeights).entrySet()) {
                weight(e.getKey(), e.getValue());
            }
        }
        rule();
        emptyClassRule();
        wceSource();
        String binsProblem = SettingsCheck.binsProblem(bins);
        if (binsProblem != null) {
            throw bad("--bins", Integer.toString(bins), binsProblem);
        }
        LossParams losses = lossParams();
        for (LossParameter p : LossParameter.values()) {
            String why = p.problem(p.of(losses));
            if (why != null) {
                throw bad(p.option(), Double.toString(p.of(losses)), why);
            }
        }
    }

    /** The loss parameters by name (no positional constructor whose doubles could be swapped). */
    private LossParams lossParams() throws InputException {
        return LossParams.defaults().with(LossParameter.SMOOTH_NR, smoothNr).with(LossParameter.SMOOTH_DR, smoothDr)
                .with(LossParameter.TVERSKY_ALPHA, tverskyAlpha).with(LossParameter.TVERSKY_BETA, tverskyBeta)
                .with(LossParameter.FOCAL_TVERSKY_GAMMA, focalTverskyGamma).with(LossParameter.SS_LAMBDA, ssLambda)
                .with(LossParameter.FOCAL_GAMMA, focalGamma).with(LossParameter.EXP_LOG_GAMMA, expLogGamma)
                .with(LossParameter.EXP_LOG_W_DICE, expLogWDice).with(LossParameter.EXP_LOG_W_CE, expLogWCe)
                .with(LossParameter.COMBO_ALPHA, comboAlpha).with(LossParameter.COMBO_BETA, comboBeta)
                .withWceWeightSource(wceSource());
    }

    /** The settings for a case whose channels are described by {@code table}. */
    public Settings toSettings(ClassTable table) throws InputException {
        validate();
        int n = table.size();
        int[] steps = new int[n];
        Arrays.fill(steps, step("--threshold", threshold));
        if (thresholds != null) {
            for (Map.Entry<Integer, String> e : pairs("--thresholds", thresholds).entrySet()) {
                steps[channel(table, "--thresholds", e.getKey(), e.getValue())] = step("--thresholds", e.getValue());
            }
        }
        WeightScheme scheme = weightScheme();
        double[] custom = null;
        if (scheme == WeightScheme.CUSTOM) {
            custom = customWeights(table);
        }
        Settings s = new Settings(hardMode(), steps, step("--floor", floor), marginVoxels(), scheme, custom, rule(),
                !noBackground, lossParams(), bins, emptyClassRule());
        List<SettingsCheck.Problem> problems = SettingsCheck.problems(s, n);
        if (!problems.isEmpty()) { // every option was checked above; this is the engine's own check, kept in step
            throw new InputException(null, problems.get(0).field(), problems.get(0).message());
        }
        return s;
    }

    private double[] customWeights(ClassTable table) throws InputException {
        if (customWeights == null) {
            throw bad("--weights", "custom", "needs --custom-weights LABEL=W,…");
        }
        double[] w = new double[table.size()];
        Arrays.fill(w, Double.NaN);
        for (Map.Entry<Integer, String> e : pairs("--custom-weights", customWeights).entrySet()) {
            w[channel(table, "--custom-weights", e.getKey(), e.getValue())] = weight(e.getKey(), e.getValue());
        }
        List<Integer> missing = new ArrayList<>();
        int bg = table.backgroundChannel();
        for (int c = 0; c < w.length; c++) {
            if (Double.isNaN(w[c])) {
                if (c == bg && noBackground) {
                    w[c] = 0; // left out of the GDL anyway
                } else {
                    missing.add(table.get(c).label());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw bad("--custom-weights", customWeights, "no weight for label(s) " + missing);
        }
        return w;
    }

    HardMode hardMode() throws InputException {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "threshold" -> HardMode.THRESHOLD;
            case "argmax" -> HardMode.ARGMAX;
            default -> throw bad("--mode", mode, "expected threshold or argmax");
        };
    }

    int marginVoxels() throws InputException {
        String m = margin.trim().toLowerCase(Locale.ROOT);
        if (m.equals("inf") || m.equals("infinity") || m.equals("∞")) {
            return Settings.WHOLE_VOLUME;
        }
        try {
            int v = Integer.parseInt(m);
            if (v < 0) {
                throw bad("--margin", margin, "must be ≥ 0 voxels or inf");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad("--margin", margin, "expected a whole number of voxels or inf");
        }
    }

    WeightScheme weightScheme() throws InputException {
        if (customWeights != null) {
            if (!weights.equalsIgnoreCase("square") && !weights.equalsIgnoreCase("custom")) {
                throw bad("--weights", weights, "conflicts with --custom-weights (use --weights custom or leave it out)");
            }
            return WeightScheme.CUSTOM;
        }
        return switch (weights.toLowerCase(Locale.ROOT)) {
            case "square" -> WeightScheme.SQUARE;
            case "simple" -> WeightScheme.SIMPLE;
            case "uniform" -> WeightScheme.UNIFORM;
            case "custom" -> WeightScheme.CUSTOM;
            default -> throw bad("--weights", weights, "expected square, simple, uniform or custom");
        };
    }

    EmptyRule rule() throws InputException {
        return switch (emptyRule.toLowerCase(Locale.ROOT)) {
            case "max" -> EmptyRule.MAX;
            case "zero" -> EmptyRule.ZERO;
            default -> throw bad("--empty-rule", emptyRule, "expected max or zero");
        };
    }

    EmptyClasses emptyClassRule() throws InputException {
        return switch (emptyClasses.toLowerCase(Locale.ROOT)) {
            case "zero" -> EmptyClasses.ZERO;
            case "exclude" -> EmptyClasses.EXCLUDE;
            default -> throw bad("--empty-classes", emptyClasses, "expected zero or exclude");
        };
    }

    WceWeightSource wceSource() throws InputException {
        return switch (wceWeight.toLowerCase(Locale.ROOT)) {
            case "reference" -> WceWeightSource.REFERENCE;
            case "prediction" -> WceWeightSource.PREDICTION;
            default -> throw bad("--wce-weight", wceWeight, "expected reference or prediction");
        };
    }

    /** A threshold as an integer step of 0.001; values between steps are refused rather than silently rounded. */
    static int step(String option, String text) throws InputException {
        double t;
        try {
            t = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw bad(option, text, "expected a number in [0,1]");
        }
        if (!(t >= 0 && t <= 1)) {
            throw bad(option, text, "must be in [0,1]");
        }
        long k = Math.round(t * Settings.STEPS);
        if (Math.abs(k - t * Settings.STEPS) > 1e-6) {
            throw bad(option, text, "must be a multiple of 0.001");
        }
        return (int) k;
    }

    private static double weight(int label, String text) throws InputException {
        try {
            double w = Double.parseDouble(text.trim());
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw bad("--custom-weights", label + "=" + text, "a weight must be a finite number ≥ 0");
            }
            return w;
        } catch (NumberFormatException e) {
            throw bad("--custom-weights", label + "=" + text, "expected a number");
        }
    }

    /** "1=0.4,2=0.6" as label → text, in order; each label once. */
    static Map<Integer, String> pairs(String option, String text) throws InputException {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw bad(option, p, "expected LABEL=VALUE");
            }
            int label;
            try {
                label = Integer.parseInt(p.substring(0, eq).trim());
            } catch (NumberFormatException e) {
                throw bad(option, p, "the label must be a whole number");
            }
            if (out.put(label, p.substring(eq + 1)) != null) {
                throw bad(option, p, "label " + label + " given twice");
            }
        }
        return out;
    }

    private static int channel(ClassTable table, String option, int label, String value) throws InputException {
        int c = table.channelOf(label);
        if (c < 0) {
            List<Integer> labels = new ArrayList<>();
            table.all().forEach(ci -> labels.add(ci.label()));
            throw bad(option, label + "=" + value, "no class has label " + label + " (labels: " + labels + ")");
        }
        return c;
    }

    static InputException bad(String option, String value, String problem) {
        return new InputException(null, option, "'" + value + "' " + problem);
    }
}
