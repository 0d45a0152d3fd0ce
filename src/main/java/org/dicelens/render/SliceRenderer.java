package org.dicelens.render;

import java.util.Arrays;
import java.util.List;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.HardRule;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;

/**
 * Composes one slice of a case into ARGB pixels at slice resolution (one pixel per voxel): the image
 * through the window, then the overlays in a fixed order — reference fill, probability heat map, gradient,
 * error map, raters' agreement (heat map and consensus outline), reference contour, hard-mask contours, Dice-optimal
 * contour, evaluation-region outline. A class's own layers are drawn at the layer's opacity times the class's
 * ({@link OverlaySettings#classOpacity(int)}).
 * Scratch buffers are kept and reused, so repeated renders allocate nothing once they have grown to the
 * largest slice. The slice's voxels are extracted again only when the case, view or slice changes, so a
 * threshold or opacity change re-composes without touching the volume, and the layers below the threshold-dependent
 * ones (image, reference fill, heat map) are reused while they cannot have changed, as are the traced contours whose
 * inputs did not change (a drag of one class's threshold re-traces that class's contour only); call
 * {@link #invalidate()} after changing a case's arrays in place. One renderer per view: not thread-safe.
 */
public final class SliceRenderer {
    private float[] image = new float[0];
    private byte[] reference = new byte[0];
    private float[][] probability = new float[0][];
    private byte[] mask = new byte[0];
    private byte[] labels = new byte[0];
    private int[] indices = new int[0];
    private boolean labelsReady; // argmax labels of this render are in `labels`
    // what the scratch slices currently hold (identity of the case and view, the slice, and what was extracted)
    private Case cachedCase;
    private ViewAxis cachedView;
    private int cachedSlice = -1;
    private boolean cachedImage;
    private boolean cachedReference;
    private boolean cachedProbability;
    // the image, reference fill and heat map as last drawn, and what they were drawn from
    private int[] lower = new int[0];
    private List<Object> lowerKey;
    // contours of this slice, each with what it was traced from
    private final TracedContour referenceContour = new TracedContour();
    private final TracedContour argmaxContour = new TracedContour();
    private final TracedContour optimalContour = new TracedContour();
    private final TracedContour regionContour = new TracedContour();
    private TracedContour[] classContours = new TracedContour[0];

    /** Forgets the extracted slices (call after changing a case's voxel arrays in place). */
    public void invalidate() {
        cachedCase = null;
        cachedView = null;
        cachedSlice = -1;
        cachedImage = false;
        cachedReference = false;
        cachedProbability = false;
        lowerKey = null;
        forgetContours();
    }

    private void forgetContours() {
        referenceContour.forget();
        argmaxContour.forget();
        optimalContour.forget();
        regionContour.forget();
        for (TracedContour t : classContours) {
            t.forget();
        }
    }

    private boolean sameSlice(Case c, ViewGeometry v, int slice) {
        return c == cachedCase && v.view() == cachedView && slice == cachedSlice;
    }

    /**
     * Renders slice {@code slice} of view {@code v} into {@code out} (length ≥ width·height, row-major
     * index sy·width + sx). Any of the case's image, reference or prediction may be null; layers that need
     * a missing part are skipped.
     */
    public void render(Case c, ViewGeometry v, int slice, Settings settings, OverlaySettings o, SliceInputs in, int[] out) {
        int w = v.width();
        int h = v.height();
        int n = w * h;
        if (out.length < n) {
            throw new IllegalArgumentException("output buffer of " + out.length + " < slice " + w + "x" + h);
        }
        ensure(n, c.prediction() == null ? 0 : c.prediction().channelCount());
        if (!sameSlice(c, v, slice)) {
            invalidate();
            cachedCase = c;
            cachedView = v.view();
            cachedSlice = slice;
        }
        SliceInputs inputs = in == null ? SliceInputs.none() : in;

        boolean hasRef = c.referenceClass() != null;
        boolean hasPred = c.prediction() != null;
        int bg = c.classes().backgroundChannel();
        int chosen = o.chosenClass();
        if (hasRef && !cachedReference) {
            Slices.extract(c.referenceClass(), v, slice, reference);
            cachedReference = true;
        }
        boolean needProb = hasPred && (o.probability().on() || o.errors().on() || o.hardContour().on()
                || o.diceOptimal().on());
        int channels = hasPred ? c.prediction().channelCount() : 0;
        if (needProb && !cachedProbability) {
            for (int k = 0; k < channels; k++) {
                Slices.extract(c.prediction().channels()[k], v, slice, probability[k]);
            }
            cachedProbability = true;
        }
        boolean chosenOk = chosen >= 0 && chosen < channels;
        labelsReady = false;

        boolean fill = hasRef && o.reference().on() && o.referenceFilled();
        boolean heat = needProb && chosenOk && o.probability().on();
        // the layers below the threshold's do not change while a threshold is dragged: keep them, redraw the rest
        List<Object> key = List.of(c, v.view(), slice, o.windowLow(), o.windowHigh(), Arrays.toString(o.classVisible()),
                Arrays.toString(o.classOpacity()), c.classes(), fill ? o.reference() : false,
                heat ? List.of(o.probability(), o.probabilityColormap(), o.probabilityFloor(), chosen) : false);
        if (key.equals(lowerKey) && lower.length >= n) {
            System.arraycopy(lower, 0, out, 0, n);
        } else {
            drawBase(c, v, slice, o, out, n);
            if (fill) {
                fillLabels(reference, n, out, c, o, bg);
            }
            if (heat) {
                heatMap(probability[chosen], n, out, o);
            }
            if (lower.length < n) {
                lower = new int[n];
            }
            System.arraycopy(out, 0, lower, 0, n);
            lowerKey = key;
        }
        if (o.gradient().on() && inputs.gradient() != null) {
            gradient(inputs.gradient(), n, out, o);
        }
        if (needProb && chosenOk && hasRef && o.errors().on()) {
            hardMaskOf(chosen, settings, channels, n, bg);
            errors(mask, reference, chosen, n, out, o.weight(o.errors(), chosen));
        }
        if (inputs.agreement() != null) {
            // a heat map: under every contour, so the hard-mask and reference outlines stay visible on it
            inputs.agreement().paint(v, slice, out);
        }
        if (hasRef && o.reference().on() && !o.referenceFilled()) {
            int classes = c.classCount();
            List<Object> k = List.of(Arrays.toString(o.classVisible()), bg, classes);
            if (!referenceContour.holds(k)) {
                referenceContour.traceLabels(reference, w, h, drawn(l -> l != bg && l < classes && o.visible(l)), k);
            }
            referenceContour.drawByLabel(out, labelColours(c, 0), labelWeights(o, o.reference()));
        }
        if (needProb && o.hardContour().on()) {
            hardContours(c, settings, o, w, h, channels, bg, out);
        }
        if (needProb && chosenOk && o.diceOptimal().on() && !Double.isNaN(inputs.diceOptimalThreshold())) {
            float[] p = probability[chosen];
            double t = inputs.diceOptimalThreshold();
            List<Object> k = List.of(chosen, t);
            if (!optimalContour.holds(k)) {
                for (int i = 0; i < n; i++) {
                    mask[i] = p[i] >= t ? (byte) 1 : 0;
                }
                optimalContour.traceMask(mask, w, h, k);
            }
            optimalContour.draw(out, OverlayColours.DICE_OPTIMAL, o.weight(o.diceOptimal(), chosen));
        }
        if (o.region().on() && inputs.region() != null) {
            // a box's membership is a record (equal by value); another predicate is kept while it is the same object
            if (!regionContour.holds(inputs.region())) {
                regionMask(inputs.region(), v, slice, n);
                regionContour.traceMask(mask, w, h, inputs.region());
            }
            regionContour.draw(out, OverlayColours.REGION, o.region().weight());
        }
    }

    /** The region's pixels on this slice into {@code mask}; a {@link RegionBox} is drawn from its bounds. */
    private void regionMask(java.util.function.IntPredicate region, ViewGeometry v, int slice, int n) {
        if (region instanceof RegionBox.Membership m) {
            RegionBox b = m.box();
            int w = v.width();
            boolean sliceIn = slice >= b.low(v.sliceAxis()) && slice <= b.high(v.sliceAxis());
            for (int sy = 0, i = 0; sy < v.height(); sy++) {
                int vy = v.voxelAlongY(sy);
                boolean rowIn = sliceIn && vy >= b.low(v.screenYAxis()) && vy <= b.high(v.screenYAxis());
                for (int sx = 0; sx < w; sx++, i++) {
                    int vx = v.voxelAlongX(sx);
                    mask[i] = rowIn && vx >= b.low(v.screenXAxis()) && vx <= b.high(v.screenXAxis()) ? (byte) 1 : 0;
                }
            }
            return;
        }
        Slices.indices(v, slice, indices);
        for (int i = 0; i < n; i++) {
            mask[i] = region.test(indices[i]) ? (byte) 1 : 0;
        }
    }

    private void ensure(int n, int channels) {
        if (image.length < n) {
            invalidate();
            image = new float[n];
            reference = new byte[n];
            mask = new byte[n];
            labels = new byte[n];
            indices = new int[n];
            probability = new float[0][];
        }
        if (probability.length < channels) {
            float[][] p = new float[channels][];
            for (int k = 0; k < channels; k++) {
                p[k] = k < probability.length ? probability[k] : new float[image.length];
            }
            probability = p;
            cachedProbability = false;
            forgetContours();
        }
        if (classContours.length < channels) {
            TracedContour[] t = Arrays.copyOf(classContours, channels);
            for (int k = classContours.length; k < channels; k++) {
                t[k] = new TracedContour();
            }
            classContours = t;
        }
    }

    private void drawBase(Case c, ViewGeometry v, int slice, OverlaySettings o, int[] out, int n) {
        if (c.image() == null) {
            java.util.Arrays.fill(out, 0, n, 0xFF000000);
            return;
        }
        if (!cachedImage) {
            Slices.extract(c.image().values(), v, slice, image);
            cachedImage = true;
        }
        double lo = o.windowLow();
        double span = o.windowHigh() - lo;
        double scale = span > 0 ? 255.0 / span : 0;
        for (int i = 0; i < n; i++) {
            double g = (image[i] - lo) * scale;
            int level;
            if (span <= 0) {
                level = image[i] >= lo ? 255 : 0; // a zero-width window is a hard threshold
            } else {
                level = g > 0 ? (g < 255 ? (int) (g + 0.5) : 255) : 0; // NaN fails g > 0: black
            }
            out[i] = Pixels.grey(level);
        }
    }

    private static void fillLabels(byte[] ref, int n, int[] out, Case c, OverlaySettings o, int bg) {
        int classes = c.classCount();
        int[] a = labelWeights(o, o.reference());
        for (int i = 0; i < n; i++) {
            int l = ref[i] & 0xFF;
            if (l != bg && l < classes && o.visible(l) && a[l] > 0) {
                out[i] = Pixels.blend(out[i], c.classes().get(l).argb(), a[l]);
            }
        }
    }

    private static void heatMap(float[] p, int n, int[] out, OverlaySettings o) {
        Colormap map = o.probabilityColormap();
        double floor = o.probabilityFloor();
        int a = o.weight(o.probability(), o.chosenClass());
        for (int i = 0; i < n; i++) {
            float v = p[i];
            if (v >= floor && v > 0) {
                out[i] = Pixels.blend(out[i], map.argb(v), a);
            }
        }
    }

    private static void gradient(float[] g, int n, int[] out, OverlaySettings o) {
        double limit = o.gradientLimit();
        if (!(limit > 0)) {
            limit = 0;
            for (int i = 0; i < n; i++) {
                float v = Math.abs(g[i]);
                if (v > limit && Float.isFinite(v)) {
                    limit = v;
                }
            }
            if (limit == 0) {
                return;
            }
        }
        int a = o.gradient().weight();
        Colormap map = Colormap.BLUE_WHITE_RED;
        for (int i = 0; i < n; i++) {
            double t = g[i] / limit;
            if (t != 0 && !Double.isNaN(t)) {
                double mag = Math.min(1, Math.abs(t));
                out[i] = Pixels.blend(out[i], map.argb(0.5 + 0.5 * Math.max(-1, Math.min(1, t))), (int) (a * mag + 0.5));
            }
        }
    }

    /** The chosen class's hard mask (threshold or argmax mode) into {@code mask}. */
    private void hardMaskOf(int channel, Settings s, int channels, int n, int bg) {
        if (s.mode() == HardMode.ARGMAX) {
            argmaxLabels(s, channels, n, bg);
            HardRule.select(labels, n, channel, mask);
        } else {
            HardRule.threshold(probability[channel], n, s.thresholdSteps()[channel], mask);
        }
    }

    private void argmaxLabels(Settings s, int channels, int n, int bg) {
        if (!labelsReady) {
            HardRule.argmax(probability, channels, n, s.confidenceFloorStep(), bg, labels);
            labelsReady = true;
        }
    }

    private static void errors(byte[] hard, byte[] ref, int channel, int n, int[] out, int a) {
        for (int i = 0; i < n; i++) {
            boolean r = (ref[i] & 0xFF) == channel;
            boolean b = hard[i] != 0;
            if (b && r) {
                out[i] = Pixels.blend(out[i], OverlayColours.TP, a);
            } else if (b) {
                out[i] = Pixels.blend(out[i], OverlayColours.FP, a);
            } else if (r) {
                out[i] = Pixels.blend(out[i], OverlayColours.FN, a);
            }
        }
    }

    private void hardContours(Case c, Settings s, OverlaySettings o, int w, int h, int channels, int bg, int[] out) {
        int n = w * h;
        int fixed = o.hardContourArgb();
        if (s.mode() == HardMode.ARGMAX) {
            List<Object> k = List.of(s.confidenceFloorStep(), Arrays.toString(o.classVisible()), channels, bg);
            if (!argmaxContour.holds(k)) {
                argmaxLabels(s, channels, n, bg);
                argmaxContour.traceLabels(labels, w, h, drawn(l -> l != bg && l < channels && o.visible(l)), k);
            }
            argmaxContour.drawByLabel(out, labelColours(c, fixed), labelWeights(o, o.hardContour()));
            return;
        }
        for (int k = 0; k < channels; k++) {
            if (k == bg || !o.visible(k)) {
                continue;
            }
            Integer step = s.thresholdSteps()[k];
            if (!classContours[k].holds(step)) {
                HardRule.threshold(probability[k], n, step, mask);
                classContours[k].traceMask(mask, w, h, step);
            }
            classContours[k].draw(out, fixed != 0 ? fixed : colourOf(c, k), o.weight(o.hardContour(), k));
        }
    }

    /** The labels 0..255 a contour is drawn for. */
    private static boolean[] drawn(java.util.function.IntPredicate drawn) {
        boolean[] d = new boolean[256];
        for (int l = 0; l < d.length; l++) {
            d[l] = drawn.test(l);
        }
        return d;
    }

    /** Each label's contour colour: {@code fixed} when non-zero, else the class's. */
    private static int[] labelColours(Case c, int fixed) {
        int[] argb = new int[256];
        for (int l = 0; l < argb.length; l++) {
            argb[l] = fixed != 0 ? fixed : colourOf(c, l);
        }
        return argb;
    }

    /** Each label's blend weight for layer {@code l}: the layer's opacity times the class's. */
    private static int[] labelWeights(OverlaySettings o, LayerSetting l) {
        int[] a = new int[256];
        for (int k = 0; k < a.length; k++) {
            a[k] = o.weight(l, k);
        }
        return a;
    }

    private static int colourOf(Case c, int channel) {
        return channel < c.classCount() ? c.classes().get(channel).argb() : 0xFFFFFFFF;
    }
}
