package org.dicelens.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dtype, byte order, storage order and header version numpy writes, read back and compared with numpy's own
 * float32 conversion of the same array (written raw, read here with a ByteBuffer).
 */
class NpyReaderTest {
    /** Writes NAME.npy (and NAME.npz entries) plus NAME.f32 = arr.astype('<f4') in C order and NAME.shape. */
    static final String ARRAYS = """
            import sys, numpy as np
            out = sys.argv[1]
            rng = np.random.default_rng(7)
            base = rng.normal(size=(3, 4, 5, 6)) * 3
            half_specials = np.array([0.0, -0.0, 1.0, -2.5, 65504.0, 6.1e-05, 5.96e-08, 3e-06, np.inf, -np.inf, np.nan, 0.333],
                                     dtype=np.float16)
            arrays = {
                'f4le': base.astype('<f4'), 'f4be': base.astype('>f4'),
                'f8le': base.astype('<f8'), 'f8be': base.astype('>f8'),
                'f2le': base.astype('<f2'), 'f2be': base.astype('>f2'), 'f2special': half_specials,
                'f4fortran': np.asfortranarray(base.astype('<f4')),
                'f8fortran_be': np.asfortranarray(base.astype('>f8')),
                'f2fortran': np.asfortranarray(base[:, :, :, 0].astype('<f2')),
                'u1': (np.abs(base) * 40).astype(np.uint8), 'i1': (base * 20).astype(np.int8),
                'i2be': (base * 1000).astype('>i2'), 'u2': (np.abs(base) * 1000).astype('<u2'),
                'i4': (base * 1e6).astype('<i4'), 'u4be': (np.abs(base) * 1e6).astype('>u4'),
                'i8': (base * 1e5).astype('<i8'), 'u8': (np.abs(base) * 1e5).astype('<u8'),
                'bool': base > 0, 'scalar': np.array(2.5, dtype='<f4'), 'vector': base[0, 0, 0].astype('<f4'),
                'empty': np.zeros((0, 3), dtype='<f4'),
            }
            for name, a in arrays.items():
                np.save(f'{out}/{name}.npy', a)
                np.ascontiguousarray(a.astype('<f4')).tofile(f'{out}/{name}.f32')
                open(f'{out}/{name}.shape', 'w').write(' '.join(map(str, a.shape)))
            for v in [(1, 0), (2, 0), (3, 0)]:
                with open(f'{out}/v{v[0]}.npy', 'wb') as f:
                    np.lib.format.write_array(f, base.astype('<f4'), version=v)
                base.astype('<f4').tofile(f'{out}/v{v[0]}.f32')
                open(f'{out}/v{v[0]}.shape', 'w').write(' '.join(map(str, base.shape)))
            """;

    static final List<String> NAMES = List.of("f4le", "f4be", "f8le", "f8be", "f2le", "f2be", "f2special", "f4fortran",
            "f8fortran_be", "f2fortran", "u1", "i1", "i2be", "u2", "i4", "u4be", "i8", "u8", "bool", "scalar", "vector",
            "empty", "v1", "v2", "v3");

    @Test
    void everyDtypeOrderAndVersionEqualsNumpysFloat32(@TempDir Path dir) throws Exception {
        Numpy.script(ARRAYS, dir);
        for (String name : NAMES) {
            NpyArray a = NpyReader.read(dir.resolve(name + ".npy"), null);
            assertArrayEquals(shape(dir, name), a.shape(), name);
            assertSameFloats(Numpy.f32(dir.resolve(name + ".f32")), flatten(a), name);
        }
        assertEquals(true, NpyReader.read(dir.resolve("f4fortran.npy"), null).fortranOrder());
        assertEquals(">f8", NpyReader.read(dir.resolve("f8fortran_be.npy"), null).descr());
    }

    @Test
    void objectArraysAreRefusedWithoutUnpickling(@TempDir Path dir) throws Exception {
        Numpy.script("""
                import sys, numpy as np
                np.save(sys.argv[1] + '/obj.npy', np.array([{'a': 1}, None], dtype=object), allow_pickle=True)
                np.save(sys.argv[1] + '/rec.npy', np.zeros(3, dtype=[('x', '<f4'), ('y', '<i2')]))
                np.save(sys.argv[1] + '/c8.npy', np.zeros(3, dtype='<c8'))
                np.save(sys.argv[1] + '/str.npy', np.array(['ab', 'c']))
                """, dir);
        assertRefused(dir.resolve("obj.npy"), "never unpickles");
        assertRefused(dir.resolve("rec.npy"), "structured");
        assertRefused(dir.resolve("c8.npy"), "'<c8' is not a numeric type");
        assertRefused(dir.resolve("str.npy"), "is not a numeric type");
    }

    static void assertRefused(Path file, String fragment) {
        try {
            NpyReader.read(file, null);
            fail("read " + file + " without complaint");
        } catch (InputException e) {
            if (!e.getMessage().startsWith(file.toString()) || !e.getMessage().contains(fragment)) {
                fail("message should name the file and say '" + fragment + "': " + e.getMessage());
            }
        }
    }

    static long[] shape(Path dir, String name) throws IOException {
        String s = Files.readString(dir.resolve(name + ".shape")).trim();
        return s.isEmpty() ? new long[0] : java.util.Arrays.stream(s.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    static float[] flatten(NpyArray a) {
        int n = 0;
        for (float[] s : a.slabs()) {
            n += s.length;
        }
        float[] out = new float[n];
        int pos = 0;
        for (float[] s : a.slabs()) {
            System.arraycopy(s, 0, out, pos, s.length);
            pos += s.length;
        }
        return out;
    }

    /** Bit-equal, except that any NaN equals any NaN (numpy keeps a float16 NaN's payload, DiceLens need not). */
    static void assertSameFloats(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            boolean same = Float.isNaN(expected[i]) ? Float.isNaN(actual[i])
                    : Float.floatToIntBits(expected[i]) == Float.floatToIntBits(actual[i]);
            if (!same) {
                fail(what + "[" + i + "]: expected " + expected[i] + " got " + actual[i]);
            }
        }
    }
}
