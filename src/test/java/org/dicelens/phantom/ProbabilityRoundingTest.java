package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilityRoundingTest {

    /** Rounding to 11 mantissa bits: relative error ≤ 2⁻¹² (half a unit in the last kept place), to nearest. */
    @Test
    void roundingKeepsRelativePrecision() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int k = 0; k < 100_000; k++) {
            float v = (float) Math.pow(10, -12 * rnd.nextDouble());
            float r = ProbabilityRounding.round(v);
            assertTrue(Math.abs(r - v) <= Math.scalb(1.0, -12) * v, v + " → " + r);
            assertTrue(r >= 0 && r <= 1);
        }
        assertEquals(1f, ProbabilityRounding.round(1f));
        assertEquals(0f, ProbabilityRounding.round(0f));
        assertEquals(0.5f, ProbabilityRounding.round(0.5f));
        // 1 + 2^-12 is a tie between 1 and 1 + 2^-11: rounds up; 1 + 2^-13 rounds down
        assertEquals(1 + 0x1p-11f, ProbabilityRounding.round(1 + 0x1p-12f));
        assertEquals(1f, ProbabilityRounding.round(1 + 0x1p-13f));
    }
}
