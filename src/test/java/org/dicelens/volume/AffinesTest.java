package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.dicelens.nifti.NiftiHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Affines against nibabel 5.0.0 (Debian python3-nibabel). Header fields are the float32 values of the real
 * files printed as doubles by nibabel; expected matrices are {@code header.get_qform()}, {@code img.affine}
 * and {@code nibabel.aff2axcodes(affine)} printed with repr().
 */
class AffinesTest {

    static NiftiHeader qformHeader(double[] pixdim4, double[] quat, double[] qoffset) {
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, 2, 2, 2, 1, 1, 1, 1};
        System.arraycopy(pixdim4, 0, h.pixdim, 0, 4);
        h.quatern_b = quat[0];
        h.quatern_c = quat[1];
        h.quatern_d = quat[2];
        h.qoffset_x = qoffset[0];
        h.qoffset_y = qoffset[1];
        h.qoffset_z = qoffset[2];
        h.qform_code = 1;
        return h;
    }

    static void assertAffine(double[] expected12, double[] actual16, double tol) {
        for (int i = 0; i < 12; i++) {
            assertEquals(expected12[i], actual16[i], tol, "affine entry row " + i / 4 + " column " + i % 4);
        }
        assertArrayEquals(new double[] {0, 0, 0, 1}, new double[] {actual16[12], actual16[13], actual16[14], actual16[15]});
    }

    @Test
    void qformOfObliqueRealHeadersMatchesNibabel() {
        // niivue FLAIR.nii.gz: qfac +1, oblique
        assertAffine(new double[] {0.9935920088841778, 0.016005020391021512, 0.11188726113274432, -64.89823913574219,
            -0.04970492869231561, 0.9509366501023718, 0.3053668409565305, -110.43114471435547, -0.1015102947744501,
            -0.3089714012887959, 0.9456385848940609, -27.925539016723633},
                Affines.qform(qformHeader(new double[] {1, 1, 1, 1},
                        new double[] {-0.15573757886886597, 0.054097265005111694, -0.01665777526795864},
                        new double[] {-64.89823913574219, -110.43114471435547, -27.925539016723633})),
                1e-12);
        // sct mt/label/template/PAM50_gm.nii.gz: qfac -1, anisotropic 0.84 x 0.84 x 17 mm
        assertAffine(new double[] {-0.8433794707509221, -7.20413113481637e-08, -0.5037564149040323, 10.726137161254883,
            -0.0018742386676020373, 0.8413762185236575, 1.273740466763311, -17.24128532409668, -0.02493226915688564,
            -0.06324651296969055, 16.944728227321104, -25.065204620361328},
                Affines.qform(qformHeader(new double[] {-1, 0.84375, 0.84375, 17},
                        new double[] {-0.0005558033590205014, 0.9991866946220398, -0.037501685321331024},
                        new double[] {10.726137161254883, -17.24128532409668, -25.065204620361328})),
                1e-12);
        // sct t2/t2.nii.gz: qfac -1, quaternion (0.5,-0.5,-0.5): axes permuted (PSR)
        assertAffine(new double[] {0, 0, 1, -32.21928405761719, -1, 0, 0, 31.786605834960938, 0, 1, 0, -19.321670532226562},
                Affines.qform(qformHeader(new double[] {-1, 1, 1, 1}, new double[] {0.5, -0.5, -0.5},
                        new double[] {-32.21928405761719, 31.786605834960938, -19.321670532226562})),
                1e-15);
        // sct t2s/t2s.nii.gz: qfac -1, a^2 = 3.1e-6 (small but above nifti1_io's 1e-7 cut)
        assertAffine(new double[] {-0.49999687021045447, -8.495130312095213e-08, 0.02653677190291116, 9.424601554870605,
            -3.100670429013995e-05, 0.4999236185322864, -0.13108888918550865, -13.220688819885254, 0.001768846611280117,
            0.008739315395255902, 7.498806384869211, 2.5802221298217773},
                Affines.qform(qformHeader(new double[] {-1, 0.5, 0.5, 7.499999046325684},
                        new double[] {1.5546445865766145e-05, -0.9999602437019348, -0.008739635348320007},
                        new double[] {9.424601554870605, -13.220688819885254, 2.5802221298217773})),
                1e-12);
    }

    @Test
    void qformWithQfacMinusOneAndA180DegreeQuaternion() {
        // nibabel/anatomical.nii and spm12 grey.nii: quaternion (0,1,0) so a = 0 exactly, qfac -1: LAS
        assertAffine(new double[] {-2, 0, 0, 32, 0, 2, 0, -40, 0, 0, 2, -16},
                Affines.qform(qformHeader(new double[] {-1, 2, 2, 2}, new double[] {0, 1, 0}, new double[] {32, -40, -16})),
                1e-15);
        assertAffine(new double[] {-2, 0, 0, 90, 0, 2, 0, -126, 0, 0, 2, -72},
                Affines.qform(qformHeader(new double[] {-1, 2, 2, 2}, new double[] {0, 1, 0}, new double[] {90, -126, -72})),
                1e-15);
    }

    @Test
    void qformRenormalisesAQuaternionWhoseNormExceedsOne() {
        // float32(0.6)^2 + float32(0.8)^2 = 1.0000000477: 1 - |q|^2 < 0, so a = 0 and (b,c,d) is renormalised.
        // nibabel agrees here (fillpositive sets w = 0, quat2mat normalises): header.get_qform() with
        // pixdim (-1, 1.5, 2, 3), quatern (0.6, 0.8, 0), qoffset (10, -20, 30).
        assertAffine(new double[] {-0.4199999656677253, 1.9200000133514397, 0, 10, 1.4400000100135797, 0.5599999542236338, 0,
            -20, 0, 0, 3, 30},
                Affines.qform(qformHeader(new double[] {-1, 1.5, 2, 3}, new double[] {0.6000000238418579, 0.800000011920929, 0},
                        new double[] {10, -20, 30})),
                1e-12);
    }

    @Test
    void qformFollowsNifti1IoWhenASquaredIsBelowTheCut() {
        // nibabel/example4d.nii.gz: 1 - |q|^2 = 1.005e-9 < 1e-7, below float32 resolution of the stored quaternion.
        // nifti1_io sets a = 0 and renormalises; expected = nibabel.quaternions.quat2mat([0, b, c, d]) * zooms
        // (z negated for qfac -1). nibabel's own get_qform keeps w = sqrt(1.005e-9) and differs by up to 1.4e-4 mm.
        double[] q = Affines.qform(qformHeader(new double[] {-1, 2, 2, 2.1999990940093994},
                new double[] {-1.9451068140294884e-26, -0.9967085123062134, -0.0810687392950058},
                new double[] {117.8551025390625, -35.72294235229492, -7.248798370361328}));
        assertAffine(new double[] {-1.9999999999999996, 7.754818083349146e-26, -6.938240866840628e-27, 117.8551025390625,
            7.754818083349146e-26, 1.9737114380100416, -0.3555282251099068, -35.72294235229492, 6.307494294641727e-27,
            0.3232076104740321, 2.17108168772904, -7.248798370361328}, q, 1e-12);
        // the sform the same file carries (written by the tool that made it) agrees with this reading to 1e-7
        assertAffine(new double[] {-2.0, 6.714715653593746e-19, 9.081024511081715e-18, 117.8551025390625,
            -6.714715653593746e-19, 1.9737114906311035, -0.35552823543548584, -35.72294235229492, 8.25548088896093e-18,
            0.3232076168060303, 2.171081781387329, -7.248798370361328}, q, 1e-7);
    }

    @Test
    void fromHeaderPrefersSformThenQformThenPixdim() {
        // PAM50_gm.nii.gz: sform_code 1, qform_code 2; nibabel's img.affine is the sform
        NiftiHeader h = qformHeader(new double[] {-1, 0.84375, 0.84375, 17},
                new double[] {-0.0005558033590205014, 0.9991866946220398, -0.037501685321331024},
                new double[] {10.726137161254883, -17.24128532409668, -25.065204620361328});
        h.qform_code = 2;
        h.sform_code = 1;
        h.xyzt_units = 2;
        h.srow_x = new double[] {-0.8433794379234314, -7.216049624503285e-08, -0.5037564039230347, 10.726137161254883};
        h.srow_y = new double[] {-0.001874238601885736, 0.8413762450218201, 1.2737404108047485, -17.24128532409668};
        h.srow_z = new double[] {-0.024932267144322395, -0.06324651092290878, 16.944726943969727, -25.065204620361328};
        assertAffine(new double[] {-0.8433794379234314, -7.216049624503285e-08, -0.5037564039230347, 10.726137161254883,
            -0.001874238601885736, 0.8413762450218201, 1.2737404108047485, -17.24128532409668, -0.024932267144322395,
            -0.06324651092290878, 16.944726943969727, -25.065204620361328}, h.affineMm(), 0);

        h.sform_code = 0; // then nibabel's get_best_affine is the qform
        assertAffine(new double[] {-0.8433794707509221, -7.20413113481637e-08, -0.5037564149040323, 10.726137161254883,
            -0.0018742386676020373, 0.8413762185236575, 1.273740466763311, -17.24128532409668, -0.02493226915688564,
            -0.06324651296969055, 16.944728227321104, -25.065204620361328}, h.affineMm(), 1e-12);

        // neither code: nifti1.h "method 1", diag(pixdim) with the origin at voxel 0. (nibabel differs on purpose
        // here: it falls back to the Analyze affine, x flipped and centred.) Signs of pixdim are ignored.
        h.qform_code = 0;
        h.pixdim = new double[] {-1, 0.5, -2, 3, 0, 0, 0, 0};
        assertAffine(new double[] {0.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0}, h.affineMm(), 0);
        h.pixdim = new double[] {1, 0, 2, 3, 0, 0, 0, 0}; // an unset pixdim counts as 1 so the grid is not singular
        assertAffine(new double[] {1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0}, h.affineMm(), 0);
    }

    @Test
    void spatialUnitsScaleTheAffineToMillimetres() {
        NiftiHeader h = new NiftiHeader();
        h.sform_code = 1;
        h.srow_x = new double[] {0.001, 0, 0, 0.010};
        h.srow_y = new double[] {0, 0.002, 0, -0.020};
        h.srow_z = new double[] {0, 0, 0.003, 0.030};
        h.xyzt_units = 1 | 8; // metres, seconds: the time bits must not matter
        assertAffine(new double[] {1, 0, 0, 10, 0, 2, 0, -20, 0, 0, 3, 30}, h.affineMm(), 1e-12);
        h.xyzt_units = 3 | 16; // micrometres, milliseconds
        assertAffine(new double[] {1e-6, 0, 0, 1e-5, 0, 2e-6, 0, -2e-5, 0, 0, 3e-6, 3e-5}, h.affineMm(), 1e-18);
        h.xyzt_units = 0; // unknown: millimetres, as nibabel and the formula sheet assume
        assertAffine(new double[] {0.001, 0, 0, 0.01, 0, 0.002, 0, -0.02, 0, 0, 0.003, 0.03}, h.affineMm(), 0);
        assertEquals(1000.0, org.dicelens.nifti.NiftiHeader.mmPerUnit(1));
        assertEquals(1.0, org.dicelens.nifti.NiftiHeader.mmPerUnit(2));
        assertEquals(0.001, org.dicelens.nifti.NiftiHeader.mmPerUnit(3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // real files: img.affine of nibabel, expected aff2axcodes
        "anatomical.nii; -2, 0, 0, 0, 2, 0, 0, 0, 2; LAS",
        "FLAIR.nii.gz; 0.9935920238494873, 0.01600503921508789, 0.11188727617263794, -0.049704909324645996, 0.9509366750717163,"
            + " 0.3053668737411499, -0.10151028633117676, -0.3089714050292969, 0.9456385970115662; RAS",
        "PAM50_gm.nii.gz; -0.8433794379234314, -7.216049624503285e-08, -0.5037564039230347, -0.001874238601885736,"
            + " 0.8413762450218201, 1.2737404108047485, -0.024932267144322395, -0.06324651092290878, 16.944726943969727; LAS",
        "t2.nii.gz; 0, 0, 1, -1, 0, 0, 0, 1, 0; PSR",
        "t2s.nii.gz; -0.4999968707561493, -8.495162262533995e-08, 0.026536772027611732, -3.100670437561348e-05,"
            + " 0.49992361664772034, -0.13108888268470764, 0.0017688466468825936, 0.00873931497335434, 7.498806476593018; LAS",
        "example4d.nii.gz; -2.0, 6.714715653593746e-19, 9.081024511081715e-18, -6.714715653593746e-19, 1.9737114906311035,"
            + " -0.35552823543548584, 8.25548088896093e-18, 0.3232076168060303, 2.171081781387329; LAS",
        // hand-made
        "identity; 1, 0, 0, 0, 1, 0, 0, 0, 1; RAS",
        "LPS; -1, 0, 0, 0, -1, 0, 0, 0, 1; LPS",
        "rotated 0.5 rad about z, zooms 0.5 0.5 4; 0.4387912809451864, -0.2397127693021015, 0, 0.2397127693021015,"
            + " 0.4387912809451864, 0, 0, 0, 4; RAS",
        "zero column (singular): nibabel gives None; 2, 0, 0, 0, 0, 0, 0, 0, 3; R?S",
        // rotation x zoom x shear, where taking each column's largest entry would differ (naive answer in brackets)
        "sheared 1 [SPR]; -1.7315, 0.1785, 0.3182, 1.8051, -0.7748, -2.7712, 2.9815, -1.3276, 0.1756; LIP",
        "sheared 2 [SPR]; -0.2998, 1.7134, 1.463, -0.0332, -2.0071, 2.128, 1.1589, 0.1337, 0.6758; SRA",
        "sheared 3 [ALS]; -0.1058, -0.1097, 3.3152, 2.0206, -0.2842, -0.92, 0.6834, 0.0922, 2.0326; ASR",
        "sheared 4 [LSA]; -2.7182, -1.5376, 0.6364, 1.9562, 0.7605, 2.406, -1.5916, 0.8696, 0.5903; ILA",
        "sheared 5 [LIP]; -0.6332, 0.328, 2.0747, -0.5378, -0.316, -0.7093, 0.4316, -0.4547, 1.9398; PIR",
        "sheared 6 [IPL]; -1.3759, -0.9129, -1.598, 0.2866, -4.5992, -0.797, -1.4086, -0.6318, 1.4927; LPS",
        "sheared 7 [AIL]; -0.8332, -1.3584, -1.0753, 4.4475, 0.7279, 0.2473, -0.2798, -1.4166, 1.5457; ALS",
        "sheared 8 [SPR]; -1.9483, 0.4451, 3.5869, 2.7008, -0.9207, -0.7576, 3.1032, 5.6295, 1.2582; ASR",
        "nibabel random 1 [PRI]; 0.3, 0.0, 0.5, -0.7, -0.2, -0.5, 0.6, 0.0, -0.3; SPR",
    })
    void orientationAgreesWithNibabelAff2axcodes(String what, String matrix, String expected) {
        String[] t = matrix.split(",");
        double[] m = new double[16];
        for (int i = 0; i < 9; i++) {
            m[4 * (i / 3) + i % 3] = Double.parseDouble(t[i].trim());
        }
        m[15] = 1;
        assertEquals(expected, Affines.orientation(m), what);
    }

    @Test
    void invertUndoesApplyAndComposesToIdentity() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            double[] m = new double[16];
            for (int i = 0; i < 12; i++) {
                m[i] = rnd.nextGaussian() * (i % 4 == 3 ? 100 : 2);
            }
            m[15] = 1;
            if (Math.abs(Affines.det3(m)) < 0.1) {
                continue;
            }
            double[] inv = Affines.invert(m);
            double[] p = {rnd.nextDouble() * 200, rnd.nextDouble() * 200, rnd.nextDouble() * 50};
            double[] w = Affines.apply(m, p[0], p[1], p[2]);
            double[] back = Affines.apply(inv, w[0], w[1], w[2]);
            assertArrayEquals(p, back, 1e-8);
            // brute-force product m * inv = I
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    double s = 0;
                    for (int k = 0; k < 4; k++) {
                        s += m[4 * r + k] * inv[4 * k + c];
                    }
                    assertEquals(r == c ? 1 : 0, s, 1e-9, "product entry " + r + "," + c);
                }
            }
        }
    }

    @Test
    void det3IsTheDeterminantOfTheLinearPart() {
        // hand-worked: rows (2,0,0),(1,3,0),(4,5,6) -> lower triangular, det = 2*3*6
        assertEquals(36, Affines.det3(new double[] {2, 0, 0, 9, 1, 3, 0, 9, 4, 5, 6, 9, 0, 0, 0, 1}), 0);
        // a reflection flips the sign
        assertEquals(-8, Affines.det3(new double[] {-2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1}), 0);
    }
}
