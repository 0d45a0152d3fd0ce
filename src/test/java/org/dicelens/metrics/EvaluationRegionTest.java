package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class EvaluationRegionTest {
    @Test
    void rowLevelsAreEachVoxelsLevelForBoxesAnywhere() {
        Random rnd = new Random(9);
        int nx = 9;
        int ny = 4;
        int nz = 3;
        Geometry g = Geometry.ofSpacing(nx, ny, nz, 1, 1, 1);
        int[] row = new int[nx];
        for (int trial = 0; trial < 200; trial++) {
            byte[] ref = new byte[nx * ny * nz];
            int marks = trial % 10 == 0 ? 0 : 1 + rnd.nextInt(3); // some with no foreground at all
            for (int k = 0; k < marks; k++) {
                ref[rnd.nextInt(ref.length)] = 1;
            }
            EvaluationRegion r = EvaluationRegion.of(g, ref, ClassTable.forLabels(0, 1));
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    java.util.Arrays.fill(row, -1);
                    r.rowLevels(y, z, row);
                    for (int x = 0; x < nx; x++) {
                        assertEquals(r.level(x, y, z), row[x], "box " + java.util.Arrays.toString(r.box()) + " at " + x
                                + "," + y + "," + z);
                    }
                }
            }
        }
    }

    @Test
    void handWorkedBoxLevelsAndFraction() {
        // 10x1x1 row, labels 0/1 at channels 0/1; foreground at x = 4 and x = 6: box [4, 6]
        Geometry g = Geometry.ofSpacing(10, 1, 1, 1, 1, 1);
        byte[] ref = new byte[10];
        ref[4] = 1;
        ref[6] = 1;
        EvaluationRegion r = EvaluationRegion.of(g, ref, ClassTable.forLabels(0, 1));
        assertArrayEquals(new int[] {4, 0, 0, 6, 0, 0}, r.box());
        int[] levels = new int[10];
        r.rowLevels(0, 0, levels);
        assertArrayEquals(new int[] {4, 3, 2, 1, 0, 0, 0, 1, 2, 3}, levels);
        assertEquals(5, r.levelCount()); // levels 0..4
        assertEquals(3, r.voxelCount(0));
        assertEquals(5, r.voxelCount(1));
        assertEquals(10, r.voxelCount(4));
        assertEquals(10, r.voxelCount(99));
        assertEquals(10, r.voxelCount(Settings.WHOLE_VOLUME));
        assertEquals(2 / 3.0, r.foregroundFraction(0), 1e-15);
        assertEquals(2 / 10.0, r.foregroundFraction(Settings.WHOLE_VOLUME), 1e-15);
        assertTrue(r.contains(3, 1));
        assertFalse(r.contains(2, 1));
        assertTrue(r.contains(0, Settings.WHOLE_VOLUME));
        assertThrows(IllegalArgumentException.class, () -> r.levelIndex(-2));
    }

    @Test
    void backgroundIsLabelZeroWhereverItsChannelIs() {
        // channel 0 has label 3, channel 1 has label 0: reference channel 1 is background
        Geometry g = Geometry.ofSpacing(4, 1, 1, 1, 1, 1);
        byte[] ref = {1, 0, 1, 1};
        EvaluationRegion r = EvaluationRegion.of(g, ref, ClassTable.forLabels(3, 0));
        assertArrayEquals(new int[] {1, 0, 0, 1, 0, 0}, r.box());
        assertEquals(1, r.foregroundVoxels());
    }

    @Test
    void noForegroundMeansTheWholeVolumeAtEveryMargin() {
        Geometry g = Geometry.ofSpacing(3, 2, 2, 1, 1, 1);
        EvaluationRegion r = EvaluationRegion.of(g, new byte[12], ClassTable.forLabels(0, 1));
        assertFalse(r.hasForeground());
        assertNull(r.box());
        assertEquals(12, r.voxelCount(0));
        assertEquals(0.0, r.foregroundFraction(0));
        assertTrue(r.contains(11, 0));
    }

    @Test
    void levelsAreChebyshevDistancesToTheBox() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int nx = 1 + rnd.nextInt(9);
            int ny = 1 + rnd.nextInt(9);
            int nz = 1 + rnd.nextInt(9);
            byte[] ref = new byte[nx * ny * nz];
            for (int j = 0; j < 3; j++) {
                ref[rnd.nextInt(ref.length)] = 1;
            }
            EvaluationRegion r = EvaluationRegion.of(Geometry.ofSpacing(nx, ny, nz, 1, 1, 1), ref, ClassTable.forLabels(0, 1));
            int[] box = r.box();
            for (int m = 0; m < 10; m++) {
                long inside = 0;
                for (int z = 0; z < nz; z++) {
                    for (int y = 0; y < ny; y++) {
                        for (int x = 0; x < nx; x++) {
                            // brute force: distance from the voxel to the nearest box voxel, Chebyshev
                            int best = Integer.MAX_VALUE;
                            for (int bz = box[2]; bz <= box[5]; bz++) {
                                for (int by = box[1]; by <= box[4]; by++) {
                                    for (int bx = box[0]; bx <= box[3]; bx++) {
                                        int d = Math.max(Math.abs(x - bx), Math.max(Math.abs(y - by), Math.abs(z - bz)));
                                        best = Math.min(best, d);
                                    }
                                }
                            }
                            assertEquals(best, r.level(x, y, z));
                            assertEquals(best, r.level(x + nx * (y + ny * z)));
                            assertEquals(best <= m, r.contains(x + nx * (y + ny * z), m));
                            inside += best <= m ? 1 : 0;
                        }
                    }
                }
                assertEquals(inside, r.voxelCount(m));
            }
        }
    }
}
