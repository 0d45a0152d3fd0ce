package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the formula strip writes GDL's sums and smoothing constants (expected strings written by hand). */
class GdlFormulaTest {
    @Test
    void sumsKeepFourSignificantDigitsAtEveryScale() {
        assertEquals("0.8123", GdlFormula.num(0.81234));
        assertEquals("2.0456", GdlFormula.num(2.04561));
        assertEquals("1440.0001", GdlFormula.num(1440.00009));
        assertEquals("0.09469", GdlFormula.num(0.094691));
        assertEquals("0.001235", GdlFormula.num(0.0012346));
        assertEquals("7.123e-5", GdlFormula.num(7.1234e-5));
        assertEquals("3.355e7", GdlFormula.num(33554432));
        assertEquals("0", GdlFormula.num(0));
        assertEquals("–", GdlFormula.num(Double.NaN));
    }

    @Test
    void perClassVoxelSumsWithOneDecimalWhenLarge() {
        assertEquals("837194.5", GdlFormula.voxels(837194.46));
        assertEquals("145.8", GdlFormula.voxels(145.832));
        assertEquals("12.3457", GdlFormula.voxels(12.34567));
    }

    @Test
    void smoothingConstantsInTheirShortestForm() {
        assertEquals("1e-5", GdlFormula.smoothing(1e-5));
        assertEquals("0", GdlFormula.smoothing(0));
        assertEquals("1", GdlFormula.smoothing(1));
        assertEquals("0.5", GdlFormula.smoothing(0.5));
        assertEquals("2.5e-7", GdlFormula.smoothing(2.5e-7));
    }
}
