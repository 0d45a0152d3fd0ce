package org.dicelens.render;

import java.util.List;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.ProbabilityMaps;

/** Hand-made tiny cases for pixel-level tests. */
final class TinyCase {
    static final int RED = 0xFFFF0000;
    static final int GREEN = 0xFF00FF00;
    static final int BLUE = 0xFF0000FF;
    /** LPS: no flips in the axial view, so screen (sx, sy) shows voxel (sx, sy, z). */
    static final double[] LPS = {-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};

    private TinyCase() {
    }

    static ClassTable classes(int count) {
        int[] colours = {0xFF000000, RED, GREEN, BLUE};
        ClassInfo[] c = new ClassInfo[count];
        for (int k = 0; k < count; k++) {
            c[k] = new ClassInfo(k, "c" + k, colours[k]);
        }
        return new ClassTable(List.of(c));
    }

    /** A case with a zero image, the given reference channels and probabilities (may be null). */
    static Case of(Geometry g, byte[] ref, float[][] prob, int classCount) {
        ImageVolume img = new ImageVolume(g, new float[g.voxelCount()], null);
        ProbabilityMaps p = prob == null ? null : new ProbabilityMaps(g, prob, 0, List.of());
        return new Case("tiny", g, img, ref, p, classes(classCount), List.of());
    }

    /** Binary probabilities: channel 1 = fg, channel 0 = 1 - fg. */
    static float[][] binary(float[] fg) {
        float[] bg = new float[fg.length];
        for (int i = 0; i < fg.length; i++) {
            bg[i] = 1 - fg[i];
        }
        return new float[][] {bg, fg};
    }

    /** Everything off, window 0..1, chosen class 1. */
    static OverlaySettings nothing() {
        OverlaySettings o = OverlaySettings.defaults(2);
        return o.withReference(o.reference().withOn(false), true).withHardContour(o.hardContour().withOn(false), 0)
                .withCrosshair(false);
    }
}
