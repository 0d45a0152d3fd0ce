package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.FolderRoleMemory;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.npz.Numpy;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.model.VoxelReadout;
import org.dicelens.volume.CaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: MONAI's ITK writer's vector image, 5D (i, j, k, 1, C), opened in the viewer's model shows the same numbers as
 * the same probabilities saved channel-last 4D (i, j, k, C) by its nibabel writer: both files and the reference are
 * written byte by byte by numpy from one array P[c, i, j, k] (NIfTI-1 header packed with struct, data in Fortran
 * order as nibabel stores it), and the shown probabilities and Dice are checked against that array.
 */
class MonaiViewerTest {
    static final int NX = 7;
    static final int NY = 6;
    static final int NZ = 5;
    static final int C = 3;
    static final String WRITER = """
            import sys, struct, numpy as np
            out = sys.argv[1]
            nx, ny, nz, c = 7, 6, 5, 3
            def nifti(path, a, datatype=16, intent=0):
                hdr = bytearray(352)
                struct.pack_into('<i', hdr, 0, 348)
                dims = [a.ndim, *a.shape] + [1] * (7 - a.ndim)
                struct.pack_into('<8h', hdr, 40, *dims)
                struct.pack_into('<hhh', hdr, 68, intent, datatype, a.dtype.itemsize * 8)
                struct.pack_into('<8f', hdr, 76, 1, 1, 1.5, 2, 1, 1, 1, 1)
                struct.pack_into('<fff', hdr, 108, 352, 1, 0)
                hdr[123] = 2
                struct.pack_into('<hh', hdr, 252, 0, 1)
                struct.pack_into('<12f', hdr, 280, 1, 0, 0, -3, 0, 1.5, 0, 4, 0, 0, 2, 1)
                hdr[344:348] = b'n+1\\0'
                open(path, 'wb').write(bytes(hdr) + a.tobytes(order='F'))
            rng = np.random.default_rng(15)
            lg = rng.normal(size=(c, nx, ny, nz)) * 2
            p = (np.exp(lg) / np.exp(lg).sum(0, keepdims=True)).astype('<f4')
            ref = rng.integers(0, c, size=(nx, ny, nz)).astype(np.uint8)
            nifti(out + '/ref.nii', ref, datatype=2)
            nifti(out + '/last4d.nii', np.moveaxis(p, 0, -1))
            nifti(out + '/vector5d.nii', np.moveaxis(p, 0, -1)[:, :, :, None, :], intent=1007)
            p.tofile(out + '/p.f32')
            ref.astype('<f4').tofile(out + '/ref.f32')
            """;

    private static LoadedCase open(Path ref, Path prediction) {
        ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(FolderRoleMemory.NONE, CaseLoader.FILES),
                AppWiring.factory());
        vm.open(CaseFiles.of(ref, List.of(prediction)));
        Await.until("the case", () -> vm.current() != null && vm.metricsProperty().get() != null);
        return vm.current();
    }

    private static CaseMetrics metricsOf(Path ref, Path prediction) {
        ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(FolderRoleMemory.NONE, CaseLoader.FILES),
                AppWiring.factory());
        vm.open(CaseFiles.of(ref, List.of(prediction)));
        Await.until("the metrics", () -> vm.metricsProperty().get() != null);
        return vm.metricsProperty().get();
    }

    @Test
    void aFiveDimensionalVectorImageShowsTheNumbersOfTheChannelLastFile(@TempDir Path dir) throws Exception {
        Numpy.script(WRITER, dir);
        float[] p = Numpy.f32(dir.resolve("p.f32")); // P[c, i, j, k] in C order
        float[] ref = Numpy.f32(dir.resolve("ref.f32")); // R[i, j, k]
        Path refFile = dir.resolve("ref.nii");
        LoadedCase five = open(refFile, dir.resolve("vector5d.nii"));
        LoadedCase four = open(refFile, dir.resolve("last4d.nii"));
        assertEquals(C, five.data().classCount());
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NY; j++) {
                for (int k = 0; k < NZ; k++) {
                    for (int c = 0; c < C; c++) {
                        assertEquals(p[((c * NX + i) * NY + j) * NZ + k], five.data().probability(c, i + NX * (j + NY * k)),
                                0f, "P[" + c + ", " + i + ", " + j + ", " + k + "]");
                    }
                    // the status line shows the same text for both files
                    assertEquals(VoxelReadout.describe(four.data(), i, j, k), VoxelReadout.describe(five.data(), i, j, k));
                }
            }
        }
        CaseMetrics m5 = metricsOf(refFile, dir.resolve("vector5d.nii"));
        CaseMetrics m4 = metricsOf(refFile, dir.resolve("last4d.nii"));
        for (int c = 0; c < C; c++) {
            // brute force from numpy's arrays: soft Dice 2I / (P + R), hard Dice at t = 0.5 (p >= t)
            double inter = 0;
            double sumP = 0;
            long r = 0;
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < NX; i++) {
                for (int j = 0; j < NY; j++) {
                    for (int k = 0; k < NZ; k++) {
                        float q = p[((c * NX + i) * NY + j) * NZ + k];
                        boolean isRef = ref[(i * NY + j) * NZ + k] == c;
                        boolean hard = q >= 0.5f;
                        inter += isRef ? q : 0;
                        sumP += q;
                        r += isRef ? 1 : 0;
                        tp += hard && isRef ? 1 : 0;
                        fp += hard && !isRef ? 1 : 0;
                        fn += !hard && isRef ? 1 : 0;
                    }
                }
            }
            ClassMetrics a = m5.classes().get(c);
            ClassMetrics b = m4.classes().get(c);
            assertEquals(2 * inter / (sumP + r), a.softDice(), 1e-6, "soft Dice of class " + c);
            assertEquals(2.0 * tp / (2.0 * tp + fp + fn), a.hardDice(), 1e-12, "hard Dice of class " + c);
            assertEquals(b.softDice(), a.softDice(), 0.0);
            assertEquals(b.hardDice(), a.hardDice(), 0.0);
            assertEquals(b.softMl(), a.softMl(), 0.0);
            assertEquals(b.hardMl(), a.hardMl(), 0.0);
            assertEquals(b.refMl(), a.refMl(), 0.0);
        }
    }
}
