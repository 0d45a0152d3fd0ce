package org.dicelens.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files our writer makes must read back identically in nibabel. This test runs nibabel itself when a python3
 * with nibabel is on the machine (here: Debian's /usr/bin/python3 with python3-nibabel 5.0.0, checked with
 * {@code /usr/bin/python3 -c 'import nibabel'}) and skips otherwise. Expected values are the inputs we wrote;
 * nibabel is the independent reader.
 */
class NibabelCrossCheckTest {
    @TempDir
    Path dir;

    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np, nibabel as nib",
            "for f in sys.argv[1:]:",
            "    img = nib.load(f)",
            "    h = img.header",
            "    problems = nib.Nifti1Header.diagnose_binaryblock(h.binaryblock)",
            "    d = img.get_fdata().reshape(-1, order='F')",
            "    print('shape', ' '.join(str(s) for s in img.shape))",
            "    print('dtype', h.get_data_dtype().str)",
            "    print('codes', int(h['qform_code']), int(h['sform_code']))",
            "    print('affine', ' '.join(repr(float(x)) for x in img.affine.reshape(-1)))",
            "    print('qform', ' '.join(repr(float(x)) for x in h.get_qform().reshape(-1)))",
            "    print('problems', repr(problems))",
            "    print('values', ' '.join(repr(float(x)) for x in d))");

    private static String python() {
        for (String p : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process pr = new ProcessBuilder(p, "-c", "import nibabel").redirectErrorStream(true).start();
                if (pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0) {
                    return p;
                }
            } catch (IOException | InterruptedException e) {
                // try the next candidate
            }
        }
        return null;
    }

    private static List<String> nibabel(String python, List<Path> files) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(python, "-c", SCRIPT));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    private static String field(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow().substring(key.length() + 1);
    }

    private static double[] numbers(String s) {
        return java.util.Arrays.stream(s.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void nibabelReadsWhatWeWrite() throws Exception {
        String python = python();
        assumeTrue(python != null, "no python3 with nibabel on this machine: skipping the nibabel cross-check");
        double[] a = NiftiWriterTest.oblique();
        Object[][] cases = {{"f32_4d.nii.gz", NiftiDatatype.FLOAT32, 4, "<f4"}, {"u8_3d.nii", NiftiDatatype.UINT8, 1, "|u1"},
            {"i16_4d.nii", NiftiDatatype.INT16, 2, "<i2"}, {"i16_3d.nii.gz", NiftiDatatype.INT16, 1, "<i2"}};
        List<Path> files = new java.util.ArrayList<>();
        List<Object[]> written = new java.util.ArrayList<>();
        for (Object[] c : cases) {
            NiftiDatatype t = (NiftiDatatype) c[1];
            int channels = (int) c[2];
            NiftiHeader h = NiftiWriterTest.header(6, 5, 4);
            h.setAffine(a, 2);
            h.qform_code = 0; // only the sform given: the writer derives the qform
            Object[] data = new Object[channels];
            for (int k = 0; k < channels; k++) {
                data[k] = NiftiWriterTest.values(t, 120, k);
            }
            Path f = dir.resolve((String) c[0]);
            NiftiWriter.write(f, h, t, data);
            files.add(f);
            written.add(data);
        }
        List<String> all = nibabel(python, files); // one python process for all files
        for (int fi = 0; fi < cases.length; fi++) {
            Object[] c = cases[fi];
            int channels = (int) c[2];
            Object[] data = written.get(fi);
            List<String> nib = all.subList(fi * 7, fi * 7 + 7);
            String name = (String) c[0];
            assertEquals(channels > 1 ? "6 5 4 " + channels : "6 5 4", field(nib, "shape"), name);
            assertEquals(c[3], field(nib, "dtype"), name);
            assertEquals("2 2", field(nib, "codes"), name);
            assertEquals("''", field(nib, "problems"), name + ": nibabel's header diagnosis");
            double[] affine = numbers(field(nib, "affine"));
            double[] qform = numbers(field(nib, "qform"));
            for (int i = 0; i < 16; i++) {
                assertEquals((float) a[i], (float) affine[i], name + " affine " + i);
                assertEquals(a[i], qform[i], 1e-5, name + " qform " + i);
            }
            double[] values = numbers(field(nib, "values"));
            double[] expected = new double[120 * channels];
            for (int k = 0; k < channels; k++) {
                float[] d = (float[]) data[k];
                for (int i = 0; i < 120; i++) {
                    expected[k * 120 + i] = d[i];
                }
            }
            assertArrayEquals(expected, values, name);
        }
    }
}
