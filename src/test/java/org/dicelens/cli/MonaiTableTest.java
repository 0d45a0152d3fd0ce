package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table "the same number in MONAI" of docs/FORMULAS.md, checked end to end where python3 with numpy is available
 * (skipped otherwise): {@code monai_table.py} ports the MONAI 1.5.0 functions the table names to numpy (float64),
 * reads the same NIfTI files as {@code evaluate}, and each key must agree. Probabilities are multiples of 1/64 summing
 * to exactly 1 and never 0, so clamping and renormalisation play no part where the table says the numbers agree.
 */
class MonaiTableTest {
    private static final int NX = 5;
    private static final int NY = 4;
    private static final int NZ = 3;
    private static final int N = NX * NY * NZ;
    private static final double TOL = 1e-9;
    private static final List<String> CLASS_KEYS = List.of("softDice", "diceLoss", "diceSquaredLoss", "jaccardLoss",
            "tverskyLoss", "hardDice", "hardJaccard", "tp", "fp", "tn", "fn", "precision", "recall", "specificity", "ce",
            "wce", "focal", "brier");

    @TempDir
    Path dir;

    /** Three classes; voxel i has p = (k0, k1, k2)/64 with every k ≥ 1; the reference is the label of a random draw. */
    private Path[] writeCase(boolean dropClassTwo) throws Exception {
        Random rnd = new Random(21);
        float[][] p = new float[3][N];
        float[] ref = new float[N];
        for (int i = 0; i < N; i++) {
            int k1 = 1 + rnd.nextInt(62);
            int k2 = 1 + rnd.nextInt(63 - k1);
            p[1][i] = k1 / 64f;
            p[2][i] = k2 / 64f;
            p[0][i] = (64 - k1 - k2) / 64f;
            int label = rnd.nextInt(3);
            ref[i] = dropClassTwo && label == 2 ? 1 : label;
        }
        Path r = TinyNifti.write(dir.resolve("ref.nii"), NX, NY, NZ, new double[] {1, 1, 2}, TinyNifti.UINT8, ref);
        Path q = TinyNifti.write(dir.resolve("prob.nii"), NX, NY, NZ, new double[] {1, 1, 2}, TinyNifti.FLOAT32, p);
        return new Path[] {r, q};
    }

    private static JsonNode monai(String py, Path[] files, String... params) throws Exception {
        String script;
        try (InputStream in = MonaiTableTest.class.getResourceAsStream("monai_table.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] args = new String[2 + params.length];
        args[0] = files[0].toString();
        args[1] = files[1].toString();
        System.arraycopy(params, 0, args, 2, params.length);
        ExternalPython.Result r = ExternalPython.run(py, script, args);
        assertEquals(0, r.exit(), r.out());
        return new ObjectMapper().readTree(r.out());
    }

    private static void same(JsonNode expected, JsonNode actual, String key, String what) {
        JsonNode e = expected.get(key);
        JsonNode a = actual.get(key);
        assertTrue(e != null && a != null && !a.isNull() && !e.isNull(), what + " " + key + ": " + e + " vs " + a);
        assertEquals(e.asDouble(), a.asDouble(), TOL, what + " " + key);
    }

    @Test
    void everyKeyOfTheTableAgreesWithMonaisFormulas() throws Exception {
        String py = ExternalPython.find("numpy");
        assumeTrue(py != null, "no python3 with numpy: skipping the MONAI table check");
        Path[] f = writeCase(false);
        // smoothing 1 (where the old Jaccard form differed by 0.003), α ≠ β (which weight goes with fp)
        JsonNode dl = EvaluateCommandTest.json(Cli.run("evaluate", "--reference", f[0].toString(), "--prediction",
                f[1].toString(), "--smooth-nr", "1", "--smooth-dr", "1", "--tversky-alpha", "0.3", "--tversky-beta", "0.7",
                "-q"));
        JsonNode m = monai(py, f, "0.5", "1", "1", "0.3", "0.7", "2", "true");
        for (int c = 0; c < 3; c++) {
            for (String k : CLASS_KEYS) {
                same(m.get("classes").get(c), dl.get("classes").get(c), k, "class " + c);
            }
        }
        for (String k : List.of("gdl", "gdlScore", "meanHardDice", "ceMulticlass")) {
            same(m, dl, k, "case");
        }
    }

    @Test
    void withAnAbsentClassOnlyTheWeightedCrossEntropyDiffers() throws Exception {
        String py = ExternalPython.find("numpy");
        assumeTrue(py != null, "no python3 with numpy: skipping the MONAI table check");
        Path[] f = writeCase(true);
        JsonNode dl = EvaluateCommandTest.json(Cli.run("evaluate", "--reference", f[0].toString(), "--prediction",
                f[1].toString(), "--no-background", "-q"));
        JsonNode m = monai(py, f, "0.5", "1e-5", "1e-5", "0.5", "0.5", "2", "false");
        // GDL without channel 0 and class 2's infinite weight replaced by the largest finite one (rule "max")
        for (String k : List.of("gdl", "gdlScore", "meanHardDice", "ceMulticlass")) {
            same(m, dl, k, "case");
        }
        JsonNode mc = m.get("classes").get(2);
        JsonNode dc = dl.get("classes").get(2);
        for (String k : CLASS_KEYS) {
            if (!k.equals("wce") && !k.equals("recall")) {
                same(mc, dc, k, "absent class");
            }
        }
        // recall 0/0: undefined in both
        assertTrue(mc.get("recall").isNull() && dc.get("recall").isNull(), "recall of an absent class");
        // pos_weight = ∞ makes torch's BCE NaN; DiceLens keeps the background term, which is then the plain CE
        assertTrue(mc.get("wce").isNull(), "MONAI's weighted CE of an absent class: " + mc.get("wce"));
        assertEquals(mc.get("ce").asDouble(), dc.get("wce").asDouble(), TOL, "DiceLens's WCE of an absent class");
    }
}
