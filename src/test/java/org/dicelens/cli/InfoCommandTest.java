package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.dicelens.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The info command through picocli, on real files. Expected figures were computed with Debian's python3-nibabel
 * 5.0.0 and numpy 1.24 (run outside ../shared/realdata, whose nibabel/ folder would shadow the module):
 * <pre>
 * img = nib.load(f); h = img.header; d = img.get_fdata(); A = img.affine
 * dims h['dim'][1:n+1], pixdim h['pixdim'][1:n+1], voxelMl abs(np.linalg.det(A[:3,:3]))/1000,
 * orientation ''.join(nib.aff2axcodes(A)), d.min(), d.max(), d.sum(), d.mean(), np.count_nonzero(d)
 * </pre>
 */
class InfoCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = DiceLensCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static JsonNode json(String file) throws Exception {
        Run r = run("info", RealData.file(file).toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static void assertKeysExactly(JsonNode n) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        assertEquals(List.of("format", "byteOrder", "datatype", "dims", "pixdim", "voxelMl", "orientation", "min", "max",
                "sum", "mean", "nonZero"), keys);
    }

    private static void assertNumbers(JsonNode array, double... expected) {
        assertEquals(expected.length, array.size(), array.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], array.get(i).asDouble(), array.toString());
        }
    }

    @Test
    void fourDimensionalLittleEndian() throws Exception {
        JsonNode n = json("nibabel/example4d.nii.gz");
        assertKeysExactly(n);
        assertEquals("NIfTI-1", n.get("format").asText());
        assertEquals("little-endian", n.get("byteOrder").asText());
        assertEquals("int16", n.get("datatype").asText());
        assertNumbers(n.get("dims"), 128, 96, 24, 2);
        assertNumbers(n.get("pixdim"), 2.0, 2.0, 2.1999990940093994, 2000.0);
        assertEquals(0.008799996985412745, n.get("voxelMl").asDouble(), 1e-15);
        assertEquals("LAS", n.get("orientation").asText());
        assertEquals(0.0, n.get("min").asDouble());
        assertEquals(1162.0, n.get("max").asDouble());
        assertEquals(101985356.0, n.get("sum").asDouble());
        assertEquals(172.90811496310764, n.get("mean").asDouble(), 1e-9);
        assertEquals(229725, n.get("nonZero").asLong());
    }

    @Test
    void bigEndianScaledTissuePrior() throws Exception {
        JsonNode n = json("spm12_tissue_priors/grey.nii");
        assertEquals("big-endian", n.get("byteOrder").asText());
        assertEquals("uint8", n.get("datatype").asText());
        assertNumbers(n.get("dims"), 91, 109, 91);
        assertEquals(0.008, n.get("voxelMl").asDouble(), 1e-15);
        assertEquals("LAS", n.get("orientation").asText());
        assertEquals(0.9764706459827721, n.get("max").asDouble()); // 249 * float32(1/255), after scl_slope
        assertEquals(115523.23428290663, n.get("sum").asDouble(), 1e-7);
        assertEquals(0.12798528995069583, n.get("mean").asDouble(), 1e-12);
        assertEquals(255093, n.get("nonZero").asLong());
    }

    @Test
    void niftiTwo() throws Exception {
        JsonNode n = json("nibabel/example_nifti2.nii.gz");
        assertEquals("NIfTI-2", n.get("format").asText());
        assertNumbers(n.get("dims"), 32, 20, 12, 2);
        assertEquals(46.0, n.get("min").asDouble());
        assertEquals(757.0, n.get("max").asDouble());
        assertEquals(6926802.0, n.get("sum").asDouble());
        assertEquals(450.963671875, n.get("mean").asDouble(), 1e-9);
        assertEquals(15360, n.get("nonZero").asLong());
    }

    @Test
    void obliqueBrainAndInt64Mask() throws Exception {
        JsonNode flair = json("niivue_flair_drawing/FLAIR.nii.gz");
        assertEquals("RAS", flair.get("orientation").asText());
        assertEquals(0.0010000000614038057, flair.get("voxelMl").asDouble(), 1e-15);
        assertEquals(115231646.0, flair.get("sum").asDouble());
        assertEquals(1069777, flair.get("nonZero").asLong());
        JsonNode mask = json("sct_spinalcord/t2s/t2s_seg-deepseg.nii.gz");
        assertEquals("int64", mask.get("datatype").asText());
        assertEquals("LAS", mask.get("orientation").asText());
        assertEquals(0.0018749997794335492, mask.get("voxelMl").asDouble(), 1e-15);
        assertEquals(2443.0, mask.get("sum").asDouble());
        assertEquals(2443, mask.get("nonZero").asLong());
    }

    @Test
    void textReportNamesTheHeaderFacts() {
        Run r = run("info", RealData.file("nibabel/anatomical.nii").toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("NIfTI-1, single file"), out);
        assertTrue(out.contains("big-endian"), out);
        assertTrue(out.contains("int16 (code 4, 16 bits)"), out);
        assertTrue(out.contains("33 x 41 x 25"), out);
        assertTrue(out.contains("mm, s"), out); // xyzt_units 10
        assertTrue(out.contains("qform         code 2 (aligned_anat)"), out);
        assertTrue(out.contains("sform         code 2 (aligned_anat)"), out);
        assertTrue(out.contains("0.008 mL"), out);
        assertTrue(out.contains("LAS"), out);
        assertTrue(out.contains("min           -610"), out);
        assertTrue(out.contains("max           30393"), out);
        assertTrue(out.contains("sum           284166082"), out);
        assertTrue(out.contains("non-zero      33825 of 33825"), out);
    }

    @Test
    void unreadableFilesPrintOneLineAndExitNonZero() throws Exception {
        Path missing = dir.resolve("missing.nii");
        Path folder = Files.createDirectory(dir.resolve("folder.nii"));
        Path junk = Files.write(dir.resolve("junk.nii.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        Path bad = Files.write(dir.resolve("bad.nii"), new byte[400]);
        for (Path p : new Path[] {missing, folder, junk, bad}) {
            for (String[] args : new String[][] {{"info", p.toString()}, {"info", p.toString(), "--json"}}) {
                Run r = run(args);
                assertEquals(OneLineErrors.INPUT_ERROR, r.exit(), r.err());
                assertEquals("", r.out());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().startsWith("error: " + p + ": "), r.err());
                assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            }
        }
        assertTrue(run("info", bad.toString()).err().contains("sizeof_hdr"));
    }

    @Test
    void aNanInTheSformIsOneLineNamingTheField() throws Exception {
        Path nan = TinyNifti.write(dir.resolve("nan.nii"), 2, 2, 1, new double[] {1, 1, 1}, TinyNifti.FLOAT32,
                new float[] {0, 1, 0, 1});
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(nan)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort(254, (short) 1).putFloat(280 + 4, Float.NaN); // sform_code 1, srow_x[1] NaN
        Files.write(nan, b.array());
        for (String[] args : new String[][] {{"info", nan.toString()}, {"evaluate", "--reference", nan.toString(),
            "--prediction", nan.toString()}}) {
            Run r = run(args);
            assertEquals(OneLineErrors.INPUT_ERROR, r.exit(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: " + nan + ": srow_x[1]: is NaN"), r.err());
        }
    }
}
