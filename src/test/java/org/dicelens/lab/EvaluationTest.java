package org.dicelens.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dicelens.phantom.LabCase;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /**
     * Hand-worked, voxels of 2 mL·10⁻³ (1x1x2 mm): case A, r = 1 1 0 0, q = .9 .6 .3 0, p = .8 .4 .5 .1:
     * Σp 1.8, hard {0, 2} = 2 voxels, TP 1, R 2, Σq 1.8, I = 1.2; ΔV_soft vs ref = −0.2·v, ΔV_hard vs ref = 0,
     * vs Σq: 0 and 0.2·v; hard Dice 2/4, soft Dice 2.4/3.8. Case B: all zero, p = 0: both empty, Dice 1, ΔV 0.
     */
    @Test
    void handWorkedCases() {
        Geometry g = Geometry.ofSpacing(4, 1, 1, 1, 1, 2);
        LabCase a = new LabCase("a", g, new float[4], new float[] {0.9f, 0.6f, 0.3f, 0}, new byte[] {1, 1, 0, 0});
        LabCase b = new LabCase("b", g, new float[4], new float[4], new byte[4]);
        Evaluation e = Evaluation.of(List.of(a, b), List.of(new float[] {0.8f, 0.4f, 0.5f, 0.1f}, new float[4]));
        double v = 0.002;
        assertEquals((-0.2 * v + 0) / 2, e.deltaSoftRefMl().mean(), 1e-9);
        assertEquals(Math.sqrt(2 * Math.pow(0.1 * v, 2)), e.deltaSoftRefMl().sd(), 1e-9);
        assertEquals(0, e.deltaHardRefMl().mean(), 1e-12);
        assertEquals(0, e.deltaSoftExpectedMl().mean(), 1e-9);
        assertEquals(0.1 * v, e.deltaHardExpectedMl().mean(), 1e-9);
        assertEquals((0.5 + 1) / 2, e.hardDice().mean(), 1e-9);
        assertEquals((2.4 / 3.8 + 1) / 2, e.softDice().mean(), 1e-6);
        assertEquals(0.9 * v, e.softMl().mean(), 1e-9);
        assertEquals(1 * v, e.hardMl().mean(), 1e-9);
        assertEquals(2, e.hardDice().n());
    }

    @Test
    void statsUseTheSampleSd() {
        Stats s = Stats.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-12);
        assertEquals("2.50 ± 1.29", s.format(2));
        assertEquals(0, Stats.of(new double[] {7}).sd());
    }
}
