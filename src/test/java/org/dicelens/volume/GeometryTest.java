package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.dicelens.nifti.NiftiHeader;
import org.junit.jupiter.api.Test;

/** Geometry: expected figures from nibabel 5.0.0 / numpy on the real files (values printed with repr()). */
class GeometryTest {
    /** sform of sct mt/label/template/PAM50_gm.nii.gz (nibabel img.affine), 40x40x5. */
    static final double[] PAM50 = {-0.8433794379234314, -7.216049624503285e-08, -0.5037564039230347, 10.726137161254883,
        -0.001874238601885736, 0.8413762450218201, 1.2737404108047485, -17.24128532409668, -0.024932267144322395,
        -0.06324651092290878, 16.944726943969727, -25.065204620361328, 0, 0, 0, 1};
    /** sform of sct mt/mt1_gmseg_goldstandard.nii.gz. */
    static final double[] GOLD = {-0.8433794975280762, -1.402628413416096e-07, -0.5037561058998108, 10.726137161254883,
        -0.0018743056571111083, 0.8413762450218201, 1.273740530014038, -17.24128532409668, -0.024932248517870903,
        -0.06324651837348938, 16.94472885131836, -25.065204620361328, 0, 0, 0, 1};
    /** sform of sct mt/mt1.nii.gz (the image): its float32 round-off differs from GOLD by up to ~3e-4 mm. */
    static final double[] MT1 = {-0.8433793783187866, 0.0, -0.5038068890571594, 10.726152420043945, -0.0018743108958005905,
        0.8413761854171753, 1.273740291595459, -17.241294860839844, -0.02493477612733841, -0.06324651092290878,
        16.944726943969727, -25.065404891967773, 0, 0, 0, 1};
    /** sform of sct t2/t2.nii.gz (60x55x52, PSR). */
    static final double[] T2 = {0, 0, 1, -32.21928405761719, -1, 0, 0, 31.786605834960938, 0, 1, 0, -19.321670532226562, 0, 0,
        0, 1};

    @Test
    void voxelToWorldMatchesNumpy() {
        Geometry g = new Geometry(40, 40, 5, PAM50);
        // numpy: img.affine @ [i, j, k, 1]
        assertArrayEquals(new double[] {10.726137161254883, -17.24128532409668, -25.065204620361328}, g.voxelToWorld(0, 0, 0),
                1e-12);
        assertArrayEquals(new double[] {-24.180689347710434, 20.594254569499753, 39.27473081089556}, g.voxelToWorld(39, 39, 4),
                1e-12);
        assertArrayEquals(new double[] {-7.148965126664777, -6.317526824306697, 7.693138815462589}, g.voxelToWorld(20, 10, 2),
                1e-12);
        // numpy: inv(img.affine) @ [0, 0, 0, 1]
        assertArrayEquals(new double[] {11.783665899518693, 18.14983248391707, 1.564316249686387}, g.worldToVoxel(0, 0, 0),
                1e-9);
    }

    @Test
    void worldToVoxelUndoesVoxelToWorld() {
        double[][] affines = {PAM50, T2, new double[] {-2, 0, 0, 90, 0, 2, 0, -126, 0, 0, 2, -72, 0, 0, 0, 1}};
        Random rnd = new Random(3);
        for (double[] a : affines) {
            Geometry g = new Geometry(40, 50, 30, a);
            for (int trial = 0; trial < 100; trial++) {
                double i = rnd.nextDouble() * 40 - 0.5;
                double j = rnd.nextDouble() * 50 - 0.5;
                double k = rnd.nextDouble() * 30 - 0.5;
                double[] w = g.voxelToWorld(i, j, k);
                assertArrayEquals(new double[] {i, j, k}, g.worldToVoxel(w[0], w[1], w[2]), 1e-9);
            }
            // the other way round, from world points
            double[] v = g.worldToVoxel(1.5, -2.25, 7);
            assertArrayEquals(new double[] {1.5, -2.25, 7}, g.voxelToWorld(v[0], v[1], v[2]), 1e-9);
        }
    }

    @Test
    void voxelVolumeIsAbsDetOverAThousand() {
        // nibabel: abs(det(img.affine[:3,:3])) / 1000
        assertEquals(0.012102538053913424, new Geometry(40, 40, 5, PAM50).voxelMl(), 1e-15);
        assertEquals(0.001, new Geometry(60, 55, 52, T2).voxelMl(), 1e-15);
        assertEquals(0.008, Geometry.ofSpacing(91, 109, 91, -2, 2, 2).voxelMl(), 1e-15); // spm priors, LAS
    }

    @Test
    void voxelVolumeFollowsXyztUnits() {
        // LOSSES.md: mm when unset; metres x 1e9 and micrometres x 1e-9 in mm^3. Hand-worked figures.
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, 4, 4, 4, 1, 1, 1, 1};
        h.pixdim = new double[] {1, 0.001, 0.001, 0.002, 0, 0, 0, 0}; // 1 x 1 x 2 mm written in metres
        h.xyzt_units = 1 | 8;
        assertEquals(0.002, Geometry.fromHeader(h).voxelMl(), 1e-15);
        h.pixdim = new double[] {1, 500, 500, 1000, 0, 0, 0, 0}; // 0.5 x 0.5 x 1 mm in micrometres
        h.xyzt_units = 3;
        assertEquals(0.00025, Geometry.fromHeader(h).voxelMl(), 1e-15);
        h.pixdim = new double[] {1, 2, 2, 2.5, 0, 0, 0, 0};
        h.xyzt_units = 0; // unset: mm
        assertEquals(0.01, Geometry.fromHeader(h).voxelMl(), 1e-15);
        h.xyzt_units = 2; // mm
        assertEquals(0.01, Geometry.fromHeader(h).voxelMl(), 1e-15);
        // the same with an oblique sform in metres: |det| scales by 1e9
        h.sform_code = 1;
        h.xyzt_units = 1;
        h.srow_x = new double[] {0, 0.001, 0, 0};
        h.srow_y = new double[] {-0.002, 0, 0, 0};
        h.srow_z = new double[] {0, 0, 0.003, 0};
        assertEquals(0.006, Geometry.fromHeader(h).voxelMl(), 1e-15);
    }

    @Test
    void spacingIsTheColumnNorms() {
        // numpy: sqrt(sum(img.affine[:3,:3]**2, axis=0)) for PAM50_gm
        assertArrayEquals(new double[] {0.8437499671273094, 0.843750026270189, 16.999998716303015},
                new Geometry(40, 40, 5, PAM50).spacing(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, new Geometry(60, 55, 52, T2).spacing(), 0);
    }

    @Test
    void indexIsXFastest() {
        Geometry g = Geometry.ofSpacing(4, 5, 6, 1, 1, 1);
        assertEquals(0, g.index(0, 0, 0));
        assertEquals(3, g.index(3, 0, 0));
        assertEquals(4, g.index(0, 1, 0));
        assertEquals(20, g.index(0, 0, 1));
        assertEquals(4 * 5 * 6 - 1, g.index(3, 4, 5));
        assertEquals(120, g.voxelCount());
        assertArrayEquals(new int[] {4, 5, 6}, g.dims());
    }

    @Test
    void orientationAndToString() {
        assertEquals("LAS", new Geometry(40, 40, 5, PAM50).orientation());
        assertEquals("PSR", new Geometry(60, 55, 52, T2).orientation());
        assertTrue(new Geometry(60, 55, 52, T2).toString().startsWith("60x55x52 PSR"));
    }

    @Test
    void badGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Geometry.ofSpacing(0, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Geometry.ofSpacing(2000, 2000, 2000, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Geometry(1, 1, 1, new double[12]));
    }

    @Test
    void equalGridsHaveNoMismatch() {
        Geometry g = new Geometry(40, 40, 5, PAM50);
        assertNull(g.mismatch(new Geometry(40, 40, 5, PAM50)));
        assertNull(g.mismatch(new Geometry(40, 40, 5, PAM50), 0));
    }

    @Test
    void realFilesOfOneGridAgreeDespiteFloatRoundOff() {
        Geometry gold = new Geometry(40, 40, 5, GOLD);
        assertNull(gold.mismatch(new Geometry(40, 40, 5, PAM50)));
        assertNull(gold.mismatch(new Geometry(40, 40, 5, MT1)));
        assertNull(new Geometry(40, 40, 5, MT1).mismatch(gold));
        // but they are not bit-identical: an exact comparison reports the largest corner distance
        String exact = gold.mismatch(new Geometry(40, 40, 5, MT1), 0);
        assertNotNull(exact);
        assertTrue(exact.startsWith("affines differ: the grid corner at voxel ("), exact);
    }

    @Test
    void differentDimsAreReportedWithBoth() {
        String m = Geometry.ofSpacing(40, 40, 5, 1, 1, 1).mismatch(Geometry.ofSpacing(40, 40, 6, 1, 1, 1));
        assertEquals("dims 40x40x5 vs 40x40x6", m);
    }

    @Test
    void aShiftBeyondTheToleranceIsReported() {
        double[] shifted = PAM50.clone();
        shifted[3] += 0.01; // 0.01 mm: more than 1/100 of the 0.84 mm spacing
        Geometry g = new Geometry(40, 40, 5, PAM50);
        String m = g.mismatch(new Geometry(40, 40, 5, shifted));
        assertNotNull(m);
        assertTrue(m.contains("0.01000 mm apart"), m);
        assertTrue(m.contains("tolerance 0.008437 mm"), m);
        double[] slightly = PAM50.clone();
        slightly[3] += 0.005; // below the tolerance
        assertNull(g.mismatch(new Geometry(40, 40, 5, slightly)));
    }

    @Test
    void aFlipNamesTheOrientations() {
        Geometry ras = new Geometry(10, 10, 10, new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
        Geometry las = new Geometry(10, 10, 10, new double[] {-1, 0, 0, 9, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
        String m = ras.mismatch(las);
        assertNotNull(m);
        // the box corner x = -0.5 maps to x = -0.5 vs 9.5: 10 mm apart (as does x = 9.5); the first is named
        assertTrue(m.startsWith("affines differ: the grid corner at voxel (-0.5,-0.5,-0.5) lies 10.00 mm apart"), m);
        assertTrue(m.contains("orientation RAS vs LAS"), m);
    }

    @Test
    void aDifferentSpacingIsNamed() {
        String m = Geometry.ofSpacing(10, 10, 10, 1, 1, 1).mismatch(Geometry.ofSpacing(10, 10, 10, 1, 1, 1.2));
        assertNotNull(m);
        // box corner z = 9.5: 9.5 vs 11.4 mm
        assertTrue(m.contains("voxel (-0.5,-0.5,9.5) lies 1.900 mm apart"), m);
        assertTrue(m.contains("spacing 1.000x1.000x1.000 vs 1.000x1.000x1.200 mm"), m);
    }

    @Test
    void aDifferentSliceThicknessShowsOnASingleSliceGrid() {
        // one slice: the voxel centres coincide, but the voxels (and their volume in mL) differ
        String m = Geometry.ofSpacing(3, 2, 1, 1, 1, 2).mismatch(Geometry.ofSpacing(3, 2, 1, 1, 1, 3));
        assertNotNull(m);
        assertTrue(m.contains("lies 0.5000 mm apart"), m);
    }

    @Test
    void aNanAffineNeverMatches() {
        double[] nan = PAM50.clone();
        nan[3] = Double.NaN;
        assertNotNull(new Geometry(40, 40, 5, PAM50).mismatch(new Geometry(40, 40, 5, nan)));
    }
}
