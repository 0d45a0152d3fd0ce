package org.dicelens.metrics.raters;

import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;

/**
 * This package's one door to the engine's hard-segmentation rule (docs/FORMULAS.md, "Hard segmentation"): threshold
 * mode b_c = [p_c ≥ step/1000] compared in double; argmax mode the channel of the largest p, ties to the lowest index,
 * below the confidence floor to the background channel (or to no class). The bodies repeat the rule the engine's
 * statistics bin by, because the rule is still moving into one metrics class; when it has, only this adapter changes.
 * {@code EngineHardRuleTest} checks it against the engine's TP/FP counts.
 */
final class EngineHardRule {
    private EngineHardRule() {
    }

    /** The largest step k with p ≥ k/1000 for p in [0, 1] (exact for floats: p·1000 is computed without rounding). */
    static int stepOf(float p) {
        if (!(p > 0f)) {
            return 0;
        }
        return p >= 1f ? Settings.STEPS : (int) (p * 1000.0);
    }

    /** p clamped into [0, 1], as the engine reads probabilities. */
    static float clamp(float p) {
        return p > 1f ? 1f : p > 0f ? p : 0f;
    }

    /** p ≥ step/1000 as the engine decides it. */
    static boolean atLeast(float p, int step) {
        return stepOf(p) >= step;
    }

    /**
     * The prediction's hard mask of every channel under the settings: masks[c][i] = 1 where voxel i is predicted as
     * class c. {@code background} is the channel of label 0, or −1.
     */
    static byte[][] masks(float[][] p, Settings s, int background) {
        int channels = p.length;
        int n = p[0].length;
        byte[][] out = new byte[channels][n];
        if (s.mode() == HardMode.THRESHOLD) {
            for (int c = 0; c < channels; c++) {
                int step = s.thresholdSteps()[c];
                for (int i = 0; i < n; i++) {
                    out[c][i] = atLeast(p[c][i], step) ? (byte) 1 : 0;
                }
            }
            return out;
        }
        double floor = s.confidenceFloorStep() / (double) Settings.STEPS;
        for (int i = 0; i < n; i++) {
            int best = 0;
            float max = clamp(p[0][i]);
            for (int c = 1; c < channels; c++) {
                float v = clamp(p[c][i]);
                if (v > max) {
                    max = v;
                    best = c;
                }
            }
            if (s.confidenceFloorStep() > 0 && max < floor) {
                best = background;
            }
            if (best >= 0) {
                out[best][i] = 1;
            }
        }
        return out;
    }
}
