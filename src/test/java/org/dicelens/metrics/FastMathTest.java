package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** FastMath against java.lang.Math over the arguments the log pass uses: a few ulps. */
class FastMathTest {
    private static void rel(String what, double expected, double actual, double tol) {
        double err = Math.abs(expected - actual);
        if (!(err <= tol * Math.abs(expected)) && !(expected == 0 && actual == 0)) {
            fail(what + ": expected " + expected + " was " + actual + " rel " + err / Math.abs(expected));
        }
    }

    @Test
    void logOnProbabilitiesAndTheirComplements() {
        Random rnd = new Random(11);
        for (int i = 0; i < 1_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> 1e-7 + rnd.nextDouble() * (1 - 2e-7); // uniform in the clamp range
                case 1 -> Math.exp(-rnd.nextDouble() * 16.2); // log-uniform down to 1e-7
                case 2 -> 1 - rnd.nextDouble() * 0.02; // near 1, where cancellation threatens
                default -> (double) rnd.nextFloat() + Double.MIN_NORMAL; // float inputs, tiny ones too
            };
            double exp = Math.log(x);
            double act = FastMath.log(x);
            if (Math.abs(exp - act) > 1e-15 * Math.abs(exp)) {
                fail("log(" + x + "): expected " + exp + " was " + act);
            }
        }
        // the clamp limits, and 1 − q for the clamp floor (as the passes compute it)
        rel("log(1e-7)", Math.log(1e-7), FastMath.log(1e-7), 1e-15);
        rel("log(1-1e-7)", Math.log(1 - 1e-7), FastMath.log(1 - 1e-7), 1e-15);
        for (double x = 1; x > 0.97; x -= 1.3e-7) {
            rel("log(" + x + ")", Math.log(x), FastMath.log(x), 1e-15);
        }
        assertEquals(0.0, FastMath.log(1.0));
        rel("log(MIN_NORMAL)", Math.log(Double.MIN_NORMAL), FastMath.log(Double.MIN_NORMAL), 1e-15);
    }

    @Test
    void expAndPow() {
        Random rnd = new Random(12);
        for (int i = 0; i < 1_000_000; i++) {
            double x = -60 + 66 * rnd.nextDouble();
            double exp = Math.exp(x);
            if (Math.abs(exp - FastMath.exp(x)) > 1e-15 * exp) {
                fail("exp(" + x + "): expected " + exp + " was " + FastMath.exp(x));
            }
        }
        double[] gammas = {0.3, 0.5, 4.0 / 3, 1.5, 2, 3};
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? rnd.nextDouble() : Math.exp(-rnd.nextDouble() * 100);
            double g = gammas[i % gammas.length];
            // exp(y ln x) turns log's relative error into |y ln x| times as much: a few ulps per unit of |y ln x|
            double exp = Math.pow(x, g);
            if (Math.abs(exp - FastMath.pow(x, g)) > 4e-16 * (1 + Math.abs(g * Math.log(x))) * exp) {
                fail("pow(" + x + "," + g + "): expected " + exp + " was " + FastMath.pow(x, g));
            }
        }
        assertEquals(0.0, FastMath.pow(0, 2));
        assertEquals(1.0, FastMath.pow(0, 0));
        assertEquals(1.0, FastMath.pow(0.5, 0));
        assertEquals(0.0, FastMath.exp(-1000));
        assertEquals(Double.POSITIVE_INFINITY, FastMath.exp(1000));
    }
}
