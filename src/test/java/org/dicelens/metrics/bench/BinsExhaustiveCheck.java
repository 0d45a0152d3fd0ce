package org.dicelens.metrics.bench;

import org.dicelens.metrics.Bins;

/**
 * The one-off check behind {@link Bins#ofFloat}: every float in [0,1] lands in the bin the exact edges define. Not a
 * unit test (about 15 s); run with {@code java -cp target/test-classes:target/classes
 * org.dicelens.metrics.bench.BinsExhaustiveCheck}. Result on 2025-11-25: 1065353217 floats, 0 misplaced.
 */
public final class BinsExhaustiveCheck {
    private BinsExhaustiveCheck() {
    }

    public static void main(String[] args) {
        long n = 0;
        long bad = 0;
        for (int bits = 0;; bits++) {
            float f = Float.intBitsToFloat(bits);
            if (f > 1f) {
                break;
            }
            double p = f;
            int b = Bins.ofFloat(f);
            if (!(p >= b / 1000.0) || !(b == 1000 || p < (b + 1) / 1000.0)) {
                bad++;
            }
            n++;
        }
        System.out.println("floats in [0,1]: " + n + ", misplaced: " + bad);
    }
}
