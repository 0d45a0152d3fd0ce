package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.dicelens.metrics.GradientKernel;
import org.dicelens.metrics.GradientMaps;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/** The engine's gradient slices, re-laid by {@link Slices#fromAxisOrder}, match the same view of its whole-volume map. */
class GradientLayoutTest {
    @Test
    void engineSliceAndVolumeAgreeInScreenLayout() {
        double[] asr = {0, 0, 2, 0, 1, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 0, 1};
        Geometry g = new Geometry(4, 5, 6, asr);
        Random rnd = new Random(11);
        byte[] ref = new byte[g.voxelCount()];
        float[] fg = new float[g.voxelCount()];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = rnd.nextFloat();
            ref[i] = (byte) (rnd.nextFloat() < 0.3 ? 1 : 0);
        }
        Case c = TinyCase.of(g, ref, TinyCase.binary(fg), 2);
        GradientKernel k = GradientKernel.crossEntropy(1, GradientMaps.sums(c, 1, null));
        float[] volume = GradientMaps.volume(c, k, GradientWrt.PROBABILITY, null);
        for (ViewAxis axis : ViewAxis.values()) {
            ViewGeometry v = ViewGeometry.of(g, axis);
            int n = v.width() * v.height();
            for (int s = 0; s < v.sliceCount(); s++) {
                float[] engine = new float[n];
                GradientMaps.slice(c, k, GradientWrt.PROBABILITY, null, v.sliceAxis(), s, engine);
                float[] screen = new float[n];
                Slices.fromAxisOrder(engine, v, screen);
                float[] expected = new float[n];
                Slices.extract(volume, v, s, expected);
                assertArrayEquals(expected, screen, axis + " slice " + s);
            }
        }
    }
}
