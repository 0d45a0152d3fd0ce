package org.dicelens.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.npz.TestNpy;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header-only estimate against the header facts of small files written here: voxels × (reference bytes + float
 * channels × 4) × the measured working-set factor, worked out by hand for each layout.
 */
class CaseMemoryTest {
    private static final int NX = 10;
    private static final int NY = 12;
    private static final int NZ = 7;
    private static final long N = NX * NY * NZ; // 840 voxels
    private static final Geometry G = Geometry.ofSpacing(NX, NY, NZ, 1, 1, 1);

    @TempDir
    Path dir;

    private static long times(long decodedBytes) {
        return (long) Math.ceil(decodedBytes * (CaseMemory.WORKING_SET_PERCENT / 100.0) - 1e-6);
    }

    private Path uint8Reference() throws Exception {
        Path ref = dir.resolve("ref.nii.gz");
        NiftiHeaders.writeUint8(ref, G, "ref", new float[(int) N]);
        return ref;
    }

    private Path float32(String name, int channels) throws Exception {
        Path p = dir.resolve(name.endsWith(".gz") ? name : name + ".gz");
        float[][] ch = new float[channels][(int) N];
        NiftiHeaders.writeFloat32(p, G, name, ch);
        return p;
    }

    @Test
    void aUint8ReferenceAndAFiveChannelFloatPrediction() throws Exception {
        // 840 bytes of reference codes + 5 × 840 floats
        assertEquals(times(840 + 5 * 840 * 4), CaseMemory.estimate(uint8Reference(), List.of(float32("p.nii.gz", 5))));
    }

    @Test
    void anInt16ReferenceIsDecodedToFloatsBeforeItsCodes() throws Exception {
        Path ref = dir.resolve("ref16.nii");
        NiftiWriter.write(ref, NiftiHeaders.of(G, 1, "ref"), NiftiDatatype.INT16, new float[(int) N]);
        assertEquals(times(840 * 5 + 3 * 840 * 4), CaseMemory.estimate(ref, List.of(float32("p.nii", 3))));
    }

    @Test
    void oneForegroundChannelGetsItsDerivedBackgroundAndPerClassFilesAddUp() throws Exception {
        Path ref = uint8Reference();
        assertEquals(times(840 + 2 * 840 * 4), CaseMemory.estimate(ref, List.of(float32("fg.nii.gz", 1))));
        assertEquals(times(840 + 3 * 840 * 4), CaseMemory.estimate(ref,
                List.of(float32("c_0000.nii.gz", 1), float32("c_0001.nii.gz", 1), float32("c_0002.nii.gz", 1))));
    }

    @Test
    void anNnUnetNpzIsEstimatedFromItsArraysShape() throws Exception {
        Path npz = dir.resolve("case.npz");
        // (classes, k, j, i) = (4, 7, 12, 10): 4 float channels of 840 voxels
        Files.write(npz, TestNpy.zip(Map.of("probabilities.npy", TestNpy.f4(new float[4 * (int) N], 4, NZ, NY, NX)), true));
        assertEquals(times(840 + 4 * 840 * 4), CaseMemory.estimate(uint8Reference(), List.of(npz)));
    }

    @Test
    void whatHeadersCannotTellRunsAlone() throws Exception {
        Path ref = uint8Reference();
        Path labels = dir.resolve("labels.nii.gz");
        NiftiHeaders.writeUint8(labels, G, "predicted labels", new float[(int) N]);
        // a label-map prediction is one-hot encoded into as many channels as the case has classes: unknown here
        assertEquals(CaseMemory.UNKNOWN, CaseMemory.estimate(ref, List.of(labels)));
        Path broken = dir.resolve("broken.nii.gz");
        Files.write(broken, new byte[] {1, 2, 3});
        assertEquals(CaseMemory.UNKNOWN, CaseMemory.estimate(ref, List.of(broken)));
        // a pair that already failed reads nothing
        assertEquals(0, CaseMemory.estimate(new BatchPairing.Pair("x", null, List.of(), "no reference")));
    }

    @Test
    void theBenchCaseOfTheBudgetFromItsHeadersAlone() throws Exception {
        // headers claiming 240×240×155 (uint8) and 240×240×155×5 (float32): no voxel is read, so no data is needed
        Path ref = claim(dir.resolve("big-ref.nii.gz"), uint8Reference(), "ref.nii", 1);
        Path pred = claim(dir.resolve("big-pred.nii.gz"), float32("p5.nii", 5), "p5.nii", 5);
        long voxels = 240L * 240 * 155; // 8,928,000
        // 8,928,000 × (1 + 5 × 4) = 187,488,000 decoded bytes, × 1.10 = 206,236,800
        assertEquals(206_236_800L, CaseMemory.estimate(ref, List.of(pred)));
        assertEquals(times(voxels * 21), CaseMemory.estimate(ref, List.of(pred)));
    }

    /** A copy of the header of {@code small} (a .nii.gz written here), gzipped, with dims 240, 240, 155, channels. */
    private Path claim(Path out, Path small, String plainName, int channels) throws Exception {
        Path plain = dir.resolve(plainName);
        if (!Files.exists(plain)) {
            Files.write(plain, new java.util.zip.GZIPInputStream(Files.newInputStream(small)).readAllBytes());
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(plain)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort(40, (short) (channels > 1 ? 4 : 3)).putShort(42, (short) 240).putShort(44, (short) 240)
                .putShort(46, (short) 155).putShort(48, (short) channels);
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(out))) {
            gz.write(b.array());
            // incompressible padding: the reader refuses a gzip file too small to inflate to the data its header claims
            byte[] pad = new byte[(int) (240L * 240 * 155 * 4 * channels / 1000)];
            new java.util.Random(1).nextBytes(pad);
            gz.write(pad);
        }
        return out;
    }
}
