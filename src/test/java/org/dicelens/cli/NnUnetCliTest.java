package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.dicelens.npz.Numpy;
import org.dicelens.npz.TestNpy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nnU-Net's {@code CASE.npz} reached from the command line through the input-format registry: {@code evaluate
 * --prediction CASE.npz} and a batch whose predictions folder holds {@code CASE.npz} beside {@code CASE.nii.gz} give
 * every number equal to the same probabilities given as a channel-last NIfTI. The archive is written by numpy the way
 * nnU-Net's export does (array P[c, i, j, k] transposed to (c, k, j, i)); without numpy, by the test's own .npy writer.
 */
class NnUnetCliTest {
    static final int NX = 6;
    static final int NY = 5;
    static final int NZ = 4;
    static final int C = 3;
    static final double[] SPACING = {0.8, 1.1, 2.5};

    @TempDir
    Path dir;

    /** Reads raw channels in NIfTI order (i fastest) as P[c, i, j, k], then stores them as nnU-Net does. */
    static final String SAVE = """
            import sys, numpy as np
            raw, out, c, nx, ny, nz = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
            flat = np.fromfile(raw, '<f4').reshape(c, nz, ny, nx)
            p = flat.transpose(0, 3, 2, 1)  # P[c, i, j, k], as nibabel's get_fdata gives one channel per class
            np.savez_compressed(out, probabilities=p.transpose(0, 3, 2, 1).astype(np.float32))
            """;

    /** Softmax probabilities, channel c as a NIfTI-ordered volume; and a reference of labels 0..C-1. */
    static float[][] probabilities(long seed) {
        Random r = new Random(seed);
        int n = NX * NY * NZ;
        float[][] p = new float[C][n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[C];
            double sum = 0;
            for (int c = 0; c < C; c++) {
                e[c] = Math.exp(r.nextGaussian() * 2);
                sum += e[c];
            }
            for (int c = 0; c < C; c++) {
                p[c][i] = (float) (e[c] / sum);
            }
        }
        return p;
    }

    static float[] labels(long seed) {
        Random r = new Random(seed);
        float[] l = new float[NX * NY * NZ];
        for (int i = 0; i < l.length; i++) {
            l[i] = r.nextInt(C);
        }
        return l;
    }

    /** Writes {@code p} as nnU-Net's archive: numpy when available, else the test writer (same bytes layout). */
    static Path npz(Path file, float[][] p) throws IOException {
        int n = NX * NY * NZ;
        ByteBuffer b = ByteBuffer.allocate(C * n * 4).order(ByteOrder.LITTLE_ENDIAN);
        float[] flat = new float[C * n];
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < n; i++) {
                b.putFloat(p[c][i]);
                flat[c * n + i] = p[c][i];
            }
        }
        boolean numpy;
        try {
            Numpy.require();
            numpy = true;
        } catch (org.opentest4j.TestAbortedException e) {
            numpy = false;
        }
        if (numpy) {
            Path raw = Files.write(file.resolveSibling("raw.f32"), b.array());
            Numpy.script(SAVE, raw, file, C, NX, NY, NZ);
            Files.delete(raw);
            return file;
        }
        // (C, k, j, i) in C order is NIfTI's voxel order per channel
        return Files.write(file, TestNpy.zip(Map.of("probabilities.npy", TestNpy.f4(flat, C, NZ, NY, NX)), true));
    }

    static JsonNode json(Cli r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void evaluateANpzGivesTheNumbersOfTheSameProbabilitiesAsChannelLastNifti() throws Exception {
        float[][] p = probabilities(3);
        Path ref = TinyNifti.write(dir.resolve("ref.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.UINT8, labels(4));
        Path nifti = TinyNifti.write(dir.resolve("probs.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.FLOAT32, p);
        Path alone = Files.createDirectories(dir.resolve("alone"));
        Path npz = npz(alone.resolve("case_01.npz"), p); // no CASE.nii.gz beside it: the reference gives the grid
        JsonNode fromNifti = json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", nifti.toString(),
                "--name", "c", "-q"));
        JsonNode fromNpz = json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", npz.toString(),
                "--name", "c", "-q"));
        assertEquals(C, fromNifti.get("classes").size());
        assertEquals(fromNifti, fromNpz);
    }

    @Test
    void aBatchUsesTheNpzBesideTheSegmentation() throws Exception {
        float[][] p = probabilities(5);
        Path refs = Files.createDirectories(dir.resolve("labelsTs"));
        Path preds = Files.createDirectories(dir.resolve("predictions"));
        Path niftiPreds = Files.createDirectories(dir.resolve("nifti"));
        TinyNifti.write(refs.resolve("case_01.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.UINT8, labels(6));
        // nnU-Net's own segmentation beside the archive: labels, not probabilities; the archive must win
        TinyNifti.write(preds.resolve("case_01.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.UINT8, labels(7));
        npz(preds.resolve("case_01.npz"), p);
        Files.writeString(preds.resolve("plans.json"), "{\"image_reader_writer\": \"SimpleITKIO\"}");
        TinyNifti.write(niftiPreds.resolve("case_01.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.FLOAT32, p);
        JsonNode fromNpz = json(Cli.run("evaluate", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(),
                "-q"));
        JsonNode fromNifti = json(Cli.run("evaluate", "--reference-dir", refs.toString(), "--prediction-dir",
                niftiPreds.toString(), "-q"));
        assertEquals(1, fromNpz.size());
        assertEquals(fromNifti, fromNpz);
        assertTrue(fromNpz.toString().contains("case_01"));
    }
}
