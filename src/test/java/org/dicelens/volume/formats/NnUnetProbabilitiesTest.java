package org.dicelens.volume.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.npz.Numpy;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nnU-Net outputs built with numpy exactly as nnU-Net's export writes them (probabilities[c] = the NIfTI-ordered
 * volume transposed to (k, j, i)), read back and compared value by value with the numpy array indexed in NIfTI
 * order, and loaded as a case equal to the same probabilities given as a channel-last NIfTI.
 */
class NnUnetProbabilitiesTest {
    static final int NX = 7;
    static final int NY = 5;
    static final int NZ = 4;
    static final int C = 3;

    /** P[c, i, j, k] softmax over c (seeded); writes v2 (float32) and v1 (float16) archives and P raw in C order. */
    static final String OUTPUTS = """
            import sys, numpy as np
            out, nx, ny, nz, c = sys.argv[1], *map(int, sys.argv[2:6])
            rng = np.random.default_rng(5)
            logits = rng.normal(size=(c, nx, ny, nz)) * 2
            p = np.exp(logits) / np.exp(logits).sum(0, keepdims=True)
            np.savez_compressed(out + '/v2/case_01.npz', probabilities=p.transpose(0, 3, 2, 1).astype(np.float32))
            np.savez_compressed(out + '/v1/case_01.npz', softmax=p.transpose(0, 3, 2, 1).astype(np.float16))
            np.savez(out + '/cropped/case_01.npz', probabilities=p.transpose(0, 3, 2, 1)[:, 1:, :, 2:].astype(np.float32))
            np.savez(out + '/notreversed/case_01.npz', probabilities=p.astype(np.float32))
            np.savez_compressed(out + '/fortran/case_01.npz',
                                probabilities=np.asfortranarray(p.transpose(0, 3, 2, 1).astype('>f4')))
            p.astype('<f4').tofile(out + '/p32.f32')
            p.astype(np.float16).astype('<f4').tofile(out + '/p16.f32')
            """;

    /** An oblique-free but flipped, shifted grid: the geometry must come from the file, not from defaults. */
    static Geometry grid() {
        return new Geometry(NX, NY, NZ, new double[] {-1.5, 0, 0, 40, 0, 0.8, 0, -12, 0, 0, 2.5, 7, 0, 0, 0, 1});
    }

    @Test
    void v2AndV1ArchivesEqualTheNiftiOrderedArray(@TempDir Path dir) throws Exception {
        Path[] dirs = build(dir);
        for (String v : new String[] {"v2", "v1", "fortran"}) {
            float[] p = Numpy.f32(dir.resolve(v.equals("v1") ? "p16.f32" : "p32.f32"));
            NiftiVolume vol = NnUnetProbabilities.read(dir.resolve(v).resolve("case_01.npz"), null, null);
            assertEquals(C, vol.channels(), v);
            assertNull(grid().mismatch(Geometry.fromHeader(vol.header()), 1e-6), v);
            for (int c = 0; c < C; c++) {
                float[] ch = vol.channelAsFloat(c);
                for (int k = 0; k < NZ; k++) {
                    for (int j = 0; j < NY; j++) {
                        for (int i = 0; i < NX; i++) {
                            float expected = p[((c * NX + i) * NY + j) * NZ + k];
                            assertEquals(expected, ch[i + NX * (j + NY * k)], 0f, v + " c=" + c + " at " + i + "," + j + "," + k);
                        }
                    }
                }
            }
        }
        assertTrue(dirs.length > 0);
    }

    @Test
    void aCaseFromTheArchiveEqualsTheSameProbabilitiesAsChannelLastNifti(@TempDir Path dir) throws Exception {
        build(dir);
        float[] p = Numpy.f32(dir.resolve("p32.f32"));
        float[][] channels = new float[C][NX * NY * NZ];
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < NX; i++) {
                for (int j = 0; j < NY; j++) {
                    for (int k = 0; k < NZ; k++) {
                        channels[c][i + NX * (j + NY * k)] = p[((c * NX + i) * NY + j) * NZ + k];
                    }
                }
            }
        }
        Path nifti = dir.resolve("prediction.nii.gz");
        NiftiWriter.write(nifti, NiftiHeaders.of(grid(), C, "channel-last"), NiftiDatatype.FLOAT32, (Object[]) channels);
        Path ref = dir.resolve("v2/case_01.nii.gz");
        Path npz = dir.resolve("v2/case_01.npz");
        CaseLoader.VolumeReader reader = (f, prog) -> f.toString().endsWith(".npz") ? NnUnetProbabilities.read(f, ref, prog)
                : NiftiReader.read(f, prog);
        Case fromNpz = CaseLoader.load(CaseSpec.of(ref, npz), null, reader);
        Case fromNifti = CaseLoader.load(CaseSpec.of(ref, nifti), null);
        assertEquals(C, fromNpz.classCount());
        for (int c = 0; c < C; c++) {
            assertArrayEquals(fromNifti.prediction().channels()[c], fromNpz.prediction().channels()[c], "channel " + c);
        }
        assertArrayEquals(fromNifti.referenceClass(), fromNpz.referenceClass());
        assertEquals(fromNifti.warnings(), fromNpz.warnings());
    }

    @Test
    void croppedReorientedAndMisplacedArchivesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        build(dir);
        refused(dir.resolve("cropped/case_01.npz"), null, "cropped", "(3, 5, 5) vs (4, 5, 7)");
        refused(dir.resolve("notreversed/case_01.npz"), null, "not on the grid", "(7, 5, 4) vs (4, 5, 7)");
        Path v2 = dir.resolve("v2/case_01.npz");
        Files.writeString(dir.resolve("v2/plans.json"), "{\"image_reader_writer\": \"NibabelIOWithReorient\"}");
        refused(v2, null, "NibabelIOWithReorient", "RAS");
        Files.writeString(dir.resolve("v2/plans.json"), "{\"image_reader_writer\": \"SimpleITKIO\"}");
        Files.writeString(dir.resolve("v2/dataset.json"), "{\"overwrite_image_reader_writer\": \"SimpleITKIOWithReorient\"}");
        refused(v2, null, "SimpleITKIOWithReorient", "dataset.json");
        Files.delete(dir.resolve("v2/dataset.json"));
        assertEquals(C, NnUnetProbabilities.read(v2, null, null).channels());
        // no neighbour and no reference: nowhere to take the grid from
        Path alone = Files.copy(v2, dir.resolve("alone.npz"));
        refused(alone, null, "no geometry", "CASE.nii.gz");
        // a reference on another grid than the neighbour
        Path other = dir.resolve("other.nii.gz");
        NiftiWriter.write(other, NiftiHeaders.of(Geometry.ofSpacing(NX, NY, NZ, 1, 1, 1), 1, "other"), NiftiDatatype.UINT8,
                new float[NX * NY * NZ]);
        refused(v2, other, "not on the grid of the reference", "other.nii.gz");
        // the reference alone gives the grid when there is no neighbour
        assertEquals(C, NnUnetProbabilities.read(alone, dir.resolve("v2/case_01.nii.gz"), null).channels());
    }

    /** 2D: nnU-Net stores (C, 1, y, x) for an image of dims (x, y, 1); hand-made archive, values at known places. */
    @Test
    void twoDimensionalOutputs(@TempDir Path dir) throws Exception {
        float[] v = new float[2 * 3 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 100f; // element [c, 0, y, x] = (c*12 + y*4 + x) / 100
        }
        byte[] npy = org.dicelens.npz.TestNpy.f4(v, 2, 1, 3, 4);
        Path npz = Files.write(dir.resolve("img.npz"), org.dicelens.npz.TestNpy.zip(java.util.Map.of("probabilities.npy", npy),
                true));
        NiftiWriter.write(dir.resolve("img.nii.gz"), NiftiHeaders.of(Geometry.ofSpacing(4, 3, 1, 0.5, 0.5, 1), 1, "seg"),
                NiftiDatatype.UINT8, new float[12]);
        NiftiVolume vol = NnUnetProbabilities.read(npz, null, null);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    assertEquals((c * 12 + y * 4 + x) / 100f, vol.channelAsFloat(c)[x + 4 * y], 0f);
                }
            }
        }
    }

    static void refused(Path npz, Path ref, String... fragments) {
        try {
            NnUnetProbabilities.read(npz, ref, null);
            fail("read " + npz + " without complaint");
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith(npz.toString()), e.getMessage());
            for (String f : fragments) {
                assertTrue(e.getMessage().contains(f), "missing '" + f + "' in: " + e.getMessage());
            }
        }
    }

    /** Archives from numpy, and beside each the label map (argmax of P, as nnU-Net's CASE.nii.gz) on grid(). */
    static Path[] build(Path dir) throws Exception {
        Path[] dirs = new Path[5];
        int n = 0;
        for (String v : new String[] {"v2", "v1", "cropped", "notreversed", "fortran"}) {
            dirs[n++] = Files.createDirectories(dir.resolve(v));
        }
        Numpy.script(OUTPUTS, dir, NX, NY, NZ, C);
        float[] p = Numpy.f32(dir.resolve("p32.f32"));
        float[] labels = new float[NX * NY * NZ];
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NY; j++) {
                for (int k = 0; k < NZ; k++) {
                    int best = 0;
                    for (int c = 1; c < C; c++) {
                        best = p[((c * NX + i) * NY + j) * NZ + k] > p[((best * NX + i) * NY + j) * NZ + k] ? c : best;
                    }
                    labels[i + NX * (j + NY * k)] = best;
                }
            }
        }
        for (Path d : dirs) {
            NiftiWriter.write(d.resolve("case_01.nii.gz"), NiftiHeaders.of(grid(), 1, "seg"), NiftiDatatype.UINT8, labels);
        }
        return dirs;
    }
}
