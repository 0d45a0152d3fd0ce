package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.phantom.Phantom;
import org.dicelens.phantom.PhantomGenerator;
import org.dicelens.phantom.PhantomSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phantom --raters K} then {@code evaluate --raters}: the files hold the phantom's raters, and the report's
 * rater numbers and majority-vote reference agree with sums over the phantom's raters computed here.
 */
class RatersCliTest {
    private static final int K = 4;

    @TempDir
    Path dir;

    private Phantom phantom() {
        return PhantomGenerator.generate(PhantomSpec.brain().withSize(24, 22, 12).withRaters(K).withSeed(5));
    }

    private List<String> writeRaters() throws Exception {
        Cli r = Cli.run("phantom", "--out", dir.toString(), "--kind", "brain", "--size", "24,22,12", "--raters",
                String.valueOf(K), "--seed", "5", "--predictions", "calibrated");
        assertEquals(0, r.exit(), r.err());
        JsonNode d = new ObjectMapper().readTree(dir.resolve("phantom.json").toFile());
        List<String> files = new ArrayList<>();
        d.get("raterFiles").forEach(f -> files.add(dir.resolve(f.asText()).toString()));
        assertEquals(List.of(dir.resolve("reference.nii.gz").toString(), dir.resolve("rater_1.nii.gz").toString(),
                dir.resolve("rater_2.nii.gz").toString(), dir.resolve("rater_3.nii.gz").toString()), files);
        return files;
    }

    @Test
    void phantomRatersEvaluatedAgainstTheirSums() throws Exception {
        List<String> files = writeRaters();
        List<String> args = new ArrayList<>(List.of("evaluate", "--raters"));
        args.addAll(files);
        args.addAll(List.of("--prediction", dir.resolve("prediction_calibrated.nii.gz").toString(), "-q"));
        JsonNode o = EvaluateCommandTest.json(Cli.run(args.toArray(new String[0])));
        Phantom p = phantom();
        int n = p.geometry().voxelCount();
        double v = p.geometry().voxelMl();
        int classes = p.classes().size();
        int[][] votes = new int[classes][n];
        long[][] raterVoxels = new long[K][classes];
        for (int k = 0; k < K; k++) {
            byte[] labels = p.rater(k);
            for (int i = 0; i < n; i++) {
                votes[labels[i]][i]++;
                raterVoxels[k][labels[i]]++;
            }
        }
        // majority vote: most votes, a tie goes to the lowest foreground class (channel c is label c, 0 = background)
        long[] majority = new long[classes];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[c][i] > votes[best][i] || votes[c][i] == votes[best][i] && best == 0) {
                    best = c;
                }
            }
            majority[best]++;
        }
        assertEquals(K, o.get("raterCount").asInt());
        for (int c = 0; c < classes; c++) {
            JsonNode k = o.get("classes").get(c);
            double expected = 0;
            double semiNum = 0;
            double semiDen = 0;
            for (int i = 0; i < n; i++) {
                double q = votes[c][i] / (double) K;
                double pr = p.q()[c][i];
                expected += q;
                semiNum += pr + q - Math.abs(pr - q);
                semiDen += pr + q;
            }
            assertEquals(expected * v, k.get("expectedMl").asDouble(), 1e-9, "expectedMl " + c);
            assertEquals(semiNum / semiDen, k.get("semimetricDice").asDouble(), 1e-9, "semimetricDice " + c);
            for (int r = 0; r < K; r++) {
                assertEquals(raterVoxels[r][c] * v, k.get("raterMl").get(r).asDouble(), 1e-9, "raterMl " + c + " " + r);
            }
            assertEquals(majority[c] * v, o.get("classes").get(c).get("refMl").asDouble(), 1e-9, "majority as reference");
        }
        assertTrue(o.get("classes").get(3).get("raterMlSd").asDouble() > 0, "raters disagree on the lesions");
    }

    @Test
    void ratersAreOneCaseInJson() throws Exception {
        List<String> files = writeRaters();
        String pred = dir.resolve("prediction_calibrated.nii.gz").toString();
        Cli both = Cli.run("evaluate", "--reference", files.get(0), "--raters", files.get(1), "--prediction", pred, "-q");
        assertEquals(2, both.exit(), both.err());
        Cli csv = Cli.run("evaluate", "--raters", files.get(0), files.get(1), "--prediction", pred, "--format", "csv", "-q");
        assertEquals(0, csv.exit(), csv.err());
        // CSV: one row per class with the rater keys as columns, the same numbers as the JSON
        String[] lines = csv.out().strip().split("\\R");
        List<String> header = List.of(lines[0].split(","));
        JsonNode o = EvaluateCommandTest.json(Cli.run("evaluate", "--raters", files.get(0), files.get(1), "--prediction",
                pred, "-q"));
        for (String key : List.of("raterCount", "expectedMl", "semimetricDice", "interRaterDice", "raterMl")) {
            assertTrue(header.contains(key), key + " in " + header);
        }
        String[] row1 = lines[2].split(",", -1);
        assertEquals(o.get("classes").get(1).get("expectedMl").asDouble(),
                Double.parseDouble(row1[header.indexOf("expectedMl")]), 1e-12);
        assertEquals(2, Integer.parseInt(row1[header.indexOf("raterCount")]));
        Path other = dir.resolve("other");
        assertEquals(0, Cli.run("phantom", "--out", other.toString(), "--kind", "brain", "--size", "20,22,12",
                "--predictions", "calibrated").exit());
        Cli grid = Cli.run("evaluate", "--raters", files.get(0), other.resolve("reference.nii.gz").toString(), "--prediction",
                pred, "-q");
        assertEquals(2, grid.exit(), grid.err());
        assertTrue(grid.err().contains("reference.nii.gz") && grid.err().contains("grid"), grid.err());
        assertTrue(Files.exists(dir.resolve("rater_3.nii.gz")));
    }

    @Test
    void softReferenceSectionAgainstQHat() throws Exception {
        // 2×2×1 voxels of 1×1×2 mm (0.002 mL); reference 0,1,1,0; foreground p = 1/2, 3/4, 1/4, 0; q̂ = 1/4, 1, 1/2, 0
        double[] mm = {1, 1, 2};
        float[] p1 = {0.5f, 0.75f, 0.25f, 0f};
        float[] p0 = {0.5f, 0.25f, 0.75f, 1f};
        float[] q1 = {0.25f, 1f, 0.5f, 0f};
        Path ref = TinyNifti.write(dir.resolve("ref.nii"), 2, 2, 1, mm, TinyNifti.UINT8, new float[] {0, 1, 1, 0});
        Path pred = TinyNifti.write(dir.resolve("p.nii"), 2, 2, 1, mm, TinyNifti.FLOAT32, p0, p1);
        Path soft3 = TinyNifti.write(dir.resolve("q3.nii"), 2, 2, 1, mm, TinyNifti.FLOAT32, q1);
        float[] q0 = {0.75f, 0f, 0.5f, 1f};
        Path soft4 = TinyNifti.write(dir.resolve("q4.nii"), 2, 2, 1, mm, TinyNifti.FLOAT32, q0, q1);
        for (Path soft : List.of(soft3, soft4)) {
            JsonNode o = EvaluateCommandTest.json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction",
                    pred.toString(), "--soft-reference", soft.toString(), "-q"));
            assertEquals(0, o.get("raterCount").asInt());
            assertTrue(o.get("raterSoft").asBoolean());
            JsonNode k = o.get("classes").get(1);
            // Σq̂ = 7/4 voxels = 0.0035 mL; Σp = 3/2; ‖p − q̂‖₁ = 1/4 + 1/4 + 1/4 + 0 = 3/4
            assertEquals(0.0035, k.get("expectedMl").asDouble(), 1e-12);
            assertEquals((1.5 + 1.75 - 0.75) / 3.25, k.get("semimetricDice").asDouble(), 1e-12);
            // Σpq̂ = 1/8 + 3/4 + 1/8 = 1; 2/(13/4) = 8/13
            assertEquals(8.0 / 13, k.get("softDiceVsMean").asDouble(), 1e-12);
            assertEquals(0, k.get("raterMl").size());
            assertTrue(k.get("interRaterDice").isNull());
            assertEquals(2, o.get("raterConsensusVoxels").asInt(), "q̂ is 0 or 1 at voxels 1 and 3");
            // the usual keys stay against --reference: R = 2 voxels
            assertEquals(0.004, o.get("classes").get(1).get("refMl").asDouble(), 1e-12);
        }
        Path bad = TinyNifti.write(dir.resolve("bad.nii"), 2, 2, 1, mm, TinyNifti.FLOAT32, new float[] {0.5f, 1.5f, 0f, 0f});
        Cli r = Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--soft-reference",
                bad.toString(), "-q");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("bad.nii") && r.err().contains("1.5"), r.err());
        Cli alone = Cli.run("evaluate", "--prediction", pred.toString(), "--soft-reference", soft3.toString(), "-q");
        assertEquals(2, alone.exit(), alone.err());
    }
}
