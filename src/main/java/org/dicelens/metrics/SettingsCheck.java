package org.dicelens.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the ranges of every control are checked: the engine refuses settings that fail here, the command
 * line reports them against its options, a session against its keys, and the viewer's controls offer only values
 * inside them. Loss-parameter ranges are those of {@link LossParameter}.
 */
public final class SettingsCheck {
    /** @param field the {@link Settings} component (with an index or a loss parameter's key where there is one) */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private SettingsCheck() {
    }

    /**
     * Every problem of {@code s} for a case of {@code classCount} channels (a negative count skips the per-class
     * lengths, for settings checked before a case is known).
     */
    public static List<Problem> problems(Settings s, int classCount) {
        List<Problem> out = new ArrayList<>();
        if (s.mode() == null || s.weightScheme() == null || s.emptyRule() == null || s.losses() == null) {
            out.add(new Problem("settings", "incomplete controls (mode, weightScheme, emptyRule and losses are needed)"));
            return out;
        }
        if (s.mode() == HardMode.THRESHOLD) {
            int[] t = s.thresholdSteps();
            if (t == null || (classCount >= 0 && t.length != classCount)) {
                out.add(new Problem("thresholdSteps", "threshold steps need one value per class (" + classCount + ")"));
            } else {
                for (int c = 0; c < t.length; c++) {
                    addIf(out, "thresholdSteps[" + c + "]", stepProblem(t[c]));
                }
            }
        }
        addIf(out, "confidenceFloorStep", stepProblem(s.confidenceFloorStep()));
        addIf(out, "margin", marginProblem(s.margin()));
        addIf(out, "calibrationBins", binsProblem(s.calibrationBins()));
        double[] w = s.customWeights();
        if (s.weightScheme() == WeightScheme.CUSTOM && w != null) {
            for (int c = 0; c < w.length; c++) {
                if (!(w[c] >= 0) || Double.isInfinite(w[c])) {
                    out.add(new Problem("customWeights[" + c + "]", "'" + w[c] + "' a weight must be a finite number ≥ 0"));
                }
            }
        }
        for (LossParameter p : LossParameter.values()) {
            double v = p.of(s.losses());
            addIf(out, "losses." + p.key(), p.problem(v) == null ? null : "'" + v + "' " + p.problem(v));
        }
        if (s.losses().wceWeightSource() == null) {
            out.add(new Problem("losses.wceWeightSource", "missing"));
        }
        return out;
    }

    /** A threshold or floor as a step of 0.001: 0..1000. */
    public static String stepProblem(int step) {
        return step < 0 || step > Settings.STEPS ? "out of range 0.." + Settings.STEPS + ": " + step : null;
    }

    /** A margin in voxels ≥ 0, or {@link Settings#WHOLE_VOLUME}. */
    public static String marginProblem(int margin) {
        return margin < Settings.WHOLE_VOLUME ? "must be ≥ 0 voxels or the whole volume, not " + margin : null;
    }

    /** Reliability bins must divide 1000 so that each bin is a whole number of the statistics' exact bins. */
    public static String binsProblem(int bins) {
        return bins < 1 || Settings.STEPS % bins != 0 ? "must divide " + Settings.STEPS + " (1, 2, 4, 5, 8, 10, 20, …), not "
                + bins : null;
    }

    private static void addIf(List<Problem> out, String field, String problem) {
        if (problem != null) {
            out.add(new Problem(field, problem));
        }
    }
}
