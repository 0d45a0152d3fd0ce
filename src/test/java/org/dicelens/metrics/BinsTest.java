package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bin of p must satisfy: bin ≥ k exactly when p ≥ k/1000.0 in double, for every float near every edge. */
class BinsTest {
    /** The defining property, checked straight: bin b has b/1000.0 ≤ p and (b = 1000 or p < (b+1)/1000.0). */
    private static void check(float f) {
        double p = f;
        int b = Bins.of(p);
        if (b < 0 || b > 1000 || !(p >= b / 1000.0) || !(b == 1000 || p < (b + 1) / 1000.0)) {
            fail("p=" + f + " (" + p + ") placed in bin " + b);
        }
        if (Bins.ofFloat(f) != b) {
            fail("float shortcut: p=" + f + " gives " + Bins.ofFloat(f) + ", not " + b);
        }
    }

    @Test
    void everyFloatNearEveryEdgeFallsOnTheRightSide() {
        int checked = 0;
        for (int k = 0; k <= 1000; k++) {
            float centre = (float) (k / 1000.0);
            float up = centre;
            float down = centre;
            for (int j = 0; j < 300; j++) {
                if (up <= 1f) {
                    check(up);
                    checked++;
                }
                if (down >= 0f) {
                    check(down);
                    checked++;
                }
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        assertTrue(checked > 500_000);
    }

    @Test
    void randomFloatsAndSpecialValues() {
        Random rnd = new Random(5);
        for (int i = 0; i < 1_000_000; i++) {
            check(rnd.nextFloat());
        }
        check(0f);
        check(-0f);
        check(1f);
        check(Float.MIN_VALUE);
        check(Math.nextDown(1f));
        assertEquals(300, Bins.of(0.3f), "0.3f is slightly above 0.3, so it passes t = 0.3");
        assertEquals(299, Bins.of(Math.nextDown(0.3f)), "the float below 0.3f is below 0.3");
        assertEquals(1000, Bins.of(1.0));
    }

    @Test
    void doublesNextToAnEdgeNeedTheCorrection() {
        // For a float p the product p*1000 is exact in double, so truncation alone would do; for a double it is not:
        // Math.nextDown(0.117) * 1000 rounds up to 117.0 although the value is below 0.117 (found with Python:
        // int(math.nextafter(0.117, 0) * 1000) == 117). Bins.of(double) must still place it in bin 116.
        double p = Math.nextDown(0.117);
        assertEquals(117, (int) (p * 1000), "the naive truncation misplaces this double");
        assertEquals(116, Bins.of(p));
        int wrongNaive = 0;
        for (int k = 1; k <= 1000; k++) {
            double d = k / 1000.0;
            for (int j = 0; j < 5; j++) {
                d = Math.nextDown(d);
                int b = Bins.of(d);
                assertTrue(d >= b / 1000.0 && d < (b + 1) / 1000.0, "double " + d + " bin " + b);
                wrongNaive += (int) (d * 1000) != b ? 1 : 0;
            }
        }
        assertEquals(15, wrongNaive, "15 such doubles among the 5 below each edge (count from the same Python scan)");
    }
}
