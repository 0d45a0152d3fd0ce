package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case-level problems of issue 7 through the command line: refusals print one line naming the files and exit 2;
 * what only deserves a warning (values clamped, channels not summing to 1) is said on stderr and the numbers still come.
 */
class CaseProblemsCliTest {
    static final double[] SP = {1, 1, 1};

    @TempDir
    Path dir;
    Path ref;

    @BeforeEach
    void reference() throws Exception {
        ref = TinyNifti.write(dir.resolve("ref.nii.gz"), 2, 2, 2, SP, TinyNifti.UINT8, new float[] {0, 1, 0, 1, 0, 0, 2, 0});
    }

    private Path pred(String name, double[] spacing, float[]... channels) throws Exception {
        return TinyNifti.write(dir.resolve(name), 2, 2, 2, spacing, TinyNifti.FLOAT32, channels);
    }

    private static float[] constant(float v) {
        float[] a = new float[8];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private Cli evaluate(Path p) {
        return Cli.run("evaluate", "--reference", ref.toString(), "--prediction", p.toString());
    }

    private static void refused(Cli r, String... mention) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines(), r.err());
        for (String m : mention) {
            assertTrue(r.err().contains(m), m + " in " + r.err());
        }
        assertEquals("", r.out());
    }

    @Test
    void anotherAffineIsRefusedNamingBothFiles() throws Exception {
        Path p = pred("shifted.nii.gz", new double[] {1, 1, 2}, constant(0.3f), constant(0.3f), constant(0.4f));
        refused(evaluate(p), "ref.nii.gz", "shifted.nii.gz");
    }

    @Test
    void tooFewChannelsAreRefusedAndExtraChannelsBecomeAbsentClasses() throws Exception {
        // the reference has labels 0, 1, 2: three classes; one channel cannot describe them
        refused(evaluate(pred("one.nii.gz", SP, constant(0.5f))), "one.nii.gz");
        // two channels: the background is derived as 1 − the others (the loader's documented layout), no refusal
        Cli two = evaluate(pred("two.nii.gz", SP, constant(0.25f), constant(0.25f)));
        assertEquals(0, two.exit(), two.err());
        // five channels: labels 0..4, classes 3 and 4 absent from the reference (refVoxels 0)
        Cli five = evaluate(pred("five.nii.gz", SP, constant(0.2f), constant(0.2f), constant(0.2f), constant(0.2f),
                constant(0.2f)));
        assertEquals(0, five.exit(), five.err());
        com.fasterxml.jackson.databind.JsonNode classes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(five.out())
                .get("classes");
        assertEquals(5, classes.size());
        assertEquals(0, classes.get(4).get("refVoxels").asDouble());
        assertTrue(classes.get(4).get("recall").isNull(), "recall of an absent class is undefined: null");
    }

    @Test
    void aLabelMissingFromTheClassTableIsRefused() throws Exception {
        Path table = dir.resolve("labels.txt");
        Files.writeString(table, "0 0 0 0 0 0 0 \"bg\"\n1 255 0 0 1 1 1 \"one\"\n");
        Path p = pred("three.nii.gz", SP, constant(0.3f), constant(0.3f), constant(0.4f));
        Cli r = Cli.run("evaluate", "--reference", ref.toString(), "--prediction", p.toString(), "--labels", table.toString());
        refused(r, "2");
    }

    @Test
    void outOfRangeValuesAreClampedWithAWarningAndTheNumbersStillCome() throws Exception {
        float[] high = constant(0.4f);
        high[1] = 1.2f;
        float[] low = constant(0.3f);
        low[0] = -0.1f;
        Cli r = evaluate(pred("range.nii.gz", SP, low, constant(0.3f), high));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("warning: ") && l.contains("clamped")), r.err());
        assertTrue(r.out().contains("\"softDice\""), r.out());
    }

    @Test
    void channelsThatDoNotSumToOneEarnAWarningOnly() throws Exception {
        Cli r = evaluate(pred("sums.nii.gz", SP, constant(0.5f), constant(0.5f), constant(0.5f)));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("warning: ") && l.contains("sum")), r.err());
        assertFalse(r.out().isEmpty());
    }

    @Test
    void nanProbabilitiesAreRefused() throws Exception {
        float[] nan = constant(0.4f);
        nan[3] = Float.NaN;
        refused(evaluate(pred("nan.nii.gz", SP, constant(0.3f), constant(0.3f), nan)), "nan.nii.gz");
    }
}
