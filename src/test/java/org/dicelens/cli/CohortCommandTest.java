package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dicelens cohort}: pairing and failures as the batch evaluate, the summary against direct loops. */
class CohortCommandTest {
    static final int N = EvaluateCommandTest.N;
    /** The summary keys, verbatim, plus the two correlations. */
    static final List<String> KEYS = List.of("label", "name", "cases", "meanSoftDice", "meanHardDice", "sdHardDice",
            "medianHardDice", "meanDeltaSoftMl", "meanDeltaHardMl", "sdDeltaHardMl", "loaLowHardMl", "loaHighHardMl",
            "sdDeltaSoftMl", "loaLowSoftMl", "loaHighSoftMl", "cohortBestThreshold", "cohortBestMeanHardDice",
            "cohortZeroBiasThreshold", "correlationSoftRef", "correlationHardRef");

    @TempDir
    Path dir;

    private static float[] reference() {
        float[] r = new float[N];
        for (int i : EvaluateCommandTest.FOREGROUND) {
            r[i] = 1;
        }
        return r;
    }

    private static float[] scaled(double f) {
        float[] p = new float[N];
        for (int i = 0; i < N; i++) {
            p[i] = (float) (EvaluateCommandTest.P1[i] * f);
        }
        return p;
    }

    private static float[] complement(float[] p1) {
        float[] p0 = new float[N];
        for (int i = 0; i < N; i++) {
            p0[i] = 1f - p1[i];
        }
        return p0;
    }

    private static Path write(Path file, short type, float[]... channels) throws Exception {
        return TinyNifti.write(file, EvaluateCommandTest.NX, EvaluateCommandTest.NY, EvaluateCommandTest.NZ,
                EvaluateCommandTest.SPACING, type, channels);
    }

    /** {hard Dice, ΔV_hard mL, soft Dice} of the foreground of one prediction at step k, by direct loops. */
    private static double[] direct(float[] p1, int k) {
        boolean[] ref = new boolean[N];
        for (int i : EvaluateCommandTest.FOREGROUND) {
            ref[i] = true;
        }
        long tp = 0;
        long pred = 0;
        double sp = 0;
        double si = 0;
        for (int i = 0; i < N; i++) {
            boolean b = p1[i] >= k / 1000.0;
            pred += b ? 1 : 0;
            tp += b && ref[i] ? 1 : 0;
            sp += p1[i];
            si += ref[i] ? p1[i] : 0;
        }
        int r = EvaluateCommandTest.FOREGROUND.length;
        return new double[] {2.0 * tp / (pred + r), (pred - r) * EvaluateCommandTest.VOXEL_ML, 2 * si / (sp + r)};
    }

    @Test
    void summariesTheGoodCasesAndListsTheBrokenOne() throws Exception {
        Path refs = Files.createDirectories(dir.resolve("labelsTr"));
        Path preds = Files.createDirectories(dir.resolve("predictions"));
        for (String c : List.of("a", "b", "c", "e")) {
            write(refs.resolve(c + ".nii.gz"), TinyNifti.UINT8, reference());
        }
        float[] p1 = EvaluateCommandTest.P1;
        float[] pe = scaled(0.7);
        write(preds.resolve("a.nii.gz"), TinyNifti.FLOAT32, complement(p1), p1);
        byte[] whole = Files.readAllBytes(write(dir.resolve("tmp.nii.gz"), TinyNifti.FLOAT32, complement(p1), p1));
        Files.write(preds.resolve("b.nii.gz"), Arrays.copyOf(whole, whole.length / 2)); // truncated: a failed case
        write(preds.resolve("c_0000.nii.gz"), TinyNifti.FLOAT32, complement(p1));
        write(preds.resolve("c_0001.nii.gz"), TinyNifti.FLOAT32, p1);
        write(preds.resolve("e.nii.gz"), TinyNifti.FLOAT32, complement(pe), pe);
        Path out = dir.resolve("cohort.json");
        Cli r = Cli.run("cohort", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(), "--out",
                out.toString(), "--jobs", "2", "--threshold", "0.3");
        assertEquals(EvaluateCommand.SOME_CASES_FAILED, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: case b: ")), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        JsonNode root = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(List.of("cases", "failed", "summary"), fields(root));
        assertEquals(3, root.get("cases").size());
        assertEquals("c", root.get("cases").get(1).get("case").asText());
        assertEquals(fields(root.get("cases").get(0)), fields(new ObjectMapper().readTree(Cli.run("evaluate",
                "--reference", refs.resolve("a.nii.gz").toString(), "--prediction", preds.resolve("a.nii.gz").toString())
                .out()))); // a case object is what evaluate writes
        assertEquals(1, root.get("failed").size());
        assertEquals("b", root.get("failed").get(0).get("case").asText());
        assertTrue(root.get("failed").get(0).get("error").asText().contains("b.nii.gz"));

        JsonNode fg = root.get("summary").get(1);
        assertEquals(KEYS, fields(fg));
        assertEquals(1, fg.get("label").asInt());
        assertEquals(3, fg.get("cases").asInt());
        double[][] at = {direct(p1, 300), direct(p1, 300), direct(pe, 300)};
        double meanHard = (at[0][0] + at[1][0] + at[2][0]) / 3;
        double meanDv = (at[0][1] + at[1][1] + at[2][1]) / 3;
        double sdHard = sd(at[0][0], at[1][0], at[2][0]);
        double sdDv = sd(at[0][1], at[1][1], at[2][1]);
        assertEquals(meanHard, fg.get("meanHardDice").asDouble(), 1e-12);
        assertEquals((at[0][2] + at[1][2] + at[2][2]) / 3, fg.get("meanSoftDice").asDouble(), 1e-9);
        assertEquals(sdHard, fg.get("sdHardDice").asDouble(), 1e-12);
        assertEquals(at[0][0], fg.get("medianHardDice").asDouble(), 1e-12); // two of three cases are a's
        assertEquals(meanDv, fg.get("meanDeltaHardMl").asDouble(), 1e-12);
        assertEquals(meanDv - 1.96 * sdDv, fg.get("loaLowHardMl").asDouble(), 1e-12);
        int best = 0;
        double bestMean = -1;
        for (int k = 0; k <= 1000; k++) {
            double m = (direct(p1, k)[0] * 2 + direct(pe, k)[0]) / 3;
            if (m > bestMean + 1e-15) {
                bestMean = m;
                best = k;
            }
        }
        assertEquals(best / 1000.0, fg.get("cohortBestThreshold").asDouble());
        assertEquals(bestMean, fg.get("cohortBestMeanHardDice").asDouble(), 1e-12);
    }

    @Test
    void csvHoldsTheSummaryRows() throws Exception {
        Path refs = Files.createDirectories(dir.resolve("r"));
        Path preds = Files.createDirectories(dir.resolve("p"));
        for (String c : List.of("x", "y")) {
            write(refs.resolve(c + ".nii"), TinyNifti.UINT8, reference());
            write(preds.resolve(c + ".nii.gz"), TinyNifti.FLOAT32, EvaluateCommandTest.P1);
        }
        Cli r = Cli.run("cohort", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(), "--format",
                "csv", "-q");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.join(",", KEYS), lines.get(0));
        assertEquals(3, lines.size(), r.out()); // header, background, foreground
        assertTrue(lines.get(2).startsWith("1,"), r.out());
    }

    private static List<String> fields(JsonNode o) {
        List<String> f = new ArrayList<>();
        o.fieldNames().forEachRemaining(f::add);
        return f;
    }

    private static double sd(double... x) {
        double m = Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }
}
