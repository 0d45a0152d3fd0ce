package org.dicelens.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Byte-level helpers for tests that build damaged files: offsets are those of nifti1.h / nifti2.h. */
final class TestFiles {
    private TestFiles() {
    }

    /** A valid little-endian NIfTI-1 .nii (352-byte header) of nx*ny*nz float32 values v[i] = i * 0.5 - 7. */
    static byte[] nifti1(int nx, int ny, int nz) {
        int n = nx * ny * nz;
        ByteBuffer b = ByteBuffer.allocate(352 + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {3, (short) nx, (short) ny, (short) nz, 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
            b.putFloat(76 + 4 * i, i == 0 ? 1 : 1.5f);
        }
        b.putShort(70, (short) 16); // float32
        b.putShort(72, (short) 32);
        b.putFloat(108, 352);
        b.putFloat(112, 1);
        b.put(123, (byte) 2); // mm
        b.putShort(254, (short) 1); // sform: 1.5 mm axis-aligned
        b.putFloat(280, 1.5f);
        b.putFloat(296 + 4, 1.5f);
        b.putFloat(312 + 8, 1.5f);
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        for (int i = 0; i < n; i++) {
            b.putFloat(352 + 4 * i, expected(i));
        }
        return b.array();
    }

    static float expected(int i) {
        return i * 0.5f - 7;
    }

    /** A valid little-endian NIfTI-2 .nii (544-byte header) of nx*ny*nz int16 values v[i] = i - 100. */
    static byte[] nifti2(int nx, int ny, int nz) {
        int n = nx * ny * nz;
        ByteBuffer b = ByteBuffer.allocate(544 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 540);
        b.put(4, (byte) 'n').put(5, (byte) '+').put(6, (byte) '2').put(8, (byte) '\r').put(9, (byte) '\n')
                .put(10, (byte) 0x1a).put(11, (byte) '\n');
        b.putShort(12, (short) 4); // int16
        b.putShort(14, (short) 16);
        long[] dim = {3, nx, ny, nz, 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putLong(16 + 8 * i, dim[i]);
            b.putDouble(104 + 8 * i, 1);
        }
        b.putLong(168, 544);
        b.putDouble(176, 1);
        for (int i = 0; i < n; i++) {
            b.putShort(544 + 2 * i, (short) (i - 100));
        }
        return b.array();
    }

    /**
     * A fresh folder for tests that write thousands of small files: under /dev/shm (memory) where there is one,
     * since creating files on a busy disk costs milliseconds each; else in the default temporary folder.
     */
    static Path scratchDir() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "dicelens-test")
                    : Files.createTempDirectory("dicelens-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] head(byte[] bytes, int n) {
        return java.util.Arrays.copyOf(bytes, n);
    }
}
