package org.dicelens.volume.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.dicelens.common.InputException;
import org.dicelens.npz.Numpy;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MONAI's saved layouts, written byte by byte by numpy (a NIfTI-1 header packed with struct, data in Fortran order as
 * nibabel stores it): channel-last 4D (i, j, k, C) from the nibabel writer and 5D (i, j, k, 1, C) vector images from
 * the ITK writer load with every probability equal to numpy's P[c, i, j, k]; channel-first files are refused with
 * "looks channel-first".
 */
class MonaiLayoutsTest {
    static final String WRITER = """
            import sys, struct, numpy as np
            out = sys.argv[1]
            nx, ny, nz, c = 6, 5, 4, 3
            def nifti(path, a, datatype=16, intent=0):
                hdr = bytearray(352)
                struct.pack_into('<i', hdr, 0, 348)
                dims = [a.ndim, *a.shape] + [1] * (7 - a.ndim)
                struct.pack_into('<8h', hdr, 40, *dims)
                struct.pack_into('<hhh', hdr, 68, intent, datatype, a.dtype.itemsize * 8)
                struct.pack_into('<8f', hdr, 76, 1, 1.5, 1, 2, 1, 1, 1, 1)
                struct.pack_into('<fff', hdr, 108, 352, 1, 0)
                hdr[123] = 2
                struct.pack_into('<hh', hdr, 252, 0, 1)
                struct.pack_into('<12f', hdr, 280, -1.5, 0, 0, 10, 0, 1, 0, -5, 0, 0, 2, 3)
                hdr[344:348] = b'n+1\\0'
                open(path, 'wb').write(bytes(hdr) + a.tobytes(order='F'))
            rng = np.random.default_rng(9)
            lg = rng.normal(size=(c, nx, ny, nz)) * 2
            p = (np.exp(lg) / np.exp(lg).sum(0, keepdims=True)).astype('<f4')
            nifti(out + '/ref.nii', p.argmax(0).astype(np.uint8), datatype=2)
            nifti(out + '/last4d.nii', np.moveaxis(p, 0, -1))
            nifti(out + '/vector5d.nii', np.moveaxis(p, 0, -1)[:, :, :, None, :], intent=1007)
            nifti(out + '/first.nii', p)
            nifti(out + '/first_reversed.nii', p.transpose(0, 3, 2, 1).copy())
            p.tofile(out + '/p.f32')
            """;

    @Test
    void channelLast4dAnd5dVectorImagesLoadExactly(@TempDir Path dir) throws Exception {
        Numpy.script(WRITER, dir);
        float[] p = Numpy.f32(dir.resolve("p.f32"));
        for (String f : new String[] {"last4d.nii", "vector5d.nii"}) {
            Case c = CaseLoader.load(CaseSpec.of(dir.resolve("ref.nii"), dir.resolve(f)), null);
            assertEquals(3, c.classCount(), f);
            for (int ch = 0; ch < 3; ch++) {
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 5; j++) {
                        for (int k = 0; k < 4; k++) {
                            assertEquals(p[((ch * 6 + i) * 5 + j) * 4 + k], c.probability(ch, i + 6 * (j + 5 * k)), 0f,
                                    f + " channel " + ch + " at " + i + "," + j + "," + k);
                        }
                    }
                }
            }
        }
    }

    @Test
    void channelFirstFilesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Numpy.script(WRITER, dir);
        for (String[] f : new String[][] {{"first.nii", "shifted"}, {"first_reversed.nii", "reversed"}}) {
            Path file = dir.resolve(f[0]);
            try {
                CaseLoader.load(CaseSpec.of(dir.resolve("ref.nii"), file), null);
                fail(f[0] + " loaded");
            } catch (InputException e) {
                String m = e.getMessage();
                assertTrue(m.startsWith(file.toString()) && m.contains("looks channel-first") && m.contains(f[1])
                        && m.contains("holds 3 values"), m);
            }
        }
    }
}
