package org.dicelens.npz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.common.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives numpy writes (stored and deflated), and hostile ones: each read exactly or refused by name. */
class NpzReaderTest {
    @Test
    void storedAndCompressedArchivesFromNumpy(@TempDir Path dir) throws Exception {
        Numpy.script("""
                import sys, numpy as np
                out = sys.argv[1]
                rng = np.random.default_rng(3)
                a = rng.random((4, 5, 6, 7)).astype('<f4')
                b = rng.random((2, 3)).astype('>f2')
                np.savez(out + '/stored.npz', probabilities=a, other=b)
                np.savez_compressed(out + '/deflated.npz', probabilities=np.asfortranarray(a), other=b)
                a.tofile(out + '/a.f32'); b.astype('<f4').tofile(out + '/b.f32')
                """, dir);
        for (String f : List.of("stored.npz", "deflated.npz")) {
            Path file = dir.resolve(f);
            assertEquals(List.of("probabilities", "other"), NpzReader.keys(file), f);
            NpyArray a = NpzReader.read(file, "probabilities", null);
            assertEquals(4, a.slabs().length);
            NpyReaderTest.assertSameFloats(Numpy.f32(dir.resolve("a.f32")), NpyReaderTest.flatten(a), f);
            NpyReaderTest.assertSameFloats(Numpy.f32(dir.resolve("b.f32")),
                    NpyReaderTest.flatten(NpzReader.read(file, "other", null)), f);
            assertTrue(NpzReader.looksLikeNpz(Arrays.copyOf(Files.readAllBytes(file), 64)), f);
        }
        assertRefused(dir.resolve("stored.npz"), "softmax", null, "no array 'softmax'");
    }

    @Test
    void looksLikeNpzNeedsAZipWhoseFirstEntryIsAnArray(@TempDir Path dir) throws Exception {
        byte[] npz = TestNpy.zip(Map.of("x.npy", TestNpy.f4(new float[] {1}, 1)), true);
        assertTrue(NpzReader.looksLikeNpz(npz));
        assertFalse(NpzReader.looksLikeNpz(TestNpy.zip(Map.of("x.txt", new byte[3]), true)));
        assertFalse(NpzReader.looksLikeNpz(TestNpy.f4(new float[] {1}, 1)));
        assertFalse(NpzReader.looksLikeNpz(new byte[] {'P', 'K', 3, 4}));
        assertFalse(NpzReader.looksLikeNpz(new byte[0]));
    }

    @Test
    void hostileHeadersAreRefusedByName(@TempDir Path dir) throws Exception {
        byte[] data = new byte[24];
        refuse(dir, TestNpy.npy(TestNpy.dict("<f4", false, 2, 4), data), "x", "truncated");
        refuse(dir, TestNpy.npy(TestNpy.dict("<f4", false, 1, 5), data), "x", "bytes follow the header");
        refuse(dir, TestNpy.npy(TestNpy.dict("<f4", false, 1L << 40, 1L << 20), data), "x", "24 bytes follow");
        refuse(dir, TestNpy.npy(TestNpy.dict("<f4", false, 1L << 40, 1L << 40), data), "x", "than can be counted");
        refuse(dir, TestNpy.npy(TestNpy.dict("<f4", false, 1L << 31, 4), data), "x", "24 bytes follow");
        refuse(dir, TestNpy.npy(TestNpy.dict("|O", false, 3), data), "x", "never unpickles");
        refuse(dir, TestNpy.npy(TestNpy.dict("=f4", false, 6), data), "x", "byte order");
        refuse(dir, TestNpy.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (6,), 'evil': 1}", data), "x",
                "unknown key 'evil'");
        refuse(dir, TestNpy.npy("{'descr': '<f4', 'fortran_order': False, 'shape': __import__('os')}", data), "x",
                "not a NumPy array header");
        refuse(dir, TestNpy.npy("{'descr': '<f4', 'shape': (6,)}", data), "x", "fortran_order");
        refuse(dir, TestNpy.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-6,)}", data), "x", "non-negative");
        refuse(dir, TestNpy.npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (6,)}", data), "x",
                "structured");
        byte[] wrongMagic = TestNpy.f4(new float[6], 6);
        wrongMagic[1] = 'X';
        refuse(dir, wrongMagic, "x", "\\x93NUMPY");
        byte[] version9 = TestNpy.f4(new float[6], 6);
        version9[6] = 9;
        refuse(dir, version9, "x", "version 9.0");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated(@TempDir Path dir) throws Exception {
        // 64 MB of zeros declared honestly: compresses to about 64 kB, refused by the cap (8 MiB here) unread
        byte[] bomb = TestNpy.npy(TestNpy.dict("<f4", false, 16, 1 << 20), new byte[64 << 20]);
        Path file = TestNpy.write(dir.resolve("bomb.npz"), TestNpy.zip(Map.of("probabilities.npy", bomb), true));
        assertTrue(Files.size(file) < 1 << 20);
        assertRefused(file, "probabilities", 8L << 20, "more than the 8 MiB");
        // a small header followed by the same 64 MB: reading stops one byte past the declared data
        byte[] tail = new byte[64 << 20];
        byte[] small = TestNpy.f4(new float[] {1, 2}, 2);
        System.arraycopy(small, 0, tail, 0, small.length);
        Path lying = TestNpy.write(dir.resolve("lying.npz"), TestNpy.zip(Map.of("probabilities.npy", tail), true));
        assertRefused(lying, "probabilities", 8L << 20, "bytes follow the header");
    }

    @Test
    void everyTruncationOfAnArchiveIsRefusedByName(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("probabilities.npy", TestNpy.f4(new float[] {0.25f, 0.75f, 1, 0, 0.5f, 0.5f}, 2, 3));
        for (boolean deflate : new boolean[] {false, true}) {
            byte[] whole = TestNpy.zip(entries, deflate);
            for (int n = 0; n < whole.length; n++) {
                Path f = TestNpy.write(dir.resolve("cut.npz"), Arrays.copyOf(whole, n));
                try {
                    NpzReader.read(f, "probabilities", 1 << 20, null);
                    fail("a " + n + "-byte prefix of " + whole.length + " read without complaint");
                } catch (InputException e) {
                    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                }
            }
        }
    }

    /** Seeded random byte flips of a valid archive: each read gives the right shape or a named InputException. */
    @Test
    void byteFlipsReadOrFailByName(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("probabilities.npy", TestNpy.f4(new float[24], 2, 3, 4));
        java.util.Random rnd = new java.util.Random(11);
        for (boolean deflate : new boolean[] {false, true}) {
            byte[] whole = TestNpy.zip(entries, deflate);
            for (int trial = 0; trial < 500; trial++) {
                byte[] b = whole.clone();
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                NpzFuzzTest.survives(TestNpy.write(dir.resolve("flip.npz"), b));
            }
        }
    }

    static void refuse(Path dir, byte[] npy, String key, String fragment) throws Exception {
        Path npyFile = TestNpy.write(dir.resolve(key + ".npy"), npy);
        NpyReaderTest.assertRefused(npyFile, fragment);
        for (boolean deflate : new boolean[] {false, true}) {
            Path npz = TestNpy.write(dir.resolve("a.npz"), TestNpy.zip(Map.of(key + ".npy", npy), deflate));
            assertRefused(npz, key, 1L << 30, fragment);
        }
    }

    static void assertRefused(Path file, String key, Long maxBytes, String fragment) {
        try {
            if (maxBytes == null) {
                NpzReader.read(file, key, null);
            } else {
                NpzReader.read(file, key, maxBytes, null);
            }
            fail("read " + file + " without complaint");
        } catch (InputException e) {
            if (!e.getMessage().startsWith(file + ": " + key + ".npy") || !e.getMessage().contains(fragment)) {
                fail("message should name the file and entry and say '" + fragment + "': " + e.getMessage());
            }
        }
    }
}
