package org.dicelens.volume.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.npz.TestNpy;

/**
 * A small BraTS-like region model's case written as nnU-Net writes it: a reference of labels 0..3 (1 edema, 2 core,
 * 3 enhancing, nested boxes plus random voxels), one sigmoid channel per region (whole tumour {1,2,3}, tumour core
 * {2,3}, enhancing tumour {3}) as {@code CASE.npz} (C, k, j, i) or a 4D channel-last NIfTI, and the dataset.json;
 * with brute-force counts over the voxels of each region's label union (plain loops, independent of the engine).
 */
public final class RegionFixture {
    public static final int NX = 10;
    public static final int NY = 9;
    public static final int NZ = 8;
    public static final int N = NX * NY * NZ;
    /** 1 × 1 × 2 mm voxels: 0.002 mL each. */
    public static final double VOXEL_ML = 0.002;
    public static final List<String> NAMES = List.of("whole tumor", "tumor core", "enhancing tumor");
    public static final int[][] UNIONS = {{1, 2, 3}, {2, 3}, {3}};
    public static final String DATASET_JSON = """
            {"labels": {"background": 0, "whole tumor": [1, 2, 3], "tumor core": [2, 3], "enhancing tumor": 3},
             "regions_class_order": [1, 2, 3], "file_ending": ".nii.gz"}""";

    public final int[] labels = new int[N];
    /** [region][voxel] in NIfTI voxel order. */
    public final float[][] p = new float[3][N];

    public RegionFixture(long seed) {
        Random rnd = new Random(seed);
        int shift = rnd.nextInt(2);
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int i = x + NX * (y + NY * z);
                    int l = 0;
                    if (x >= 2 + shift && x <= 7 && y >= 2 && y <= 6 && z >= 1 && z <= 6) {
                        l = 1;
                    }
                    if (x >= 3 + shift && x <= 6 && y >= 3 && y <= 5 && z >= 2 && z <= 5) {
                        l = 2;
                    }
                    if (x >= 4 + shift && x <= 5 && y >= 4 && y <= 5 && z >= 3 && z <= 4) {
                        l = 3;
                    }
                    if (rnd.nextInt(25) == 0) {
                        l = rnd.nextInt(4); // a few stray labels, so the unions are not plain boxes
                    }
                    labels[i] = l;
                    for (int r = 0; r < 3; r++) {
                        double logit = (in(r, l) ? 2.0 : -2.0) + rnd.nextGaussian() * 1.5;
                        p[r][i] = rnd.nextInt(15) == 0 ? 0.5f : (float) (1 / (1 + Math.exp(-logit)));
                    }
                }
            }
        }
    }

    /** True when label l is in region r's union. */
    public static boolean in(int r, int l) {
        for (int u : UNIONS[r]) {
            if (u == l) {
                return true;
            }
        }
        return false;
    }

    /** Brute-force counts of region r at threshold step/1000: {tp, fp, fn, |G|} and Σp, Σp·g. */
    public record Counts(long tp, long fp, long fn, long ref, double sumP, double inter) {
        public double hardDice() {
            return 2.0 * tp / (2.0 * tp + fp + fn);
        }

        public double softDice() {
            return 2 * inter / (sumP + ref);
        }
    }

    public Counts counts(int r, int step) {
        return counts(r, step, -1);
    }

    /**
     * The counts over the evaluation region of margin m: voxels within Chebyshev distance m of the bounding box of
     * region r's reference voxels (its label union); m = -1 (or no such voxel) is the whole volume.
     */
    public Counts counts(int r, int step, int m) {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int i = 0; i < N; i++) {
            if (in(r, labels[i])) {
                int[] xyz = {i % NX, (i / NX) % NY, i / (NX * NY)};
                for (int a = 0; a < 3; a++) {
                    lo[a] = Math.min(lo[a], xyz[a]);
                    hi[a] = Math.max(hi[a], xyz[a]);
                }
            }
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long ref = 0;
        double sumP = 0;
        double inter = 0;
        for (int i = 0; i < N; i++) {
            int[] xyz = {i % NX, (i / NX) % NY, i / (NX * NY)};
            int d = 0;
            for (int a = 0; a < 3; a++) {
                d = Math.max(d, Math.max(lo[a] - xyz[a], xyz[a] - hi[a]));
            }
            if (m >= 0 && hi[0] >= 0 && d > m) {
                continue;
            }
            boolean g = in(r, labels[i]);
            boolean h = p[r][i] >= step / 1000.0;
            tp += h && g ? 1 : 0;
            fp += h && !g ? 1 : 0;
            fn += !h && g ? 1 : 0;
            ref += g ? 1 : 0;
            sumP += p[r][i];
            inter += g ? p[r][i] : 0;
        }
        return new Counts(tp, fp, fn, ref, sumP, inter);
    }

    public static NiftiHeader header() {
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, NX, NY, NZ, 1, 1, 1, 1};
        h.pixdim = new double[] {1, 1, 1, 2, 1, 1, 1, 1};
        h.xyzt_units = 2;
        return h;
    }

    /** Writes the reference (uint8) as {@code labelsDir/NAME.nii.gz}. */
    public Path writeReference(Path labelsDir, String name) throws Exception {
        float[] l = new float[N];
        for (int i = 0; i < N; i++) {
            l[i] = labels[i];
        }
        Path ref = Files.createDirectories(labelsDir).resolve(name + ".nii.gz");
        NiftiWriter.write(ref, header(), NiftiDatatype.UINT8, l);
        return ref;
    }

    /**
     * A cohort of three region-model cases laid out as nnU-Net writes them: references {@code labelsDir/NAME.nii.gz},
     * predictions in {@code outDir}; case k has seed {@code seed0 + k} and name {@code prefix + k}, and its prediction
     * is an .npz when {@code npz.test(k)}, else a 4D NIfTI.
     */
    public static List<RegionFixture> writeCohort(Path labelsDir, Path outDir, long seed0, String prefix,
            java.util.function.IntPredicate npz) throws Exception {
        List<RegionFixture> cases = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            RegionFixture f = new RegionFixture(seed0 + k);
            f.writeReference(labelsDir, prefix + k);
            f.writePrediction(outDir, prefix + k, npz.test(k));
            cases.add(f);
        }
        return cases;
    }

    /**
     * Writes the prediction into {@code outDir} as nnU-Net's {@code NAME.npz} (float32, (C, k, j, i), deflated) or,
     * when {@code npz} is false, as a 4D channel-last {@code NAME.nii.gz}; and the dataset.json beside it.
     */
    public Path writePrediction(Path outDir, String name, boolean npz) throws Exception {
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("dataset.json"), DATASET_JSON);
        if (npz) {
            float[] flat = new float[3 * N];
            for (int r = 0; r < 3; r++) {
                System.arraycopy(p[r], 0, flat, r * N, N); // (C, k, j, i) in C order: NIfTI voxel order per channel
            }
            return Files.write(outDir.resolve(name + ".npz"), TestNpy.zip(Map.of("probabilities.npy",
                    TestNpy.f4(flat, 3, NZ, NY, NX)), true));
        }
        NiftiHeader h4 = header();
        h4.dim = new long[] {4, NX, NY, NZ, 3, 1, 1, 1};
        Path pred = outDir.resolve(name + ".nii.gz");
        NiftiWriter.write(pred, h4, NiftiDatatype.FLOAT32, p[0], p[1], p[2]);
        return pred;
    }
}
