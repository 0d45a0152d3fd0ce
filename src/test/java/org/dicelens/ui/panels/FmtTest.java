package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 19, item 15: a value that rounds to zero shows as 0.0, never "−0.0" or "+0.0". */
class FmtTest {
    @Test
    void zeroHasNoSign() {
        assertEquals("0.0", Fmt.num(-0.04, 1));
        assertEquals("0.0", Fmt.num(-0.0, 1));
        assertEquals("-0.1", Fmt.num(-0.06, 1));
        assertEquals("0.0", Fmt.signed(-0.04, 1));
        assertEquals("0.00", Fmt.signed(0.001, 2));
        assertEquals("−0.10", Fmt.signed(-0.1, 2));
        assertEquals("+1.50", Fmt.signed(1.5, 2));
        assertEquals("−10.0", Fmt.signed(-10.0, 1), "zeros after a non-zero digit keep the sign");
    }

    @Test
    void aRangeHasOnePrecision() {
        assertEquals("12 – 1234", Fmt.range(12.345, 1234.0), "span 1222: whole numbers");
        assertEquals("0.000 – 0.950", Fmt.range(0, 0.95), "span 0.95: three decimals");
        assertEquals("100.0 – 112.5", Fmt.range(100, 112.5));
    }
}
