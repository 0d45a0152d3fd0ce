package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.nifti.NiftiVolume;
import org.junit.jupiter.api.Test;

/**
 * The fused pass must report what the three separate passes report (ValueScan, the clamp of each channel, the sums
 * check) and leave the same clamped values, on volumes spanning several chunks, with values outside [0,1] beyond and
 * within round-off, and non-finite values. The counts are also checked by brute force.
 */
class ProbabilityScanTest {
    private static final int N = Chunks.SIZE * 2 + 12345; // three chunks, the last one short

    private static float[][] noisy(long seed, int k, boolean nonFinite) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] ch = new float[k][N];
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < k; c++) {
                double u = rnd.nextDouble();
                ch[c][i] = u < 0.01 ? (float) rnd.nextDouble(-0.5, 0) // clamped, counted
                        : u < 0.02 ? (float) rnd.nextDouble(1, 1.5)
                        : u < 0.03 ? (float) (1 + 5e-7) // within round-off: clamped, not counted
                        : u < 0.04 ? -0f
                        : (float) (rnd.nextDouble() / k);
            }
        }
        if (nonFinite) {
            ch[2][Chunks.SIZE + 7] = Float.NaN;
            ch[1][Chunks.SIZE * 2 + 3] = Float.POSITIVE_INFINITY;
            ch[2][Chunks.SIZE + 9] = Float.NEGATIVE_INFINITY;
        }
        return ch;
    }

    private static NiftiVolume volume(float[][] ch) {
        return Vols.vol(Path.of("p.nii"), Geometry.ofSpacing(N, 1, 1, 1, 1, 1), (Object[]) ch);
    }

    private static float[][] copy(float[][] ch) {
        float[][] c = new float[ch.length][];
        for (int j = 0; j < ch.length; j++) {
            c[j] = ch[j].clone();
        }
        return c;
    }

    @Test
    void sameAsTheSeparatePasses() {
        float[][] a = noisy(1, 4, false);
        float[][] b = copy(a);
        long[] bruteCount = new long[4];
        for (int c = 0; c < 4; c++) {
            for (float v : a[c]) {
                bruteCount[c] += v < -1e-6 || v > 1 + 1e-6 ? 1 : 0;
            }
        }
        ProbabilityScan fused = ProbabilityScan.of(volume(a), true);

        ValueScan scan = ValueScan.of(volume(b));
        List<String> warnings = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            double[] minMax = new double[2];
            assertEquals(ProbabilityBuilder.clampInPlace(b[c], minMax), fused.clamped[c]);
            assertEquals(bruteCount[c], fused.clamped[c]);
            assertEquals(minMax[0], fused.min[c]);
            assertEquals(minMax[1], fused.max[c]);
            assertArrayEquals(b[c], a[c]);
        }
        assertEquals(scan.min, fused.values.min);
        assertEquals(scan.max, fused.values.max);
        assertEquals(0, fused.values.nonFinite);
        ProbabilityBuilder.checkSums(b, N, warnings);
        assertEquals(1, warnings.size());
        String expected = warnings.get(0);
        assertEquals(expected, sumsWarning(fused.sums));
    }

    /** The warning checkSums writes, from the fused pass's sums, through the loader's own message. */
    private static String sumsWarning(ProbabilityScan.Sums s) {
        return "the 4 probability channels do not sum to 1 (within " + CaseLoader.SUM_TOLERANCE + ") at " + s.off()
                + " of " + N + " voxels (farthest sum " + ProbabilityBuilder.fmt(s.worstSum()) + "); they are used as given";
    }

    @Test
    void nonFiniteValuesAsValueScanReportsThem() {
        float[][] a = noisy(2, 3, true);
        float[][] b = copy(a);
        ProbabilityScan fused = ProbabilityScan.of(volume(a), false);
        ValueScan scan = ValueScan.of(volume(b));
        assertEquals(3, fused.values.nonFinite);
        assertEquals(scan.nonFinite, fused.values.nonFinite);
        assertEquals(Chunks.SIZE * 2 + 3, fused.values.firstNonFinite); // channel 1 comes before channel 2
        assertEquals(1, fused.values.firstNonFiniteChannel);
        assertEquals(scan.firstNonFinite, fused.values.firstNonFinite);
        assertEquals(scan.min, fused.values.min);
        assertEquals(scan.max, fused.values.max);
        assertNull(fused.sums);
    }
}
