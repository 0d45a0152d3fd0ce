package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one hard rule: the count form (read from cumulative step histograms) agrees with the pixel form, and the pixel
 * form agrees with a hand-written reading of the formula sheet (ties to the lowest channel, floor to background).
 */
class HardRuleTest {

    @Test
    void pixelFormFollowsTheSheet() {
        // three channels, background = 0; ties, a floor, and a case without background
        float[][] p = {{0.2f, 0.4f, 0.3f, 0.10f}, {0.5f, 0.4f, 0.3f, 0.15f}, {0.3f, 0.2f, 0.4f, 0.15f}};
        byte[] out = new byte[4];
        HardRule.argmax(p, 3, 4, 0, 0, out);
        assertArrayEquals(new byte[] {1, 0, 2, 1}, out); // 0.4 = 0.4 → channel 0; 0.15 = 0.15 → channel 1
        HardRule.argmax(p, 3, 4, 400, 0, out);
        assertArrayEquals(new byte[] {1, 0, 2, 0}, out); // max 0.15 below 0.4 → background; 0.4 ≥ 0.4 kept
        HardRule.argmax(p, 3, 4, 400, -1, out);
        assertArrayEquals(new byte[] {1, 0, 2, (byte) HardRule.NONE}, out);
        HardRule.threshold(p[1], 4, 400, out);
        assertArrayEquals(new byte[] {1, 1, 0, 0}, out); // inclusive: 0.4 ≥ 0.4
    }

    @Test
    void stepOfIsTheLargestStepAtOrBelowP() {
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            float q = i < 1001 ? i / 1000f : r.nextFloat();
            int k = HardRule.stepOf(q);
            assertEquals(true, q >= k / 1000.0, "p=" + q);
            assertEquals(true, k == 1000 || q < (k + 1) / 1000.0, "p=" + q);
            assertEquals(k, HardRule.stepOfAny(q));
        }
        assertEquals(0, HardRule.stepOfAny(-0.5f));
        assertEquals(0, HardRule.stepOfAny(Float.NaN));
        assertEquals(1000, HardRule.stepOfAny(1.5f));
    }

    @Test
    void countFormEqualsPixelForm() {
        Random r = new Random(11);
        int n = 4000;
        for (int bg : new int[] {0, 2, -1}) {
            int classes = 4;
            float[][] p = new float[classes][n];
            byte[] ref = new byte[n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < classes; c++) {
                    // coarse values so ties and values exactly on a step are common
                    p[c][i] = r.nextInt(21) / 20f;
                }
                ref[i] = (byte) r.nextInt(classes);
            }
            // cumulative counts over steps, built here by brute force
            long[][] all = new long[classes][1002];
            long[][] refA = new long[classes][1002];
            long[][] bgA = new long[classes][1002];
            for (int i = 0; i < n; i++) {
                int a = 0;
                for (int c = 1; c < classes; c++) {
                    if (p[c][i] > p[a][i]) {
                        a = c;
                    }
                }
                int k = HardRule.stepOf(p[a][i]);
                for (int j = 0; j <= k; j++) {
                    all[a][j]++;
                    if (ref[i] == a) {
                        refA[a][j]++;
                    }
                    if (ref[i] == bg) {
                        bgA[a][j]++;
                    }
                }
            }
            HardRule.ArgmaxCounts counts = new HardRule.ArgmaxCounts() {
                public long all(int a, int k) {
                    return all[a][k];
                }

                public long ref(int a, int k) {
                    return refA[a][k];
                }

                public long bg(int a, int k) {
                    return bgA[a][k];
                }
            };
            for (int floor : new int[] {0, 250, 500, 1000}) {
                byte[] labels = new byte[n];
                HardRule.argmax(p, classes, n, floor, bg, labels);
                for (int c = 0; c < classes; c++) {
                    long tp = 0;
                    long pred = 0;
                    for (int i = 0; i < n; i++) {
                        if ((labels[i] & 0xFF) == c) {
                            pred++;
                            tp += ref[i] == c ? 1 : 0;
                        }
                    }
                    assertArrayEquals(new long[] {tp, pred}, HardRule.argmaxCounts(counts, c, classes, bg, floor),
                            "bg " + bg + " floor " + floor + " class " + c);
                }
            }
        }
    }
}
