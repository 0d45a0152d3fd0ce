package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} end to end through picocli's execute, on NIfTI files written by {@link TinyNifti} (independent of the
 * codec) and checked against {@link HandWorked}, the formula sheet computed by brute force in the test.
 */
class EvaluateCommandTest {
    static final int NX = 4;
    static final int NY = 3;
    static final int NZ = 2;
    static final int N = NX * NY * NZ;
    static final double[] SPACING = {1.5, 2, 2.5};
    /** 1.5 × 2 × 2.5 mm³ = 7.5 mm³ = 0.0075 mL. */
    static final double VOXEL_ML = 0.0075;
    /** Reference foreground (label 1): voxels (1,1,0) (2,1,0) (1,2,0) (2,2,0) (1,1,1) (2,1,1). */
    static final int[] FOREGROUND = {5, 6, 9, 10, 17, 18};
    /** Foreground probabilities, chosen off the 0.1 bin edges. */
    static final float[] P1 = {0.02f, 0.12f, 0f, 0.25f, 0.33f, 0.92f, 0.85f, 0.45f, 0f, 0.62f, 0.97f, 0.15f, 0f, 0.05f, 0.25f,
        0.55f, 0.43f, 0.75f, 0.58f, 0f, 0.15f, 0f, 0.35f, 0.05f};

    @TempDir
    Path dir;
    int[] ref;
    float[] p0;
    Path refFile;
    Path predFile;

    @BeforeEach
    void writeCase() throws Exception {
        ref = new int[N];
        for (int i : FOREGROUND) {
            ref[i] = 1;
        }
        p0 = new float[N];
        for (int i = 0; i < N; i++) {
            p0[i] = 1f - P1[i];
        }
        refFile = TinyNifti.write(dir.resolve("case.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.UINT8, floats(ref));
        predFile = TinyNifti.write(dir.resolve("case_prob.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.FLOAT32, p0, P1);
    }

    static float[] floats(int[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = a[i];
        }
        return f;
    }

    static int[] floatsToInts(float[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.round(a[i]);
        }
        return r;
    }

    static JsonNode json(Cli r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    static void near(double expected, JsonNode actual, double tol, String what) {
        assertFalse(actual == null || actual.isNull(), what + " missing or null");
        assertEquals(expected, actual.asDouble(), tol, what);
    }

    /** Every per-class number of issue 5 that the sheet defines, checked against the brute force for channel c. */
    static void checkClass(HandWorked h, int c, int step, JsonNode k) {
        double tol = 1e-9;
        boolean[] hard = h.thresholdMask(c, step);
        long[] cnt = h.counts(c, hard);
        assertEquals(step / 1000.0, k.get("threshold").asDouble(), 0);
        near(h.sumR(c), k.get("refVoxels"), tol, "refVoxels");
        near(h.sumP(c), k.get("softVoxels"), 1e-6, "softVoxels");
        near(cnt[0] + cnt[1], k.get("hardVoxels"), 0, "hardVoxels");
        near(h.sumR(c) * VOXEL_ML, k.get("refMl"), tol, "refMl");
        near(h.sumP(c) * VOXEL_ML, k.get("softMl"), 1e-8, "softMl");
        near((cnt[0] + cnt[1]) * VOXEL_ML, k.get("hardMl"), tol, "hardMl");
        near((h.sumP(c) - h.sumR(c)) * VOXEL_ML, k.get("deltaSoftMl"), 1e-8, "deltaSoftMl");
        near((cnt[0] + cnt[1] - h.sumR(c)) * VOXEL_ML, k.get("deltaHardMl"), tol, "deltaHardMl");
        near(h.softDice(c), k.get("softDice"), 1e-7, "softDice");
        near(HandWorked.hardDice(cnt), k.get("hardDice"), tol, "hardDice");
        near(h.softJaccard(c), k.get("softJaccard"), 1e-7, "softJaccard");
        near(cnt[0] / (double) (cnt[0] + cnt[1] + cnt[2]), k.get("hardJaccard"), tol, "hardJaccard");
        near(cnt[0] / (double) (cnt[0] + cnt[1]), k.get("precision"), tol, "precision");
        near(cnt[0] / (double) (cnt[0] + cnt[2]), k.get("recall"), tol, "recall");
        near(cnt[3] / (double) (cnt[3] + cnt[1]), k.get("specificity"), tol, "specificity");
        assertEquals(cnt[0], k.get("tp").asLong(), "tp");
        assertEquals(cnt[1], k.get("fp").asLong(), "fp");
        assertEquals(cnt[2], k.get("fn").asLong(), "fn");
        assertEquals(cnt[3], k.get("tn").asLong(), "tn");
        near(h.diceLoss(c, 1e-5, 1e-5), k.get("diceLoss"), 1e-7, "diceLoss");
        near(h.diceSquaredLoss(c, 1e-5, 1e-5), k.get("diceSquaredLoss"), 1e-7, "diceSquaredLoss");
        near(h.jaccardLoss(c, 1e-5, 1e-5), k.get("jaccardLoss"), 1e-7, "jaccardLoss");
        double t = h.tversky(c, 0.5, 0.5, 1e-5, 1e-5);
        near(1 - t, k.get("tverskyLoss"), 1e-7, "tverskyLoss");
        near(Math.pow(1 - t, 1 / (4.0 / 3.0)), k.get("focalTverskyLoss"), 1e-6, "focalTverskyLoss");
        near(h.ce(c, 1), k.get("ce"), 1e-6, "ce");
        near(h.ce(c, (h.n() - h.sumR(c)) / h.sumR(c)), k.get("wce"), 1e-6, "wce (weight (N − R)/R)");
        near(h.ss(c, 0.05), k.get("ss"), 1e-7, "ss");
        near(h.focal(c, 2), k.get("focal"), 1e-6, "focal");
        near(Math.log(Math.cosh(h.diceLoss(c, 1e-5, 1e-5))), k.get("logCoshDice"), 1e-7, "logCoshDice");
        near(h.combo(c, 0.5, 0.5), k.get("combo"), 1e-6, "combo");
        near(h.ece(c, 10), k.get("ece"), 1e-7, "ece");
        near(h.brier(c), k.get("brier"), 1e-7, "brier");
        double[] special = h.specialThresholds(c);
        near(special[0], k.get("tBest"), 0, "tBest");
        near(special[1], k.get("tVol"), 0, "tVol");
        near(special[2], k.get("tCal"), 0, "tCal");
        double[] opt = h.diceOptimal(c);
        near(opt[0], k.get("diceOptimalK"), 0, "diceOptimalK");
        near(opt[1], k.get("diceOptimalExpectedDice"), 1e-7, "diceOptimalExpectedDice");
        near(opt[2], k.get("diceOptimalThreshold"), 1e-7, "diceOptimalThreshold");
        near(opt[0] * VOXEL_ML, k.get("diceOptimalMl"), 1e-12, "diceOptimalMl");
    }

    @Test
    void oneCaseMatchesTheFormulaSheetWorkedByHand() throws Exception {
        JsonNode o = json(Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(), "-q"));
        HandWorked h = new HandWorked(ref, new float[][] {p0, P1}, HandWorked.all(N), VOXEL_ML);
        assertEquals("case", o.get("case").asText(), "named after the reference file");
        near(VOXEL_ML, o.get("voxelMl"), 1e-12, "voxelMl");
        assertEquals(N, o.get("regionVoxels").asLong());
        near(6.0 / 24, o.get("foregroundFraction"), 1e-12, "foregroundFraction");
        assertEquals("threshold", o.get("mode").asText().toLowerCase());
        assertEquals("square", o.get("gdlWeights").asText().toLowerCase());
        assertEquals("max", o.get("emptyRule").asText().toLowerCase());
        JsonNode classes = o.get("classes");
        assertEquals(2, classes.size());
        assertEquals(0, classes.get(0).get("label").asInt());
        assertEquals(1, classes.get(1).get("label").asInt());
        for (int c = 0; c < 2; c++) {
            checkClass(h, c, 500, classes.get(c));
        }
        // Generalised Dice with square weights 1/R² over both classes (background included by default)
        double[] w = {1 / (18.0 * 18.0), 1 / 36.0};
        double num = 0;
        double den = 0;
        double hardNum = 0;
        double hardDen = 0;
        for (int c = 0; c < 2; c++) {
            num += w[c] * h.sumI(c);
            den += w[c] * (h.sumP(c) + h.sumR(c));
            long[] k = h.counts(c, h.thresholdMask(c, 500));
            hardNum += w[c] * k[0];
            hardDen += w[c] * (2 * k[0] + k[1] + k[2]);
        }
        near(1 - (2 * num + 1e-5) / (den + 1e-5), o.get("gdl"), 1e-7, "gdl");
        near(2 * hardNum / hardDen, o.get("gdlScore"), 1e-9, "gdlScore");
        for (int c = 0; c < 2; c++) {
            near(w[c], classes.get(c).get("gdlWeight"), 1e-12, "gdlWeight " + c);
            near(w[c] * (h.sumP(c) + h.sumR(c)) / den, classes.get(c).get("gdlShare"), 1e-7, "gdlShare " + c);
        }
        near(h.ceMulticlass(), o.get("ceMulticlass"), 1e-6, "ceMulticlass");
        near(h.expLog(0.3, 0.8, 0.2), o.get("expLog"), 1e-6, "expLog");
        double hd0 = HandWorked.hardDice(h.counts(0, h.thresholdMask(0, 500)));
        double hd1 = HandWorked.hardDice(h.counts(1, h.thresholdMask(1, 500)));
        near((h.softDice(0) + h.softDice(1)) / 2, o.get("meanSoftDice"), 1e-7, "meanSoftDice over both classes");
        near((hd0 + hd1) / 2, o.get("meanHardDice"), 1e-12, "meanHardDice over both classes");
    }

    @Test
    void withoutBackgroundTheGdlAndTheMeansUseTheForegroundOnly() throws Exception {
        JsonNode o = json(Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(),
                "--no-background", "--weights", "simple", "--focal-gamma", "1", "--smooth-nr", "0", "--smooth-dr", "0", "-q"));
        HandWorked h = new HandWorked(ref, new float[][] {p0, P1}, HandWorked.all(N), VOXEL_ML);
        // one class left: the GDL is that class's soft Dice loss whatever its weight (1/R here)
        near(1 - 2 * h.sumI(1) / (h.sumP(1) + h.sumR(1)), o.get("gdl"), 1e-7, "gdl of the foreground alone");
        near(h.softDice(1), o.get("meanSoftDice"), 1e-7, "meanSoftDice of the foreground alone");
        assertEquals("simple", o.get("gdlWeights").asText().toLowerCase());
        near(1 / 6.0, o.get("classes").get(1).get("gdlWeight"), 1e-12, "simple weight 1/R");
        near(h.focal(1, 1), o.get("classes").get(1).get("focal"), 1e-6, "focal with γ = 1");
    }

    @Test
    void perClassThresholdsAndTheMarginNarrowTheRegion() throws Exception {
        JsonNode o = json(Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(),
                "--thresholds", "1=0.4", "--threshold", "0.6", "--margin", "0", "-q"));
        // bounding box of the foreground: x 1..2, y 1..2, z 0..1 = 8 voxels, worked out by hand from FOREGROUND
        boolean[] box = new boolean[N];
        for (int z = 0; z <= 1; z++) {
            for (int y = 1; y <= 2; y++) {
                for (int x = 1; x <= 2; x++) {
                    box[x + NX * (y + NY * z)] = true;
                }
            }
        }
        HandWorked h = new HandWorked(ref, new float[][] {p0, P1}, box, VOXEL_ML);
        assertEquals(8, o.get("regionVoxels").asLong());
        near(6.0 / 8, o.get("foregroundFraction"), 1e-12, "foregroundFraction");
        checkClass(h, 0, 600, o.get("classes").get(0));
        checkClass(h, 1, 400, o.get("classes").get(1));
    }

    @Test
    void argmaxWithAFloorOnPerClassFilesAndALabelTable() throws Exception {
        // three classes, labels 0, 1 and 4 (not channel numbers): label 4 at voxels 0, 1 and 12
        int[] labels = new int[N];
        int[] channelOf = new int[N];
        for (int i : FOREGROUND) {
            labels[i] = 1;
            channelOf[i] = 1;
        }
        for (int i : new int[] {0, 1, 12}) {
            labels[i] = 4;
            channelOf[i] = 2;
        }
        float[][] p = new float[3][N];
        for (int i = 0; i < N; i++) {
            p[1][i] = P1[i] * 0.8f;
            p[2][i] = i == 0 || i == 12 || i == 13 ? 0.6f : (i % 5) / 20f + 0.01f; // voxel 13: a false positive
            p[0][i] = 1f - p[1][i] - p[2][i];
        }
        Path lab = TinyNifti.write(dir.resolve("three.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.UINT8, floats(labels));
        Path[] files = new Path[3];
        for (int c = 0; c < 3; c++) {
            files[c] = TinyNifti.write(dir.resolve("three_000" + c + ".nii.gz"), NX, NY, NZ, SPACING, TinyNifti.FLOAT32, p[c]);
        }
        Path table = dir.resolve("labels.txt");
        Files.writeString(table, String.join("\n", "# ITK-SnAP Label Description File",
                "    0     0    0    0        0  0  0    \"Clear Label\"",
                "    1   255    0    0        1  1  1    \"Grey matter\"",
                "    4     0  255    0        1  1  1    \"Lesion\"", ""));
        JsonNode o = json(Cli.run("evaluate", "--reference", lab.toString(), "--prediction", files[0].toString(),
                files[1].toString(), files[2].toString(), "--labels", table.toString(), "--mode", "argmax", "--floor", "0.45",
                "-q"));
        HandWorked h = new HandWorked(channelOf, p, HandWorked.all(N), VOXEL_ML);
        assertEquals("argmax", o.get("mode").asText().toLowerCase());
        JsonNode classes = o.get("classes");
        assertEquals(List.of(0, 1, 4), List.of(classes.get(0).get("label").asInt(), classes.get(1).get("label").asInt(),
                classes.get(2).get("label").asInt()));
        assertEquals("Grey matter", classes.get(1).get("name").asText());
        assertEquals("Lesion", classes.get(2).get("name").asText());
        for (int c = 0; c < 3; c++) {
            long[] cnt = h.counts(c, h.argmaxMask(c, 0.45, 0));
            JsonNode k = classes.get(c);
            assertEquals(cnt[0], k.get("tp").asLong(), "tp of channel " + c);
            assertEquals(cnt[1], k.get("fp").asLong(), "fp of channel " + c);
            assertEquals(cnt[2], k.get("fn").asLong(), "fn of channel " + c);
            near(HandWorked.hardDice(cnt), k.get("hardDice"), 1e-12, "hardDice of channel " + c);
            near(h.softDice(c), k.get("softDice"), 1e-7, "softDice of channel " + c);
        }
    }

    @Test
    void csvToAFileHasTheSameNumbers() throws Exception {
        Path out = dir.resolve("reports").resolve("m.csv");
        // no --format: the .csv name chooses CSV
        Cli r = Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(), "--out",
                out.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out(), "the report goes to the file, not stdout");
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), "header and one row per class");
        List<String> header = List.of(lines.get(0).split(","));
        String[] row = lines.get(2).split(",", -1);
        HandWorked h = new HandWorked(ref, new float[][] {p0, P1}, HandWorked.all(N), VOXEL_ML);
        assertEquals("case", row[header.indexOf("case")]);
        assertEquals("1", row[header.indexOf("label")]);
        assertEquals(h.softDice(1), Double.parseDouble(row[header.indexOf("softDice")]), 1e-7);
        long[] cnt = h.counts(1, h.thresholdMask(1, 500));
        assertEquals(HandWorked.hardDice(cnt), Double.parseDouble(row[header.indexOf("hardDice")]), 1e-12);
        assertEquals(cnt[0], Long.parseLong(row[header.indexOf("tp")]));
        try (var s = Files.list(out.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void customWeightsEnterTheGeneralisedDice() throws Exception {
        JsonNode o = json(Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(),
                "--custom-weights", "0=0.25,1=2", "-q"));
        HandWorked h = new HandWorked(ref, new float[][] {p0, P1}, HandWorked.all(N), VOXEL_ML);
        double num = 0.25 * h.sumI(0) + 2 * h.sumI(1);
        double den = 0.25 * (h.sumP(0) + h.sumR(0)) + 2 * (h.sumP(1) + h.sumR(1));
        near(1 - (2 * num + 1e-5) / (den + 1e-5), o.get("gdl"), 1e-7, "gdl with weights 0.25 and 2");
        near(2, o.get("classes").get(1).get("gdlWeight"), 0, "custom weight of label 1");
        assertEquals("custom", o.get("gdlWeights").asText().toLowerCase());
    }

    @Test
    void logitsAndReferenceMasksGiveTheSameNumbersAsProbabilitiesAndALabelMap() throws Exception {
        // logit z = ln(p / (1 − p)), clipped where p is 0, so that sigmoid(z) gives p back (to float precision)
        float[] z = new float[N];
        float[] p = new float[N];
        for (int i = 0; i < N; i++) {
            double q = Math.max(1e-6, P1[i]);
            z[i] = (float) Math.log(q / (1 - q));
            p[i] = (float) (1 / (1 + Math.exp(-z[i])));
        }
        Path logits = TinyNifti.write(dir.resolve("logits.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.FLOAT32, z);
        Path mask = TinyNifti.write(dir.resolve("mask1.nii.gz"), NX, NY, NZ, SPACING, TinyNifti.UINT8, floats(ref));
        JsonNode o = json(Cli.run("evaluate", "--reference-masks", mask.toString(), "--prediction", logits.toString(),
                "--prediction-kind", "logits-sigmoid", "-q"));
        float[] bg = new float[N];
        for (int i = 0; i < N; i++) {
            bg[i] = 1 - p[i];
        }
        HandWorked h = new HandWorked(ref, new float[][] {bg, p}, HandWorked.all(N), VOXEL_ML);
        assertEquals("mask1", o.get("case").asText());
        JsonNode c1 = o.get("classes").get(1);
        near(h.softDice(1), c1.get("softDice"), 1e-6, "soft Dice from logits");
        long[] k = h.counts(1, h.thresholdMask(1, 500));
        assertEquals(k[0], c1.get("tp").asLong());
        assertEquals(k[1], c1.get("fp").asLong());
        oneLine(Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(),
                "--prediction-kind", "guess"), "--prediction-kind");
        oneLine(Cli.run("evaluate", "--reference", refFile.toString(), "--reference-masks", mask.toString(), "--prediction",
                predFile.toString()), "--reference-masks");
    }

    private static void oneLine(Cli r, String mention) {
        assertTrue(r.exit() != 0 && r.errLines() == 1 && r.err().contains(mention), r.err());
    }
}
