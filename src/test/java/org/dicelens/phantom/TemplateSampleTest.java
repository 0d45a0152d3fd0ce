package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dicelens.RealData;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bundled real-anatomy sample (sample-data/icbm152): its licence notice, its size budget, and — when the ICBM 2009a
 * template is at hand (../shared/realdata) — its tissue posterior against block means of the template computed here
 * with plain loops, and its files against a regeneration.
 */
class TemplateSampleTest {
    private static final Path SAMPLE = Path.of("sample-data", "icbm152");
    private static final int BLOCK = 2;
    private static final int NX = 197;
    private static final int NY = 233;
    private static final int NZ = 189;

    @Test
    void licenceNoticeAndSizeBudget() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLE), "sample-data/icbm152 not found from " + Path.of("").toAbsolutePath());
        String licence = Files.readString(SAMPLE.resolve("LICENSE"));
        assertTrue(licence.contains("Copyright (C) 1993-2009 Louis Collins") && licence.contains("Permission to use, copy, "
                + "modify, and distribute"), "the MNI notice must be bundled beside the derived files");
        assertTrue(Files.readString(SAMPLE.resolve("SOURCE")).contains("No original template file"));
        assertTrue(size(SAMPLE) <= 6L * 1024 * 1024, "sample-data/icbm152 holds " + size(SAMPLE) + " bytes; budget 6 MB");
        assertTrue(size(SAMPLE.getParent()) <= 15L * 1024 * 1024, "sample-data holds " + size(SAMPLE.getParent())
                + " bytes; budget 15 MB");
        for (String f : new String[] {"image.nii.gz", "reference.nii.gz", "prediction_calibrated.nii.gz",
            "prediction_overconfident.nii.gz", "prediction_diceoptimal.nii.gz", "labels.txt", "phantom.json"}) {
            assertTrue(Files.isRegularFile(SAMPLE.resolve(f)), f);
        }
    }

    @Test
    void licenceIsTheTemplatesOwn() throws Exception {
        Path dir = RealData.file("icbm152_2009a");
        Assumptions.assumeTrue(Files.isDirectory(SAMPLE));
        assertEquals(Files.readString(dir.resolve("LICENSE")), Files.readString(SAMPLE.resolve("LICENSE")));
    }

    @Test
    void posteriorIsTheTemplatesBlockMeans() throws Exception {
        Path dir = RealData.file("icbm152_2009a");
        Assumptions.assumeTrue(Files.isDirectory(SAMPLE));
        double[] gm = NiftiReader.read(dir.resolve("mni_icbm152_gm_tal_nlin_sym_09a_converted.nii.gz"), Progress.NONE)
                .channelAsDouble(0);
        double[] wm = NiftiReader.read(dir.resolve("mni_icbm152_wm_tal_nlin_sym_09a_converted.nii.gz"), Progress.NONE)
                .channelAsDouble(0);
        double[] t1 = NiftiReader.read(dir.resolve("mni_icbm152_t1_tal_nlin_sym_09a_converted.nii.gz"), Progress.NONE)
                .channelAsDouble(0);
        // the head's bounding box, grown by 2 voxels, in blocks of 2 with the padding split evenly
        int[] lo = {NX, NY, NZ};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int i = x + NX * (y + NY * z);
                    if (t1[i] > 0 || gm[i] > 0 || wm[i] > 0) {
                        lo[0] = Math.min(lo[0], x);
                        lo[1] = Math.min(lo[1], y);
                        lo[2] = Math.min(lo[2], z);
                        hi[0] = Math.max(hi[0], x);
                        hi[1] = Math.max(hi[1], y);
                        hi[2] = Math.max(hi[2], z);
                    }
                }
            }
        }
        int[] n = new int[3];
        int[] origin = new int[3];
        for (int k = 0; k < 3; k++) {
            int length = hi[k] - lo[k] + 5;
            n[k] = (length + 1) / 2;
            origin[k] = lo[k] - 2 - (2 * n[k] - length) / 2;
        }
        JsonNode json = new ObjectMapper().readTree(SAMPLE.resolve("phantom.json").toFile());
        for (int k = 0; k < 3; k++) {
            assertEquals(n[k], json.get("size").get(k).asInt(), "size " + k);
            assertEquals(origin[k], json.get("template").get("cropOriginVoxel").get(k).asInt(), "crop origin " + k);
            assertEquals(2.0, json.get("spacingMm").get(k).asDouble());
        }
        NiftiVolume cal = NiftiReader.read(SAMPLE.resolve("prediction_calibrated.nii.gz"), Progress.NONE);
        assertEquals(4, cal.channels());
        assertEquals(n[0], cal.nx());
        assertEquals(n[1], cal.ny());
        assertEquals(n[2], cal.nz());
        float[] qb = cal.channelAsFloat(0);
        float[] qw = cal.channelAsFloat(1);
        float[] qg = cal.channelAsFloat(2);
        float[] ql = cal.channelAsFloat(3);
        double sumWm = 0;
        double sumGm = 0;
        double sumWmFromQ = 0;
        double sumGmFromQ = 0;
        int lesionVoxels = 0;
        for (int z = 0, o = 0; z < n[2]; z++) {
            for (int y = 0; y < n[1]; y++) {
                for (int x = 0; x < n[0]; x++, o++) {
                    double w = 0;
                    double g = 0;
                    for (int d = 0; d < 8; d++) {
                        int sx = origin[0] + 2 * x + (d & 1);
                        int sy = origin[1] + 2 * y + (d >> 1 & 1);
                        int sz = origin[2] + 2 * z + (d >> 2 & 1);
                        if (sx >= 0 && sy >= 0 && sz >= 0 && sx < NX && sy < NY && sz < NZ) {
                            int i = sx + NX * (sy + NY * sz);
                            w += wm[i] / 255 / 8;
                            g += gm[i] / 255 / 8;
                        }
                    }
                    sumWm += w;
                    sumGm += g;
                    double keep = 1 - ql[o];
                    sumWmFromQ += qw[o] / keep;
                    sumGmFromQ += qg[o] / keep;
                    assertEquals(1.0, qb[o] + qw[o] + qg[o] + ql[o], 1e-6, "q sums to 1 at voxel " + o);
                    if (ql[o] == 0) {
                        // the tissue maps are rounded to multiples of 1/2048 (gm through gm + wm)
                        assertEquals(w, qw[o], 1.0 / 4096 + 1e-9, "white matter at voxel " + o);
                        assertEquals(g, qg[o], 1.0 / 2048 + 1e-9, "grey matter at voxel " + o);
                    } else {
                        lesionVoxels++;
                    }
                }
            }
        }
        double v = 0.008;
        // the realdata README's independently measured totals: the crop keeps all tissue
        assertEquals(670.33395, sumWm * v, 1e-3);
        assertEquals(1008.19917, sumGm * v, 1e-3);
        // q of white and grey matter, lesions taken out again, sums to the resampled maps; the template's block means are
        // multiples of 1/2040, so rounding them to 1/2048 does not average out fully: −0.017 mL (white) and +0.057 mL
        // (grey) by numpy, 0.006 % of the volumes
        assertEquals(sumWm * v, sumWmFromQ * v, 0.03);
        assertEquals(sumGm * v, sumGmFromQ * v, 0.07);
        assertTrue(lesionVoxels > 0, "the sample has lesions");
        double qWm = 0;
        for (float f : qw) {
            qWm += f;
        }
        assertEquals(qWm * v, json.get("classes").get(1).get("expectedMl").asDouble(), 1e-3, "phantom.json's Σq·v");
    }

    @Test
    void bundledFilesAreWhatTheGeneratorMakes() throws Exception {
        Path dir = RealData.file("icbm152_2009a");
        Assumptions.assumeTrue(Files.isDirectory(SAMPLE));
        Phantom p = TemplateBrain.generate(TemplateMaps.read(dir, BLOCK), PhantomSpec.brain().withRaters(3));
        NiftiVolume cal = NiftiReader.read(SAMPLE.resolve("prediction_calibrated.nii.gz"), Progress.NONE);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(p.q()[c], cal.channelAsFloat(c), "q channel " + c);
        }
        NiftiVolume ref = NiftiReader.read(SAMPLE.resolve("reference.nii.gz"), Progress.NONE);
        byte[] r = p.reference();
        for (int i = 0; i < r.length; i++) {
            assertEquals(r[i], (int) ref.get(0, i), "reference voxel " + i);
        }
        assertArrayEquals(p.image(), NiftiReader.read(SAMPLE.resolve("image.nii.gz"), Progress.NONE).channelAsFloat(0));
    }

    /**
     * The template's raters mark each class with probability q: on a small template with a white-matter ramp and
     * constant grey matter, 400 raters' label frequencies per voxel against q (binomial sd ≤ 0.025; 5 sd allowed).
     */
    @Test
    void ratersDrawEachLabelWithProbabilityQ() {
        int nx = 12;
        int ny = 10;
        int nz = 8;
        int count = nx * ny * nz;
        double[] wm = new double[count];
        double[] gm = new double[count];
        for (int i = 0; i < count; i++) {
            wm[i] = (i % nx) / (double) (nx - 1) * 0.7;
            gm[i] = 0.25;
        }
        TemplateMaps maps = new TemplateMaps(org.dicelens.volume.Geometry.ofSpacing(nx, ny, nz, 2, 2, 2), new double[count],
                gm, wm, new int[3], 2);
        Phantom p = TemplateBrain.generate(maps, PhantomSpec.brain().withLesions(0, 4).withSeed(5));
        int raters = 400;
        int[][] hits = new int[3][count];
        for (int r = 0; r < raters; r++) {
            byte[] labels = p.rater(r);
            for (int i = 0; i < count; i++) {
                hits[labels[i]][i]++;
            }
        }
        for (int i = 0; i < count; i++) {
            assertEquals(Math.rint(wm[i] * 2048) / 2048, hits[1][i] / (double) raters, 0.125, "white matter at " + i);
            assertEquals(p.q()[2][i], hits[2][i] / (double) raters, 0.125, "grey matter at " + i);
        }
        double meanGap = 0;
        for (int i = 0; i < count; i++) {
            meanGap += hits[1][i] / (double) raters - p.q()[1][i];
        }
        assertEquals(0, meanGap / count, 0.02, "white matter frequency averaged over voxels");
    }

    private static long size(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
