package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void rejectsSliceOutOfRangeAndShortBuffer() {
        ViewGeometry v = ViewGeometry.of(Geometry.ofSpacing(2, 3, 4, 1, 1, 1), ViewAxis.AXIAL);
        assertThrows(IndexOutOfBoundsException.class, () -> Slices.extract(new float[24], v, 4, new float[6]));
        assertThrows(IllegalArgumentException.class, () -> Slices.extract(new float[24], v, 0, new float[5]));
    }
}
