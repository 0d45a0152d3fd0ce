package org.dicelens.volume;

import static org.dicelens.volume.Vols.vol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/** Volumes bigger than one processing chunk (2^20 voxels): counts, ranges and "first" positions across chunks. */
class ChunkedLoadTest {
    static final Geometry G = Geometry.ofSpacing(128, 128, 160, 1, 1, 1); // 2.6 M voxels: 3 chunks
    static final int N = 128 * 128 * 160;
    static final Path REF = Path.of("ref.nii");
    static final Path PRED = Path.of("pred.nii");

    @Test
    void countsAndRangesAddUpAcrossChunks() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        float[] labels = new float[N];
        float[] p1 = new float[N];
        float[] p2 = new float[N];
        long expectClamped = 0;
        long expectOver = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < N; i++) {
            labels[i] = rnd.nextInt(3);
            p1[i] = (float) rnd.nextDouble(-0.01, 0.6);
            p2[i] = (float) rnd.nextDouble(0, 0.5);
            lo = Math.min(lo, p1[i]);
            hi = Math.max(hi, p1[i]);
            expectClamped += p1[i] < -1e-6 ? 1 : 0;
            double s = Math.max(0, p1[i]) + p2[i];
            expectOver += s > 1 + 1e-6 ? 1 : 0; // brute force: the derived background clamped at 0
        }
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, (Object) labels)).put(vol(PRED, G, p1, p2));
        Case c = CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r);
        assertEquals(expectClamped + expectOver, c.prediction().clampedCount());
        assertTrue(c.warnings().get(0).contains(expectClamped + " values outside [0,1] clamped (values from "
                + ProbabilityBuilder.fmt(lo) + " to " + ProbabilityBuilder.fmt(hi) + ")"), c.warnings().get(0));
        assertTrue(c.warnings().get(1).contains("exceeds 1 at " + expectOver + " voxels"), c.warnings().get(1));
        for (int i = 0; i < N; i += 9973) {
            assertEquals((int) labels[i], c.reference(i));
            double s = c.probability(1, i) + c.probability(2, i);
            assertEquals(s > 1 ? 0 : 1 - s, c.probability(0, i), 1e-6);
        }
    }

    @Test
    void theFirstNanIsTheFirstAcrossChunks() {
        float[] p = new float[N];
        p[N - 1] = Float.NaN; // last chunk
        p[(1 << 20) + 5] = Float.NaN; // second chunk: this is the first
        p[3 << 20 - 1] = Float.POSITIVE_INFINITY;
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, (Object) new float[N])).put(vol(PRED, G, (Object) p));
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r));
        int i = (1 << 20) + 5;
        String voxel = "(" + i % 128 + "," + (i / 128) % 128 + "," + i / (128 * 128) + ")";
        assertTrue(e.getMessage().contains("3 NaN or infinite values (the first at voxel " + voxel + ")"), e.getMessage());
    }

    @Test
    void sumsAreCheckedInEveryChunk() throws Exception {
        float[] a = new float[N];
        float[] b = new float[N];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.5f);
        b[10] = 0.9f; // sum 1.4 in the first chunk
        b[N - 2] = 0.2f; // sum 0.7 in the last chunk; the farthest is 1.4
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, (Object) new float[N])).put(vol(PRED, G, a, b));
        Case c = CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r);
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("at 2 of " + N + " voxels (farthest sum 1.40000)"), c.warnings().get(0));
    }
}
