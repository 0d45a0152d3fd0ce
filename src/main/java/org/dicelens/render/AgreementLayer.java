package org.dicelens.render;

import org.dicelens.metrics.raters.RaterReference;

/**
 * Several raters on a slice (issue 18): how much they agree that a voxel is the chosen class, as a heat map (the
 * number of raters labelling it, or q̂ for a soft reference or on request), and the consensus/dissensus outline:
 * one contour on the inner edge of the voxels every rater marks (q̂ = 1) and one just outside those any rater marks
 * (q̂ &gt; 0), so neither hides the band between them, where the raters disagree. Voxels no rater marks stay unpainted.
 */
public final class AgreementLayer {
    /**
     * Blue (few raters) through cyan and yellow to red (every rater): the agreement heat map's colours, distinct at
     * the thirds so that 1, 2 and 3 of three raters read apart.
     */
    public static final Colormap COLOURS = new Colormap("agreement", 256, new double[] {0, 0.1, 0.25, 1.0,
        0.34, 0.0, 0.8, 1.0, 0.67, 1.0, 0.85, 0.0, 1, 0.95, 0.1, 0.1});
    /** Outline of the voxels every rater marks. */
    public static final int CONSENSUS_ARGB = 0xFF00E676;
    /** Outline of the voxels any rater marks. */
    public static final int ANY_RATER_ARGB = 0xFFFF40FF;

    /** What is drawn: the heat map (on, opacity, counts or q̂), and the outline (on, opacity). */
    public record Style(boolean heat, double heatOpacity, boolean counts, boolean outline, double outlineOpacity) {
    }

    private final RaterReference raters;
    private final int channel;
    private final Style style;

    public AgreementLayer(RaterReference raters, int channel, Style style) {
        this.raters = raters;
        this.channel = channel;
        this.style = style;
    }

    /**
     * The colour-bar position of voxel i: q̂ in counts mode is m/K already, so both modes map q̂ ∈ (0, 1] onto the
     * colours; counts only change the legend's ticks (1..K).
     */
    public double level(int i) {
        return raters.qHat(channel, i);
    }

    /** Draws onto {@code out}, the composed slice {@code slice} of view {@code v} (v.width × v.height ARGB). */
    public void paint(ViewGeometry v, int slice, int[] out) {
        if (channel < 0 || channel >= raters.classCount() || !(style.heat() || style.outline())) {
            return;
        }
        int w = v.width();
        int h = v.height();
        int n = w * h;
        int[] index = new int[n];
        Slices.indices(v, slice, index);
        byte[] all = new byte[n];
        byte[] any = new byte[n];
        int heatWeight = weight(style.heatOpacity());
        for (int p = 0; p < n; p++) {
            double q = level(index[p]);
            all[p] = (byte) (q >= 1 ? 1 : 0);
            any[p] = (byte) (q > 0 ? 1 : 0);
            if (style.heat() && q > 0) {
                out[p] = Pixels.blend(out[p], COLOURS.argb(q), heatWeight);
            }
        }
        if (!style.outline()) {
            return;
        }
        int lineWeight = weight(style.outlineOpacity());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (justOutside(any, w, h, x, y)) {
                    out[p] = Pixels.blend(out[p], ANY_RATER_ARGB, lineWeight);
                }
                if (Contours.onContour(all, w, h, x, y)) {
                    out[p] = Pixels.blend(out[p], CONSENSUS_ARGB, lineWeight);
                }
            }
        }
    }

    /** Pixel (x, y) is outside the mask with a 4-neighbour inside it. */
    static boolean justOutside(byte[] mask, int w, int h, int x, int y) {
        int i = y * w + x;
        return mask[i] == 0 && (x > 0 && mask[i - 1] != 0 || x < w - 1 && mask[i + 1] != 0 || y > 0 && mask[i - w] != 0
                || y < h - 1 && mask[i + w] != 0);
    }

    private static int weight(double opacity) {
        return (int) Math.round(Math.max(0, Math.min(1, opacity)) * 256);
    }
}
