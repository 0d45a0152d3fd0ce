package org.dicelens.volume.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.npz.Numpy;
import org.dicelens.volume.NiftiHeaders;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each region's Dice through the engine equals a brute-force count over the union of the region's labels. */
class RegionCasesTest {
    @Test
    void regionDiceEqualsBruteForceCountsOfLabelUnions(@TempDir Path dir) throws Exception {
        DatasetJson d = DatasetJson.read(Files.writeString(dir.resolve("dataset.json"), """
                {"labels": {"background": 0, "whole tumor": [1, 2, 3], "tumor core": [2, 3], "enhancing tumor": 3},
                 "regions_class_order": [1, 2, 3]}"""));
        Geometry g = Geometry.ofSpacing(9, 7, 5, 1, 1, 2);
        int n = g.voxelCount();
        Random rnd = new Random(19);
        int[] labels = new int[n];
        List<float[]> channels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(4);
        }
        for (int r = 0; r < 3; r++) {
            float[] p = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(5) == 0 ? 0.5f : rnd.nextFloat(); // exact 0.5 checks the inclusive threshold
            }
            channels.add(p);
        }
        List<Case> cases = RegionCases.perRegion("brats_001", g, labels, channels, d.regions(), null, List.of("x.npz"));
        assertEquals(3, cases.size());
        int[][] unions = {{1, 2, 3}, {2, 3}, {3}};
        for (int r = 0; r < 3; r++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            double inter = 0;
            double sumP = 0;
            double sumG = 0;
            float[] p = channels.get(r);
            for (int i = 0; i < n; i++) {
                boolean g1 = false;
                for (int l : unions[r]) {
                    g1 |= labels[i] == l;
                }
                boolean h = p[i] >= 0.5f;
                tp += h && g1 ? 1 : 0;
                fp += h && !g1 ? 1 : 0;
                fn += !h && g1 ? 1 : 0;
                inter += g1 ? p[i] : 0;
                sumP += p[i];
                sumG += g1 ? 1 : 0;
            }
            Case c = cases.get(r);
            ClassMetrics m = Engine.build(c, Progress.NONE).evaluate(Settings.defaults(2)).classes().get(1);
            assertEquals(d.regions().get(r).name(), m.name());
            assertEquals(tp, m.tp(), "tp " + m.name());
            assertEquals(fp, m.fp(), "fp " + m.name());
            assertEquals(fn, m.fn(), "fn " + m.name());
            assertEquals(2.0 * tp / (2.0 * tp + fp + fn), m.hardDice(), 1e-12, m.name());
            assertEquals(2 * inter / (sumP + sumG), m.softDice(), 1e-6, m.name());
        }
    }

    /**
     * An nnU-Net v2 region model's output built by numpy (three sigmoid channels, no background, axes reversed), read
     * through NnUnetProbabilities with the dataset.json beside it: each region's hard Dice equals numpy's own count
     * of (p >= 0.5) against the union of its labels.
     */
    @Test
    void anNnUnetRegionArchiveEndToEnd(@TempDir Path dir) throws Exception {
        Numpy.script("""
                import sys, numpy as np
                out = sys.argv[1]
                rng = np.random.default_rng(23)
                nx, ny, nz = 8, 6, 5
                lab = rng.integers(0, 4, size=(nx, ny, nz))
                p = 1 / (1 + np.exp(-rng.normal(size=(3, nx, ny, nz)) * 3))
                np.savez_compressed(out + '/BraTS_001.npz', probabilities=p.transpose(0, 3, 2, 1).astype(np.float32))
                lab.astype('<f4').transpose(2, 1, 0).tofile(out + '/labels.f32')  # NIfTI order: i fastest
                dice = []
                for r, union in enumerate([(1, 2, 3), (2, 3), (3,)]):
                    g = np.isin(lab, union); h = p[r].astype(np.float32) >= 0.5
                    dice.append(2 * (g & h).sum() / (g.sum() + h.sum()))
                np.array(dice, dtype='<f4').tofile(out + '/dice.f32')
                """, dir);
        Files.writeString(dir.resolve("dataset.json"), """
                {"labels": {"background": 0, "whole tumor": [1, 2, 3], "tumor core": [2, 3], "enhancing tumor": 3},
                 "regions_class_order": [1, 2, 3], "file_ending": ".nii.gz"}""");
        Geometry g = Geometry.ofSpacing(8, 6, 5, 1, 1, 1);
        float[] lab = Numpy.f32(dir.resolve("labels.f32"));
        NiftiWriter.write(dir.resolve("BraTS_001.nii.gz"), NiftiHeaders.of(g, 1, "seg"), NiftiDatatype.UINT8, lab);
        DatasetJson d = DatasetJson.read(dir.resolve("dataset.json"));
        NiftiVolume v = NnUnetProbabilities.read(dir.resolve("BraTS_001.npz"), null, null);
        int[] labels = new int[lab.length];
        for (int i = 0; i < lab.length; i++) {
            labels[i] = Math.round(lab[i]);
        }
        List<float[]> channels = new ArrayList<>();
        for (int c = 0; c < v.channels(); c++) {
            channels.add(v.channelAsFloat(c));
        }
        List<Case> cases = RegionCases.perRegion("BraTS_001", g, labels, channels, d.regions(), null, List.of("npz"));
        float[] dice = Numpy.f32(dir.resolve("dice.f32"));
        for (int r = 0; r < 3; r++) {
            ClassMetrics m = Engine.build(cases.get(r), Progress.NONE).evaluate(Settings.defaults(2)).classes().get(1);
            assertEquals(dice[r], m.hardDice(), 1e-6, m.name());
        }
    }
}
