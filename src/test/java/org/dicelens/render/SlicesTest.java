package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class SlicesTest {
    @Test
    void axialSliceOfRasVolumeIsFlippedBothWays() {
        Geometry g = Geometry.ofSpacing(2, 3, 4, 1, 1, 1);
        float[] vol = new float[24];
        for (int i = 0; i < vol.length; i++) {
            vol[i] = i;
        }
        float[] out = new float[6];
        Slices.extract(vol, ViewGeometry.of(g, ViewAxis.AXIAL), 1, out);
        // z = 1 holds indices 6..11 (x + 2y + 6). Row sy shows y = 2 - sy, column sx shows x = 1 - sx.
        assertArrayEquals(new float[] {11, 10, 9, 8, 7, 6}, out);
    }

    @Test
    void sagittalSliceOfRasVolume() {
        Geometry g = Geometry.ofSpacing(2, 3, 4, 1, 1, 1);
        byte[] vol = new byte[24];
        for (int i = 0; i < vol.length; i++) {
            vol[i] = (byte) i;
        }
        byte[] out = new byte[12];
        Slices.extract(vol, ViewGeometry.of(g, ViewAxis.SAGITTAL), 0, out);
        // x = 0; screen x shows y = 2 - sx (anterior left), screen y shows z = 3 - sy (superior top).
        // index = 0 + 2*y + 6*z
        byte[] expected = new byte[12];
        for (int sy = 0; sy < 4; sy++) {
            for (int sx = 0; sx < 3; sx++) {
                expected[sy * 3 + sx] = (byte) (2 * (2 - sx) + 6 * (3 - sy));
            }
        }
        assertArrayEquals(expected, out);
        assertArrayEquals(new byte[] {22, 20, 18}, java.util.Arrays.copyOf(out, 3));
    }

    @Test
    void axisOrderSlicesAreReLaidToScreenLayout() {
        double[] asr = {0, 0, 2, 0, 1, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 0, 1};
        for (double[] aff : new double[][] {asr, {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}}) {
            Geometry g = new Geometry(3, 4, 5, aff);
            for (ViewAxis axis : ViewAxis.values()) {
                ViewGeometry v = ViewGeometry.of(g, axis);
                int s = v.sliceAxis();
                int a = s == 0 ? 1 : 0; // remaining axes in increasing order
                int b = s == 2 ? 1 : 2;
                float[] in = new float[v.width() * v.height()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = i;
                }
                float[] out = new float[in.length];
                Slices.fromAxisOrder(in, v, out);
                for (int sy = 0; sy < v.height(); sy++) {
                    for (int sx = 0; sx < v.width(); sx++) {
                        int[] p = v.voxel(sx, sy, 2);
                        assertEquals(p[a] + g.dim(a) * p[b], out[sy * v.width() + sx], 0, axis + " " + sx + "," + sy);
                    }
                }
            }
        }
    }

    @Test
    void rejectsSliceOutOfRangeAndShortBuffer() {
        ViewGeometry v = ViewGeometry.of(Geometry.ofSpacing(2, 3, 4, 1, 1, 1), ViewAxis.AXIAL);
        assertThrows(IndexOutOfBoundsException.class, () -> Slices.extract(new float[24], v, 4, new float[6]));
        assertThrows(IllegalArgumentException.class, () -> Slices.extract(new float[24], v, 0, new float[5]));
    }
}
