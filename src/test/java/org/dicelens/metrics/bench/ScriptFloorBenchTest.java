package org.dicelens.metrics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor program computes what the script computes: its sums against a voxel-by-voxel loop in the test. */
class ScriptFloorBenchTest {
    @TempDir
    Path dir;

    @Test
    void sumsEqualAVoxelByVoxelCountOnFilesWrittenByTheProjectsWriter() throws Exception {
        int nx = 9;
        int ny = 7;
        int nz = 5;
        int n = nx * ny * nz;
        int nc = 3;
        Random rnd = new Random(20);
        float[] labels = new float[n];
        float[][] p = new float[nc][n];
        float[] special = {0f, 1f, 0.5f, Math.nextDown(0.5f), 1e-9f, 1 - 1e-8f};
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(nc);
            for (int c = 0; c < nc; c++) {
                p[c][i] = rnd.nextInt(4) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextFloat();
            }
        }
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, nx, ny, nz, 1, 1, 1, 1};
        h.pixdim = new double[] {1, 1.5, 1, 2, 1, 1, 1, 1};
        h.xyzt_units = 2;
        Path ref = dir.resolve("ref.nii");
        NiftiWriter.write(ref, h, NiftiDatatype.UINT8, labels);
        h.dim = new long[] {4, nx, ny, nz, nc, 1, 1, 1};
        Path pred = dir.resolve("pred.nii");
        NiftiWriter.write(pred, h, NiftiDatatype.FLOAT32, (Object[]) p);

        ScriptFloorBench.Sums s = ScriptFloorBench.compute(ref, pred, true);

        assertEquals(0.003, s.voxelMl(), 1e-15);
        assertEquals(n, s.voxels());
        for (int c = 0; c < nc; c++) {
            double sp = 0;
            double spr = 0;
            double nr = 0;
            double nh = 0;
            double tp = 0;
            double ln = 0;
            for (int i = 0; i < n; i++) {
                boolean r = labels[i] == c;
                sp += p[c][i];
                nh += p[c][i] >= 0.5f ? 1 : 0;
                if (r) {
                    spr += p[c][i];
                    nr++;
                    tp += p[c][i] >= 0.5f ? 1 : 0;
                    ln -= Math.log(Math.min(Math.max(p[c][i], 1e-7), 1 - 1e-7));
                }
            }
            double[] got = s.perClass()[c];
            assertEquals(sp, got[0], 1e-12 * sp, "Σp of class " + c);
            assertEquals(spr, got[1], 1e-12 * spr, "Σp·r of class " + c);
            assertEquals(nr, got[2], 0, "Σr of class " + c);
            assertEquals(nh, got[3], 0, "#(p ≥ 0.5) of class " + c);
            assertEquals(tp, got[4], 0, "#(p ≥ 0.5, r) of class " + c);
            assertEquals(ln, got[5], 1e-12 * ln, "Σ −ln q over r of class " + c);
        }
    }
}
