package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dicelens.RealData;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.junit.jupiter.api.Test;

/**
 * Whole cases loaded from ../shared/realdata (skipped when absent). Expected figures: realdata/README.md and
 * numpy 1.24 / nibabel 5.0.0 on the same files (values as float32, sums in float64), as each comment says.
 * The Dice values are computed here by brute force from the loaded arrays, to check what the loader delivers.
 */
class RealCaseTest {

    static long count(Case c, int channel) {
        long n = 0;
        for (int i = 0; i < c.voxelCount(); i++) {
            n += c.reference(i) == channel ? 1 : 0;
        }
        return n;
    }

    static double softDice(Case c, int channel) {
        double inter = 0;
        double p = 0;
        double r = 0;
        for (int i = 0; i < c.voxelCount(); i++) {
            double pi = c.probability(channel, i);
            double ri = c.reference(i) == channel ? 1 : 0;
            inter += pi * ri;
            p += pi;
            r += ri;
        }
        return 2 * inter / (p + r);
    }

    static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void sctGoldStandardWithTheTemplateAsAForegroundMap() throws Exception {
        Path gold = RealData.file("sct_spinalcord/mt/mt1_gmseg_goldstandard.nii.gz"); // float32 0/1
        Path pam = RealData.file("sct_spinalcord/mt/label/template/PAM50_gm.nii.gz"); // float64 in [0,1]
        Path mt1 = RealData.file("sct_spinalcord/mt/mt1.nii.gz"); // int16 image, sform differs by ~3e-4 mm
        Case c = CaseLoader.load(CaseSpec.of(gold, pam).withImage(mt1), Progress.NONE);
        assertEquals("mt1_gmseg_goldstandard", c.name());
        assertArrayEquals(new int[] {40, 40, 5}, c.geometry().dims());
        assertEquals(PredictionKind.PROBABILITIES, c.predictionKind());
        assertEquals(2, c.classCount());
        assertEquals(99, count(c, 1)); // README: 99 grey-matter voxels
        // numpy: 2*sum(p*g)/(sum(p)+sum(g)) = 0.45648692305817123 (README: 0.4565); sum(p) = 41.24416831252165
        assertEquals(0.45648692305817123, softDice(c, 1), 1e-9);
        assertEquals(41.24416831252165, sum(c.prediction().channels()[1]), 1e-6);
        assertEquals(8000 - 41.24416831252165, sum(c.prediction().channels()[0]), 1e-4); // background = 1 - p
        assertEquals(0, c.prediction().clampedCount());
        assertEquals(List.of(), c.warnings());
        assertEquals(mt1, c.image().source());
        assertEquals("LAS", c.geometry().orientation());
    }

    @Test
    void sctSoftSegmentationAboveOneIsClamped() throws Exception {
        Path gold = RealData.file("sct_spinalcord/mt/mt1_gmseg_goldstandard.nii.gz");
        Path soft = RealData.file("sct_spinalcord/mt/mt1_gmseg.nii.gz"); // float32, up to 1.0592
        Case c = CaseLoader.load(CaseSpec.of(gold, soft), Progress.NONE);
        // numpy: 12 values > 1 (+1e-6), none < 0, max 1.0592163801193237
        assertEquals(12, c.prediction().clampedCount());
        assertEquals(List.of("mt1_gmseg.nii.gz: 12 values outside [0,1] clamped (values from 0.00000 to 1.05922)"), c.warnings());
        // numpy: soft Dice with p clipped to [0,1] = 0.7844314106369729 (README's 0.7855 is before clipping)
        assertEquals(0.7844314106369729, softDice(c, 1), 1e-9);
    }

    @Test
    void sctCordMasksAsABinaryCase() throws Exception {
        Path manual = RealData.file("sct_spinalcord/t2/t2_seg-manual.nii.gz"); // uint8 0/1, PSR
        Path deep = RealData.file("sct_spinalcord/t2/t2_seg-deepseg_sc-3d.nii.gz"); // uint8 0/1
        Case c = CaseLoader.load(CaseSpec.of(manual, deep).withImage(RealData.file("sct_spinalcord/t2/t2.nii.gz")),
                Progress.NONE);
        assertEquals(PredictionKind.PROBABILITIES, c.predictionKind()); // 0/1 maps stay probabilities under AUTO
        assertEquals(4275, count(c, 1)); // README
        assertEquals(4285, sum(c.prediction().channels()[1]), 0); // README
        // README: Dice 0.9808 (numpy: 0.9808411214953271); for 0/1 maps soft Dice equals hard Dice
        assertEquals(0.9808411214953271, softDice(c, 1), 1e-12);
        assertEquals("PSR", c.geometry().orientation());
    }

    @Test
    void aRealLabelMapAsAHardPrediction() throws Exception {
        Path lesion = RealData.file("niivue_flair_drawing/lesion.nii.gz"); // uint8 labels 0..3
        Path flair = RealData.file("niivue_flair_drawing/FLAIR.nii.gz");
        Case c = CaseLoader.load(CaseSpec.of(lesion, lesion).withImage(flair), Progress.NONE);
        assertEquals(PredictionKind.HARD_LABELS, c.predictionKind()); // whole numbers above 1: AUTO says hard labels
        assertArrayEquals(new int[] {0, 1, 2, 3}, c.classes().all().stream().mapToInt(ClassInfo::label).toArray());
        // numpy.unique(lesion, return_counts=True): 2745119, 1125, 27069, 4287
        long[] expected = {2745119, 1125, 27069, 4287};
        long[] refCount = new long[4];
        double[] predSum = new double[4];
        long agree = 0;
        float[][] p = c.prediction().channels();
        for (int i = 0; i < c.voxelCount(); i++) {
            int r = c.reference(i);
            refCount[r]++;
            for (int k = 0; k < 4; k++) {
                predSum[k] += p[k][i];
            }
            agree += p[r][i] == 1f ? 1 : 0; // one-hot of the same map: the reference channel is 1
        }
        assertArrayEquals(expected, refCount);
        assertArrayEquals(new double[] {2745119, 1125, 27069, 4287}, predSum, 0);
        assertEquals(c.voxelCount(), agree);
        assertEquals(124 * 160 * 140, c.image().values().length);
    }

    @Test
    void spmTissuePriorsAsThreeFilesWithTheBackgroundDerived() throws Exception {
        Path grey = RealData.file("spm12_tissue_priors/grey.nii");
        Path white = RealData.file("spm12_tissue_priors/white.nii");
        Path csf = RealData.file("spm12_tissue_priors/csf.nii");
        // the reference: a label map on the priors' grid (each voxel's most probable of grey/white/csf, 0 where
        // all are 0), served from memory with the priors' own header so only its values are made up here
        Path ref = Path.of("argmax-reference.nii");
        NiftiVolume g = NiftiReader.read(grey);
        NiftiVolume w = NiftiReader.read(white);
        NiftiVolume f = NiftiReader.read(csf);
        float[] labels = new float[g.voxelsPerChannel()];
        for (int i = 0; i < labels.length; i++) {
            double[] p = {g.get(0, i), w.get(0, i), f.get(0, i)};
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            labels[i] = p[best] > 0 ? best + 1 : 0;
        }
        NiftiVolume refVol = new NiftiVolume(g.header(), ref, new Object[] {labels});
        CaseLoader.VolumeReader reader = (file, progress) -> file.equals(ref) ? refVol : NiftiReader.read(file, progress);
        Case c = CaseLoader.load(CaseSpec.of(ref, grey, white, csf), Progress.NONE, reader);

        assertArrayEquals(new int[] {0, 1, 2, 3}, c.classes().all().stream().mapToInt(ClassInfo::label).toArray());
        assertEquals(0.008, c.geometry().voxelMl(), 1e-15);
        // README / numpy: sum(grey) = 115523.23354732664, sum(white) = 88808.28753819922, sum(csf) = 41583.566994295456
        assertEquals(115523.23354732664, sum(c.prediction().channels()[1]), 1e-3);
        assertEquals(88808.28753819922, sum(c.prediction().channels()[2]), 1e-3);
        assertEquals(41583.566994295456, sum(c.prediction().channels()[3]), 1e-3);
        // numpy: grey+white+csf exceeds 1 (beyond float round-off) at 34472 voxels, up to 1.003921665251255;
        // background = 1 - sum clamped at 0 sums to 656849.1067375457 over the 902629 voxels
        assertEquals(34472, c.prediction().clampedCount());
        assertEquals(656849.1067375457, sum(c.prediction().channels()[0]), 1e-2);
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("exceeds 1 at 34472 voxels (up to 1.00392)"), c.warnings().get(0));
        assertEquals("LAS", c.geometry().orientation());
    }

    @Test
    void theLoaderKeepsTheReadersFloat32Arrays() throws Exception {
        Path gold = RealData.file("sct_spinalcord/mt/mt1_gmseg_goldstandard.nii.gz");
        Path soft = RealData.file("sct_spinalcord/mt/mt1_wmseg.nii.gz"); // float32
        NiftiVolume v = NiftiReader.read(soft);
        CaseLoader.VolumeReader reader = (file, progress) -> file.equals(soft) ? v : NiftiReader.read(file, progress);
        Case c = CaseLoader.load(CaseSpec.of(gold, soft), Progress.NONE, reader);
        assertSame(v.channelArray(0), c.prediction().channels()[1], "no second copy of float32 probabilities");
    }
}
