package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dicelens.RealData;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/**
 * The facts of ../shared/realdata/README.md reproduced through the loader and the engine. Expected values were computed
 * independently with nibabel 5.0 + numpy 1.24 (python3, get_fdata(), so scl_slope/scl_inter applied), e.g.
 * {@code 2*((p32>=0.5)&g).sum()/((p32>=0.5).sum()+g.sum())} with p32 the map cast to float32 as DiceLens stores it.
 * <p>
 * Which threshold applies: the README's hard masks use p &gt; 0.5, the formula sheet p &ge; t. For PAM50_gm no voxel is
 * exactly 0.5 (in float64 or float32), so both give the same 0.4857 (TP 34, FP 7, FN 65: 68/140).
 */
class RealDataMetricsTest {
    private static final String MT = "sct_spinalcord/mt/";

    private static Engine engine(CaseSpec spec) throws Exception {
        return Engine.build(CaseLoader.load(spec, Progress.NONE), Progress.NONE);
    }

    @Test
    void sctMtGreyMatterAgainstPam50Template() throws Exception {
        Path gt = RealData.file(MT + "mt1_gmseg_goldstandard.nii.gz");
        Path pam = RealData.file(MT + "label/template/PAM50_gm.nii.gz");
        Engine e = engine(CaseSpec.of(gt, pam));
        int gm = e.caseData().classes().channelOf(1);
        ClassMetrics m = e.evaluate(Settings.defaults(e.classCount())).classes().get(gm);
        assertEquals(99, m.refVoxels(), 0);
        assertEquals(34, m.tp());
        assertEquals(7, m.fp());
        assertEquals(65, m.fn());
        assertEquals(0.4857142857142857, m.hardDice(), 1e-12);
        // soft Dice 2Σpg/(Σp+Σg): numpy gives 0.45648692305817 with p cast to float32 (0.4564869231565 in float64)
        assertEquals(0.45648692305817123, m.softDice(), 1e-9);
        // Σp = 41.24416831252165, I = 32.009814434917644 (float32 values, summed in float64 by numpy)
        assertEquals(41.24416831252165, m.softVoxels(), 1e-9);
        // volumes: |det| of the sform's 3x3 (sform_code 1) / 1000 = 0.012102540264269972 mL (nibabel), not quite the
        // pixdim product 0.84375 x 0.84375 x 17 / 1000 = 0.0121025390625 (the sform is stored in float32)
        assertEquals(99 * 0.012102540264269972, m.refMl(), 1e-12);
    }

    @Test
    void sctMtSoftDiceWithTheGreyMatterSegmentationThatExceedsOne() throws Exception {
        // mt1_gmseg has 12 voxels above 1 (max 1.0592). The README's 0.7855 (0.78550460) uses them as they are;
        // DiceLens clamps them to 1 (and counts them), which lowers I and Σp by the same 0.17344 (all 12 lie in the
        // reference): 2·76.98245/(97.27581 + 99) = 0.78443141 (numpy on the float32 values clipped to [0, 1]).
        Path gt = RealData.file(MT + "mt1_gmseg_goldstandard.nii.gz");
        Path seg = RealData.file(MT + "mt1_gmseg.nii.gz");
        Engine e = engine(CaseSpec.of(gt, seg));
        int gm = e.caseData().classes().channelOf(1);
        CaseMetrics cm = e.evaluate(Settings.defaults(e.classCount()));
        ClassMetrics m = cm.classes().get(gm);
        assertEquals(0.7844314106369729, m.softDice(), 1e-9);
        assertEquals(97.27580513060093, m.softVoxels(), 1e-9);
        assertTrue(cm.clampedValues() >= 12, "the 12 values above 1 are counted: " + cm.clampedValues());
        // at t = 0.5 the hard segmentation equals the reference (numpy: Dice 1.0 with >= 0.5 and with > 0.5)
        assertEquals(1.0, m.hardDice(), 0);
    }

    @Test
    void sctT2CordDeepSegAgainstManual() throws Exception {
        Path manual = RealData.file("sct_spinalcord/t2/t2_seg-manual.nii.gz");
        Path deep = RealData.file("sct_spinalcord/t2/t2_seg-deepseg_sc-3d.nii.gz");
        Engine e = engine(CaseSpec.of(manual, deep));
        int cord = e.caseData().classes().channelOf(1);
        ClassMetrics m = e.evaluate(Settings.defaults(e.classCount())).classes().get(cord);
        assertEquals(4275, m.refVoxels(), 0);
        assertEquals(4285, m.hardVoxels(), 0);
        // numpy: 2·4195/(4275+4285) = 0.9808411214953271 (a 0/1 map: soft and hard agree)
        assertEquals(0.9808411214953271, m.hardDice(), 1e-12);
        assertEquals(0.9808411214953271, m.softDice(), 1e-12);
        // 1 mm isotropic: volumes in mL are voxels / 1000
        assertEquals(4.285 - 4.275, m.deltaHardMl(), 1e-12);
    }

    @Test
    void spmTissuePriorSums() throws Exception {
        // big-endian uint8 with scl_slope 1/255. numpy sums of the float32 values: grey 115523.23354732664,
        // white 88808.28753819922, csf 41583.566994295456 (README: 115523.23, 88808.29, 41583.57).
        String[] names = {"grey", "white", "csf"};
        double[] expected = {115523.23354732664, 88808.28753819922, 41583.566994295456};
        NiftiVolume[] v = new NiftiVolume[3];
        for (int k = 0; k < 3; k++) {
            v[k] = NiftiReader.read(RealData.file("spm12_tissue_priors/" + names[k] + ".nii"));
        }
        Geometry g = Geometry.fromHeader(v[0].header());
        int n = g.voxelCount();
        float[][] p = new float[4][];
        p[0] = new float[n];
        for (int k = 0; k < 3; k++) {
            p[k + 1] = v[k].channelAsFloat(0);
        }
        for (int i = 0; i < n; i++) {
            p[0][i] = 1 - p[1][i] - p[2][i] - p[3][i]; // background, as the README describes (may dip below 0)
        }
        Case c = new Case("spm", g, null, new byte[n], new ProbabilityMaps(g, p, 0, List.of("spm")),
                ClassTable.forLabels(0, 1, 2, 3), List.of());
        Engine e = Engine.build(c, Progress.NONE);
        CaseMetrics cm = e.evaluate(Settings.defaults(4));
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k], cm.classes().get(k + 1).softVoxels(), 2e-3, names[k]);
            // 2 mm isotropic: 0.008 mL per voxel
            assertEquals(expected[k] * 0.008, cm.classes().get(k + 1).softMl(), 2e-5, names[k]);
        }
        // no reference foreground: the whole volume, every margin
        assertEquals(n, cm.regionVoxels());
        // max(grey) = 0.976471: exactly one voxel passes t = 0.976 and none t = 0.977 (numpy on the float32 values)
        ThresholdSweep grey = e.sweep(Settings.defaults(4), 1);
        assertEquals(1, grey.tp()[976] + grey.fp()[976]);
        assertEquals(0, grey.tp()[977] + grey.fp()[977]);
    }
}
