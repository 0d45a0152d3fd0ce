package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch evaluation: pairing by name, a broken case reported while the others go on, and a non-zero exit. */
class BatchEvaluateTest {
    static final int N = EvaluateCommandTest.N;

    @TempDir
    Path dir;

    private static float[] reference() {
        float[] r = new float[N];
        for (int i : EvaluateCommandTest.FOREGROUND) {
            r[i] = 1;
        }
        return r;
    }

    private static float[] p0() {
        float[] p0 = new float[N];
        for (int i = 0; i < N; i++) {
            p0[i] = 1f - EvaluateCommandTest.P1[i];
        }
        return p0;
    }

    private static Path write(Path file, short type, float[]... channels) throws Exception {
        return TinyNifti.write(file, EvaluateCommandTest.NX, EvaluateCommandTest.NY, EvaluateCommandTest.NZ,
                EvaluateCommandTest.SPACING, type, channels);
    }

    @Test
    void oneBrokenCaseIsReportedAndTheOthersAreEvaluated() throws Exception {
        Path refs = Files.createDirectories(dir.resolve("labelsTr"));
        Path preds = Files.createDirectories(dir.resolve("predictions"));
        for (String c : List.of("a", "b", "c", "d")) {
            write(refs.resolve(c + ".nii.gz"), TinyNifti.UINT8, reference());
        }
        write(refs.resolve("only_reference.nii.gz"), TinyNifti.UINT8, reference());
        write(preds.resolve("a.nii.gz"), TinyNifti.FLOAT32, p0(), EvaluateCommandTest.P1); // one 4D file
        // b: a truncated gzip stream
        byte[] whole = Files.readAllBytes(write(dir.resolve("tmp.nii.gz"), TinyNifti.FLOAT32, p0(), EvaluateCommandTest.P1));
        Files.write(preds.resolve("b.nii.gz"), Arrays.copyOf(whole, whole.length / 2));
        write(preds.resolve("c_0000.nii.gz"), TinyNifti.FLOAT32, p0()); // per-class files
        write(preds.resolve("c_0001.nii.gz"), TinyNifti.FLOAT32, EvaluateCommandTest.P1);
        // d: a prediction on another grid
        TinyNifti.write(preds.resolve("d.nii.gz"), 5, 3, 2, EvaluateCommandTest.SPACING, TinyNifti.FLOAT32, new float[30]);
        Path out = dir.resolve("report.json");
        Cli r = Cli.run("evaluate", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(), "--out",
                out.toString(), "--jobs", "2");
        assertEquals(EvaluateCommand.SOME_CASES_FAILED, r.exit(), r.err());
        JsonNode a = new ObjectMapper().readTree(Files.readString(out));
        assertTrue(a.isArray());
        assertEquals(List.of("a", "c"), List.of(a.get(0).get("case").asText(), a.get(1).get("case").asText()));
        // the same data in both layouts gives the same numbers, and those are the hand-worked ones
        HandWorked h = new HandWorked(EvaluateCommandTest.floatsToInts(reference()), new float[][] {p0(), EvaluateCommandTest.P1},
                HandWorked.all(N), EvaluateCommandTest.VOXEL_ML);
        for (JsonNode c : a) {
            EvaluateCommandTest.checkClass(h, 1, 500, c.get("classes").get(1));
        }
        List<String> err = r.err().lines().toList();
        assertTrue(err.stream().anyMatch(l -> l.startsWith("error: case b: ") && l.contains("b.nii.gz")), r.err());
        assertTrue(err.stream().anyMatch(l -> l.startsWith("error: case d: ") && l.contains("d.nii.gz")), r.err());
        assertTrue(err.stream().anyMatch(l -> l.contains("1 reference(s)") && l.contains("no prediction")), r.err());
        assertTrue(err.stream().anyMatch(l -> l.contains("2 of 4 cases failed")), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void csvBatchHasOneRowPerCaseAndClass() throws Exception {
        Path refs = Files.createDirectories(dir.resolve("r"));
        Path preds = Files.createDirectories(dir.resolve("p"));
        for (String c : List.of("x", "y")) {
            write(refs.resolve(c + ".nii"), TinyNifti.UINT8, reference());
            write(preds.resolve(c + ".nii.gz"), TinyNifti.FLOAT32, EvaluateCommandTest.P1); // a single foreground map
        }
        Cli r = Cli.run("evaluate", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(), "--format", "csv",
                "-q");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("x,") && lines.get(2).startsWith("x,") && lines.get(3).startsWith("y,"), r.out());
    }
}
