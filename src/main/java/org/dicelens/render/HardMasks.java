package org.dicelens.render;

import org.dicelens.metrics.Settings;

/**
 * The hard segmentation of the formula sheet, for the pixels of one slice. Thresholds compare
 * {@code p >= step / 1000.0} in double, exactly as the statistics bin them, so the picture agrees with
 * the counts at every slider position.
 */
public final class HardMasks {
    /** Label value for "no class" in an argmax label slice (no background channel and below the floor). */
    public static final int NONE = 0xFF;

    private HardMasks() {
    }

    /** out[i] = 1 where p[i] ≥ step/1000, else 0, for the first n pixels. */
    public static void threshold(float[] p, int n, int step, byte[] out) {
        double t = step / (double) Settings.STEPS;
        for (int i = 0; i < n; i++) {
            out[i] = p[i] >= t ? (byte) 1 : 0;
        }
    }

    /**
     * Argmax labels: the channel of the largest p (ties to the lowest index); a pixel whose largest p is
     * below floorStep/1000 goes to {@code background} (or {@link #NONE} when background &lt; 0).
     */
    public static void argmax(float[][] p, int channels, int n, int floorStep, int background, byte[] out) {
        double floor = floorStep / (double) Settings.STEPS;
        for (int i = 0; i < n; i++) {
            int best = 0;
            float max = p[0][i];
            for (int c = 1; c < channels; c++) {
                if (p[c][i] > max) {
                    max = p[c][i];
                    best = c;
                }
            }
            if (floorStep > 0 && max < floor) {
                best = background >= 0 ? background : NONE;
            }
            out[i] = (byte) best;
        }
    }

    /** out[i] = 1 where labels[i] == channel. */
    public static void select(byte[] labels, int n, int channel, byte[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = (labels[i] & 0xFF) == channel ? (byte) 1 : 0;
        }
    }
}
