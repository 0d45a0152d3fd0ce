package org.dicelens.render;

import org.dicelens.metrics.spatial.BorderDistances;
import org.dicelens.metrics.spatial.LesionMap;
import org.dicelens.metrics.spatial.SpatialOverlay;

/**
 * The boundary and lesion overlays of one class (issue 17) on a slice: the prediction's border voxels coloured by their
 * distance in mm to the reference border ({@link #DISTANCE_COLOURS}, 0 mm to {@code distanceLimitMm}, farther ones
 * clamped), and over them the inner outlines of the reference lesions, detected or missed, and of the false-positive
 * components. Stateless once built, so the views may paint it from several threads.
 */
public final class SpatialLayer {
    /** Detected reference lesion: bluish green (as a true positive in the error map). */
    public static final int DETECTED_ARGB = OverlayColours.TP;
    /** Missed reference lesion: sky blue (as a false negative). */
    public static final int MISSED_ARGB = OverlayColours.FN;
    /** False-positive component: vermillion (as a false positive). */
    public static final int FALSE_POSITIVE_ARGB = OverlayColours.FP;
    /**
     * Boundary distance, 0 mm cyan through yellow to red-magenta at the limit: light at every step, so it reads on a
     * dark image, and along the blue-yellow axis that the common colour-vision deficiencies keep.
     */
    public static final Colormap DISTANCE_COLOURS = new Colormap("boundary-distance", 256, new double[] {0, 0.0, 0.9,
        1.0, 0.5, 1.0, 0.95, 0.0, 1, 1.0, 0.0, 0.45});

    /**
     * What is drawn.
     *
     * @param distanceLimitMm distance drawn in the colour map's last colour (≤ 0 or NaN: the overlay's largest distance)
     */
    public record Style(boolean lesions, double lesionOpacity, boolean distances, double distanceOpacity,
            double distanceLimitMm) {
    }

    private final SpatialOverlay overlay;
    private final Style style;

    public SpatialLayer(SpatialOverlay overlay, Style style) {
        this.overlay = overlay;
        this.style = style;
    }

    /** The colour-bar limit in mm that the picture uses (what the legend must print); NaN without distances. */
    public double distanceLimitMm() {
        double l = style.distanceLimitMm();
        return l > 0 ? l : overlay.maxDistanceMm();
    }

    /** The colour of a border voxel at distance {@code mm} under limit {@code limit}. */
    public static int distanceArgb(double mm, double limit) {
        return DISTANCE_COLOURS.argb(limit > 0 ? Math.min(1, mm / limit) : 0);
    }

    /** The colour of a lesion kind (0 for none). */
    public static int kindArgb(LesionMap.Kind k) {
        return switch (k) {
            case DETECTED -> DETECTED_ARGB;
            case MISSED -> MISSED_ARGB;
            case FALSE_POSITIVE -> FALSE_POSITIVE_ARGB;
            case NONE -> 0;
        };
    }

    /** Draws onto {@code out}, the composed slice {@code slice} of view {@code v} (v.width × v.height ARGB). */
    public void paint(ViewGeometry v, int slice, int[] out) {
        if (overlay == null || !(style.lesions() || style.distances())) {
            return;
        }
        int w = v.width();
        int h = v.height();
        int n = w * h;
        int[] index = new int[n];
        Slices.indices(v, slice, index);
        BorderDistances d = overlay.predBorder();
        if (style.distances() && d != null) {
            double limit = distanceLimitMm();
            int a = weight(style.distanceOpacity());
            for (int p = 0; p < n; p++) {
                double mm = d.distanceAt(index[p]);
                if (!Double.isNaN(mm)) {
                    out[p] = Pixels.blend(out[p], distanceArgb(mm, limit), a);
                }
            }
        }
        if (!style.lesions() || overlay.lesions().runCount() == 0) {
            return;
        }
        byte[] kind = new byte[n];
        for (int p = 0; p < n; p++) {
            kind[p] = (byte) overlay.lesions().kindAt(index[p]).ordinal();
        }
        LesionMap.Kind[] kinds = LesionMap.Kind.values();
        int a = weight(style.lesionOpacity());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (kind[p] != 0 && Contours.onLabelContour(kind, w, h, x, y)) {
                    out[p] = Pixels.blend(out[p], kindArgb(kinds[kind[p]]), a);
                }
            }
        }
    }

    private static int weight(double opacity) {
        return (int) Math.round(Math.max(0, Math.min(1, opacity)) * 256);
    }
}
