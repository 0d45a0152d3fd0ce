package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several raters over a batch: {@code evaluate}/{@code cohort} with {@code --raters-dir} in both layouts (a folder per
 * case, a folder per rater) and with QUBIQ-style per-class masks, and {@code --soft-reference-dir}. Each case's numbers
 * are checked against sums written here from the rater files' contents, against the one-case command, and the cohort's
 * rater means against the mean of those sums.
 */
class RatersBatchCliTest {
    private static final int NX = 4;
    private static final int NY = 3;
    private static final int NZ = 2;
    private static final int N = NX * NY * NZ;
    private static final double[] MM = {1, 1, 2};
    private static final double V = 0.002; // mL per voxel
    private static final int K = 3;
    private static final int CLASSES = 3;
    private static final String[] CASES = {"case1", "case2", "case3"};

    @TempDir
    Path dir;

    /** Per case: K label maps (labels 0..2, each rater uses every label) and a 3-channel prediction. */
    private final byte[][][] raters = new byte[CASES.length][K][N];
    private final float[][][] prob = new float[CASES.length][CLASSES][N];

    private void generate(long seed) {
        Random rnd = new Random(seed);
        for (int c = 0; c < CASES.length; c++) {
            for (int k = 0; k < K; k++) {
                for (int i = 0; i < N; i++) {
                    raters[c][k][i] = (byte) (i < CLASSES ? i : rnd.nextInt(4) == 0 ? rnd.nextInt(3) : i % 3);
                }
            }
            for (int i = 0; i < N; i++) {
                float a = rnd.nextFloat();
                float b = rnd.nextFloat() * (1 - a);
                prob[c][0][i] = 1 - a - b;
                prob[c][1][i] = a;
                prob[c][2][i] = b;
            }
        }
    }

    private static float[] floats(byte[] labels) {
        float[] f = new float[labels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = labels[i];
        }
        return f;
    }

    private Path predictions() throws Exception {
        Path p = Files.createDirectories(dir.resolve("pred"));
        for (int c = 0; c < CASES.length; c++) {
            TinyNifti.write(p.resolve(CASES[c] + ".nii"), NX, NY, NZ, MM, TinyNifti.FLOAT32, prob[c]);
        }
        return p;
    }

    /** DIR/CASE/rater_k.nii. */
    private Path caseFolders() throws Exception {
        Path r = dir.resolve("byCase");
        for (int c = 0; c < CASES.length; c++) {
            Path d = Files.createDirectories(r.resolve(CASES[c]));
            TinyNifti.write(d.resolve("image.nii"), NX, NY, NZ, MM, TinyNifti.FLOAT32, new float[N]); // not a rater
            for (int k = 0; k < K; k++) {
                TinyNifti.write(d.resolve("rater_" + (k + 1) + ".nii"), NX, NY, NZ, MM, TinyNifti.UINT8, floats(raters[c][k]));
            }
        }
        return r;
    }

    /** DIR/readerK/CASE.nii. */
    private Path raterFolders() throws Exception {
        Path r = dir.resolve("byRater");
        for (int k = 0; k < K; k++) {
            Path d = Files.createDirectories(r.resolve("reader" + (k + 1)));
            for (int c = 0; c < CASES.length; c++) {
                TinyNifti.write(d.resolve(CASES[c] + ".nii"), NX, NY, NZ, MM, TinyNifti.UINT8, floats(raters[c][k]));
            }
        }
        return r;
    }

    /** QUBIQ: DIR/CASE/task0C_seg0K.nii, one binary mask per foreground class and rater. */
    private Path qubiqMasks() throws Exception {
        Path r = dir.resolve("qubiq");
        for (int c = 0; c < CASES.length; c++) {
            Path d = Files.createDirectories(r.resolve(CASES[c]));
            for (int k = 0; k < K; k++) {
                for (int cls = 1; cls < CLASSES; cls++) {
                    float[] m = new float[N];
                    for (int i = 0; i < N; i++) {
                        m[i] = raters[c][k][i] == cls ? 1 : 0;
                    }
                    TinyNifti.write(d.resolve(String.format("task%02d_seg%02d.nii", cls, k + 1)), NX, NY, NZ, MM,
                            TinyNifti.UINT8, m);
                }
            }
        }
        return r;
    }

    /** The rater numbers of case c, class cls, from sums over the voxels written here. */
    private double[] bruteForce(int c, int cls) {
        double q = 0;
        double p = 0;
        double absDiff = 0;
        double pq = 0;
        long majority = 0;
        for (int i = 0; i < N; i++) {
            int[] votes = new int[CLASSES];
            for (int k = 0; k < K; k++) {
                votes[raters[c][k][i]]++;
            }
            double qi = votes[cls] / (double) K;
            double pi = prob[c][cls][i];
            q += qi;
            p += pi;
            absDiff += Math.abs(pi - qi);
            pq += pi * qi;
            int best = 0; // most votes; a tie goes to the lowest foreground class
            for (int l = 1; l < CLASSES; l++) {
                if (votes[l] > votes[best] || votes[l] == votes[best] && best == 0) {
                    best = l;
                }
            }
            majority += best == cls ? 1 : 0;
        }
        return new double[] {q * V, (p + q - absDiff) / (p + q), 2 * pq / (p + q), (p - q) * V, majority * V};
    }

    private void checkCase(JsonNode o, int c) {
        assertEquals(CASES[c], o.get("case").asText());
        assertEquals(K, o.get("raterCount").asInt(), CASES[c]);
        for (int cls = 0; cls < CLASSES; cls++) {
            JsonNode k = o.get("classes").get(cls);
            double[] b = bruteForce(c, cls);
            String ctx = CASES[c] + " class " + cls;
            assertEquals(b[0], k.get("expectedMl").asDouble(), 1e-12, ctx + " expectedMl");
            assertEquals(b[1], k.get("semimetricDice").asDouble(), 1e-9, ctx + " semimetricDice");
            assertEquals(b[2], k.get("softDiceVsMean").asDouble(), 1e-9, ctx + " softDiceVsMean");
            assertEquals(b[3], k.get("deltaSoftVsExpectedMl").asDouble(), 1e-9, ctx + " deltaSoftVsExpectedMl");
            assertEquals(b[4], k.get("refMl").asDouble(), 1e-12, ctx + " majority vote as the reference");
            for (int r = 0; r < K; r++) {
                long count = 0;
                for (int i = 0; i < N; i++) {
                    count += raters[c][r][i] == cls ? 1 : 0;
                }
                assertEquals(count * V, k.get("raterMl").get(r).asDouble(), 1e-12, ctx + " raterMl " + r);
            }
        }
    }

    private JsonNode batch(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("evaluate", "-q", "--jobs", "2"));
        args.addAll(List.of(extra));
        JsonNode a = EvaluateCommandTest.json(Cli.run(args.toArray(new String[0])));
        assertEquals(CASES.length, a.size());
        return a;
    }

    @Test
    void bothLayoutsAndQubiqMasksGiveTheSumsOfTheRaters() throws Exception {
        generate(181);
        Path pred = predictions();
        JsonNode byCase = batch("--raters-dir", caseFolders().toString(), "--prediction-dir", pred.toString());
        JsonNode byRater = batch("--raters-dir", raterFolders().toString(), "--prediction-dir", pred.toString());
        JsonNode masks = batch("--raters-dir", qubiqMasks().toString(), "--prediction-dir", pred.toString());
        for (int c = 0; c < CASES.length; c++) {
            checkCase(byCase.get(c), c);
            // the same raters in another layout or as masks: the same report but the case's file names
            for (JsonNode other : List.of(byRater.get(c), masks.get(c))) {
                for (int cls = 0; cls < CLASSES; cls++) {
                    assertEquals(byCase.get(c).get("classes").get(cls).toString(), other.get("classes").get(cls).toString(),
                            CASES[c] + " class " + cls);
                }
            }
            // one case named on the command line gives the same numbers as its batch entry
            List<String> args = new ArrayList<>(List.of("evaluate", "-q", "--name", CASES[c], "--raters"));
            for (int k = 0; k < K; k++) {
                args.add(dir.resolve("byCase").resolve(CASES[c]).resolve("rater_" + (k + 1) + ".nii").toString());
            }
            args.addAll(List.of("--prediction", pred.resolve(CASES[c] + ".nii").toString()));
            JsonNode one = EvaluateCommandTest.json(Cli.run(args.toArray(new String[0])));
            assertEquals(one.get("classes").toString(), byCase.get(c).get("classes").toString(), CASES[c]);
        }
    }

    @Test
    void cohortSummaryHoldsTheMeansOfTheCasesRaterNumbers() throws Exception {
        generate(182);
        Path pred = predictions();
        Cli r = Cli.run("cohort", "-q", "--raters-dir", caseFolders().toString(), "--prediction-dir", pred.toString());
        JsonNode o = EvaluateCommandTest.json(r);
        assertEquals(CASES.length, o.get("cases").size());
        for (int c = 0; c < CASES.length; c++) {
            checkCase(o.get("cases").get(c), c);
        }
        for (int cls = 0; cls < CLASSES; cls++) {
            JsonNode s = o.get("summary").get(cls);
            double[] mean = new double[4];
            for (int c = 0; c < CASES.length; c++) {
                double[] b = bruteForce(c, cls);
                for (int j = 0; j < 4; j++) {
                    mean[j] += b[j] / CASES.length;
                }
            }
            String ctx = "class " + cls;
            assertEquals(CASES.length, s.get("raterCases").asInt(), ctx);
            assertEquals(mean[0], s.get("meanExpectedMl").asDouble(), 1e-12, ctx + " meanExpectedMl");
            assertEquals(mean[1], s.get("meanSemimetricDice").asDouble(), 1e-9, ctx + " meanSemimetricDice");
            assertEquals(mean[2], s.get("meanSoftDiceVsMean").asDouble(), 1e-9, ctx + " meanSoftDiceVsMean");
            assertEquals(mean[3], s.get("meanDeltaSoftVsExpectedMl").asDouble(), 1e-9, ctx + " meanDeltaSoftVsExpectedMl");
        }
        Cli csv = Cli.run("cohort", "-q", "--raters-dir", dir.resolve("byCase").toString(), "--prediction-dir",
                pred.toString(), "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        String[] lines = csv.out().strip().split("\\R");
        List<String> header = List.of(lines[0].split(","));
        assertTrue(header.contains("meanExpectedMl") && header.contains("meanQubiq"), header.toString());
        assertEquals(o.get("summary").get(1).get("meanExpectedMl").asDouble(),
                Double.parseDouble(lines[2].split(",", -1)[header.indexOf("meanExpectedMl")]), 1e-12);
    }

    @Test
    void softReferencesPerCaseAndBadLayouts() throws Exception {
        generate(183);
        Path pred = predictions();
        Path refs = Files.createDirectories(dir.resolve("refs"));
        Path soft = Files.createDirectories(dir.resolve("soft"));
        for (int c = 0; c < CASES.length; c++) {
            TinyNifti.write(refs.resolve(CASES[c] + ".nii"), NX, NY, NZ, MM, TinyNifti.UINT8, floats(raters[c][0]));
            float[][] q = new float[CLASSES][N];
            for (int i = 0; i < N; i++) {
                for (int k = 0; k < K; k++) {
                    q[raters[c][k][i]][i] += 1f / K;
                }
            }
            TinyNifti.write(soft.resolve(CASES[c] + ".nii"), NX, NY, NZ, MM, TinyNifti.FLOAT32, q);
        }
        JsonNode a = batch("--reference-dir", refs.toString(), "--soft-reference-dir", soft.toString(), "--prediction-dir",
                pred.toString());
        for (int c = 0; c < CASES.length; c++) {
            JsonNode o = a.get(c);
            assertTrue(o.get("raterSoft").asBoolean());
            for (int cls = 0; cls < CLASSES; cls++) {
                double[] b = bruteForce(c, cls);
                JsonNode k = o.get("classes").get(cls);
                assertEquals(b[0], k.get("expectedMl").asDouble(), 1e-6, "q̂ stored as float32");
                assertEquals(b[1], k.get("semimetricDice").asDouble(), 1e-6);
            }
        }
        Files.delete(soft.resolve("case2.nii"));
        Cli missing = Cli.run("evaluate", "-q", "--reference-dir", refs.toString(), "--soft-reference-dir", soft.toString(),
                "--prediction-dir", pred.toString());
        assertEquals(EvaluateCommand.SOME_CASES_FAILED, missing.exit(), missing.err());
        assertTrue(missing.err().contains("case2") && missing.err().contains("no soft reference"), missing.err());
        caseFolders();
        raterFolders();
        // a case one reader lacks is evaluated with the other readers
        Files.delete(dir.resolve("byRater").resolve("reader3").resolve("case2.nii"));
        JsonNode fewer = batch("--raters-dir", dir.resolve("byRater").toString(), "--prediction-dir", pred.toString());
        assertEquals(List.of(K, K - 1, K), List.of(fewer.get(0).get("raterCount").asInt(),
                fewer.get(1).get("raterCount").asInt(), fewer.get(2).get("raterCount").asInt()));
        Path mixed = dir.resolve("mixed");
        Files.move(dir.resolve("byCase"), mixed);
        Files.move(dir.resolve("byRater").resolve("reader1"), mixed.resolve("reader1"));
        Cli both = Cli.run("evaluate", "-q", "--raters-dir", mixed.toString(), "--prediction-dir", pred.toString());
        assertEquals(2, both.exit(), both.err());
        assertTrue(both.err().contains("keep one layout"), both.err());
        Cli withRef = Cli.run("evaluate", "-q", "--raters-dir", mixed.toString(), "--reference-dir", refs.toString(),
                "--prediction-dir", pred.toString());
        assertEquals(2, withRef.exit(), withRef.err());
    }
}
