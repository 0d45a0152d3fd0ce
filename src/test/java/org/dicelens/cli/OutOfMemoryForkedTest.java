package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found walking issue 15: an intensity image given as the prediction (uint8, about 250 distinct values) read as a hard
 * label map of that many classes, and {@code evaluate} died with an OutOfMemoryError stack trace. Such a file is now
 * refused as an intensity image before anything is allocated; and whatever still runs out of memory (here a real
 * 250-class case in a 64 MiB heap), the command line prints one {@code error:} line saying to raise -Xmx, exits 1 and
 * writes nothing.
 */
class OutOfMemoryForkedTest {
    @TempDir
    Path dir;

    @Test
    void runningOutOfMemoryIsOneLine() throws Exception {
        int n = 64;
        float[] labels = new float[n * n * n];
        float[] intensities = new float[n * n * n];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 250;
            intensities[i] = (i + 1) % 250; // 250 classes of 262144 voxels: far more than a 64 MiB heap holds as channels
        }
        Path ref = TinyNifti.write(dir.resolve("parcels.nii.gz"), n, n, n, new double[] {1, 1, 1}, TinyNifti.UINT8, labels);
        Path pred = TinyNifti.write(dir.resolve("model.nii.gz"), n, n, n, new double[] {1, 1, 1}, TinyNifti.UINT8,
                intensities);
        Path out = dir.resolve("report.json");
        HostileNpzForkedTest.Run r = HostileNpzForkedTest.run("evaluate", "--reference", ref.toString(), "--prediction",
                pred.toString(), "--out", out.toString(), "-q");
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: not enough memory for this input"), lines.get(0));
        assertTrue(lines.get(0).contains("-Xmx"), lines.get(0));
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anIntensityImageAsThePredictionIsRefusedBeforeAnyAllocation() throws Exception {
        int n = 64;
        float[] labels = new float[n * n * n];
        float[] intensities = new float[n * n * n];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
            intensities[i] = i % 250;
        }
        Path ref = TinyNifti.write(dir.resolve("lesion.nii.gz"), n, n, n, new double[] {1, 1, 1}, TinyNifti.UINT8, labels);
        Path pred = TinyNifti.write(dir.resolve("flair.nii.gz"), n, n, n, new double[] {1, 1, 1}, TinyNifti.UINT8,
                intensities);
        Path out = dir.resolve("report.json");
        HostileNpzForkedTest.Run r = HostileNpzForkedTest.run("evaluate", "--reference", ref.toString(), "--prediction",
                pred.toString(), "--out", out.toString(), "-q");
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("flair.nii.gz"), lines.get(0));
        assertTrue(lines.get(0).contains("246 labels that the reference does not"), lines.get(0));
        assertTrue(lines.get(0).contains("intensity image"), lines.get(0));
        assertFalse(Files.exists(out), "nothing written");
    }
}
