package org.dicelens.volume;

import static org.dicelens.volume.Vols.vol;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/**
 * The loader's shortcut for a prediction whose values all lie in [0, 1] ({@link ValueScan#inUnitRange}, per channel): no full
 * value scan and no clamping pass. Checked against a brute-force test per value and against what the full path
 * gives (clamping, warnings, the hard-label guess).
 */
class UnitRangeTest {
    static final Geometry G = ChunkedLoadTest.G; // 3 processing chunks
    static final int N = ChunkedLoadTest.N;
    static final Path REF = Path.of("ref.nii");
    static final Path PRED = Path.of("pred.nii");

    @Test
    void agreesWithAValueByValueTestWhereverTheOddValueSits() {
        SplittableRandom rnd = new SplittableRandom(11);
        float[] odd = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -1e-9f, Math.nextUp(1f), 2f,
            -0.0f, 0f, 1f, Float.MIN_VALUE};
        int[] at = {0, 1, (1 << 20) - 1, 1 << 20, (2 << 20) + 7, N - 1};
        for (float v : odd) {
            for (int i : at) {
                float[] a = new float[N];
                float[] b = new float[N];
                for (int k = 0; k < N; k += 1 + rnd.nextInt(5000)) {
                    a[k] = (float) rnd.nextDouble();
                    b[k] = rnd.nextBoolean() ? 1f : 0f;
                }
                (rnd.nextBoolean() ? a : b)[i] = v;
                boolean expected = bruteForce(a) && bruteForce(b);
                assertEquals(expected, ValueScan.inUnitRange(a, true) && ValueScan.inUnitRange(b, true), v + " at " + i);
                assertEquals(expected, ValueScan.inUnitRange(a, false) && ValueScan.inUnitRange(b, false), v + " at " + i);
            }
        }
    }

    @Test
    void doubleChannelsTakeTheFullScan() {
        assertEquals(false, ValueScan.inUnitRange(new double[N], true));
        assertEquals(true, ValueScan.inUnitRange(new float[N], true));
    }

    @Test
    void aChannelInRangeIsKeptAsReadAndAnotherOutOfRangeIsStillClamped() throws Exception {
        float[] labels = new float[N];
        float[] p0 = new float[N];
        float[] p1 = new float[N];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            labels[i] = rnd.nextInt(2);
            p1[i] = (float) rnd.nextDouble();
            p0[i] = 1 - p1[i];
        }
        p1[(1 << 20) + 3] = 1.25f; // one value outside [0,1] in the second chunk of the second channel only
        float[] keep0 = p0.clone();
        float[] expect1 = p1.clone();
        expect1[(1 << 20) + 3] = 1f;
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, (Object) labels)).put(vol(PRED, G, p0, p1));
        Case c = CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r);
        assertEquals(PredictionKind.PROBABILITIES, c.predictionKind());
        assertArrayEquals(keep0, c.prediction().channels()[0]);
        assertArrayEquals(expect1, c.prediction().channels()[1]);
        assertEquals(1, c.prediction().clampedCount());
        assertTrue(c.warnings().get(0).contains("channel 1: 1 value outside [0,1] clamped"), c.warnings().get(0));
    }

    @Test
    void aPredictionInRangeIsUsedAsReadWithNoWarning() throws Exception {
        float[] labels = new float[N];
        float[] p0 = new float[N];
        float[] p1 = new float[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 3 == 0 ? 1 : 0;
            p1[i] = (i % 1001) / 1000f;
            p0[i] = 1 - p1[i];
        }
        float[] keep0 = p0.clone();
        float[] keep1 = p1.clone();
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, (Object) labels)).put(vol(PRED, G, p0, p1));
        Case c = CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r);
        assertSame(p0, c.prediction().channels()[0]); // in place, no copy
        assertArrayEquals(keep0, c.prediction().channels()[0]);
        assertArrayEquals(keep1, c.prediction().channels()[1]);
        assertEquals(0, c.prediction().clampedCount());
        assertEquals(java.util.List.of(), c.warnings());
    }

    @Test
    void aOneChannelMaskOfZerosAndOnesIsAProbabilityAndZeroOneTwoIsALabelMap() throws Exception {
        float[] labels = new float[N];
        float[] mask = new float[N];
        float[] multi = new float[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 3;
            mask[i] = i % 3 == 1 ? 1 : 0;
            multi[i] = i % 3;
        }
        float[] twoLabels = new float[N];
        for (int i = 0; i < N; i++) {
            twoLabels[i] = i % 3 == 1 ? 1 : 0;
        }
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, (Object) twoLabels)).put(vol(PRED, G, (Object) mask));
        assertEquals(PredictionKind.PROBABILITIES, CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r).predictionKind());
        r = new Vols.MapReader().put(vol(REF, G, (Object) labels)).put(vol(PRED, G, (Object) multi));
        assertEquals(PredictionKind.HARD_LABELS, CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r).predictionKind());
    }

    private static boolean bruteForce(float[] a) {
        for (float v : a) {
            if (Float.isNaN(v) || v < 0 || v > 1) {
                return false;
            }
        }
        return true;
    }
}
