package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line print one line and exit non-zero; --out never writes over an input. */
class CommandLineErrorsTest {
    @TempDir
    Path dir;

    private static void oneLineError(Cli r, String... mustMention) {
        assertNotEquals(0, r.exit());
        assertEquals(1, r.errLines(), "exactly one line on stderr, got: " + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        for (String m : mustMention) {
            assertTrue(r.err().contains(m), "'" + m + "' in: " + r.err());
        }
        assertEquals("", r.out());
    }

    @Test
    void usageMistakesAreOneLine() {
        oneLineError(Cli.run("evaluate"), "--reference", "--reference-dir");
        oneLineError(Cli.run("evaluate", "--reference", "r.nii.gz"), "--prediction");
        oneLineError(Cli.run("evaluate", "--reference-dir", "x"), "--prediction-dir");
        oneLineError(Cli.run("evaluate", "--reference", "r.nii", "--prediction", "p.nii", "--reference-dir", "d",
                "--prediction-dir", "e"), "either");
        oneLineError(Cli.run("evaluate", "--bogus"), "--bogus", "evaluate --help");
        oneLineError(Cli.run("evaluate", "--reference-dir", "a", "--prediction-dir", "b", "--image", "x.nii"), "--image");
        oneLineError(Cli.run("evaluate", "--reference", "r.nii", "--prediction", "p.nii", "--jobs", "0"), "--jobs");
        oneLineError(Cli.run("evaluate", "--reference", "r.nii", "--prediction", "p.nii", "--bins", "ten"), "--bins", "ten");
        // cohort takes the same batch options as evaluate and needs both folders
        oneLineError(Cli.run("cohort"), "--reference-dir", "--prediction-dir");
        oneLineError(Cli.run("cohort", "--reference-dir", "x"), "--prediction-dir");
        oneLineError(Cli.run("cohort", "--reference-dir", "a", "--prediction-dir", "b", "--jobs", "0"), "--jobs");
    }

    @Test
    void badOptionValuesAreOneLineBeforeAnyLoading() {
        // the files do not exist: the option is checked first, so its message is the one shown
        oneLineError(Cli.run("evaluate", "--reference", "r.nii", "--prediction", "p.nii", "--thresholds", "1=abc"),
                "--thresholds", "abc");
        oneLineError(Cli.run("evaluate", "--reference", "r.nii", "--prediction", "p.nii", "--format", "xml"), "--format", "xml");
        oneLineError(Cli.run("evaluate", "--reference", "r.nii", "--prediction", "p.nii", "--mode", "soft"), "--mode");
        // evaluate and cohort read --prediction-kind through the same options, with the same message
        oneLineError(Cli.run("evaluate", "--reference", "r.nii", "--prediction", "p.nii", "--prediction-kind", "odds"),
                "--prediction-kind", "odds", "logits-softmax");
        oneLineError(Cli.run("cohort", "--reference-dir", "a", "--prediction-dir", "b", "--prediction-kind", "odds"),
                "--prediction-kind", "odds", "logits-softmax");
    }

    @Test
    void malformedInputsAreOneLineNamingTheFile() throws Exception {
        double[] sp = {1, 1, 1};
        Path ref = TinyNifti.write(dir.resolve("ref.nii.gz"), 2, 2, 2, sp, TinyNifti.UINT8, new float[] {0, 1, 0, 1, 0, 0, 1, 0});
        Path pred = TinyNifti.write(dir.resolve("pred.nii.gz"), 2, 2, 2, sp, TinyNifti.FLOAT32,
                new float[] {0.1f, 0.9f, 0.2f, 0.7f, 0.1f, 0.3f, 0.6f, 0.2f});
        Path random = dir.resolve("random.nii");
        byte[] bytes = new byte[2000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(random, bytes);
        Path empty = Files.createFile(dir.resolve("empty.nii.gz"));
        Path folder = Files.createDirectories(dir.resolve("folder.nii"));
        Path otherGrid = TinyNifti.write(dir.resolve("other.nii.gz"), 2, 2, 3, sp, TinyNifti.FLOAT32, new float[12]);
        Path nan = TinyNifti.write(dir.resolve("nan.nii.gz"), 2, 2, 2, sp, TinyNifti.FLOAT32,
                new float[] {Float.NaN, 0.9f, 0.2f, 0.7f, 0.1f, 0.3f, 0.6f, 0.2f});
        Path table = dir.resolve("table.json");
        Files.writeString(table, "{ this is not json");
        for (Path bad : new Path[] {random, empty, folder, otherGrid, nan}) {
            oneLineError(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", bad.toString(), "-q"),
                    bad.getFileName().toString());
            oneLineError(Cli.run("evaluate", "--reference", bad.toString(), "--prediction", pred.toString(), "-q"),
                    bad.getFileName().toString());
        }
        oneLineError(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--labels",
                table.toString(), "-q"), "table.json");
        oneLineError(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", dir.resolve("missing.nii").toString(),
                "-q"), "missing.nii");
        // a failed evaluation leaves a previous report as it was
        Path report = dir.resolve("report.json");
        Files.writeString(report, "previous report");
        oneLineError(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", random.toString(), "--out",
                report.toString(), "-q"), "random.nii");
        assertEquals("previous report", Files.readString(report));
        Cli ok = Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--out", report.toString(),
                "-q");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(Files.readString(report).contains("\"softDice\""), "replaced by the new report");
        // a threshold for a label the case does not have is named with the labels it does have
        oneLineError(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--thresholds",
                "3=0.5", "-q"), "--thresholds", "3=0.5", "[0, 1]");
    }

    @Test
    void renderOptionsAreCheckedBeforeLoading() {
        String[] base = {"render", "--reference", "r.nii", "--prediction", "p.nii", "--out", "x.png"};
        String[][] bad = {{"--axis", "diagonal"}, {"--overlays", "reference,halo"}, {"--zoom", "0"}, {"--window", "5"},
            {"--colormap", "jet"}, {"--gradient-loss", "hinge"}, {"--gradient-wrt", "w"}, {"--crosshair", "1,2"}};
        for (String[] extra : bad) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                    .toArray(String[]::new);
            oneLineError(Cli.run(args), extra[0], extra[1].contains(",") && extra[0].equals("--overlays") ? "halo" : extra[1]);
        }
        oneLineError(Cli.run("render", "--reference", "r.nii", "--prediction", "p.nii"), "--out");
    }

    @Test
    void outOverAnInputIsRefusedAndTheInputIsUntouched() throws Exception {
        Path ref = dir.resolve("ref.nii.gz");
        Path pred = dir.resolve("pred.nii.gz");
        Files.writeString(ref, "reference bytes");
        Files.writeString(pred, "prediction bytes");
        Cli r = Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--out", pred.toString());
        oneLineError(r, "--out", "input");
        assertEquals("prediction bytes", Files.readString(pred));
        // the same file reached through "sub/.." is still the input
        Files.createDirectories(dir.resolve("sub"));
        r = Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--out",
                dir.resolve("sub").resolve("..").resolve("ref.nii.gz").toString());
        oneLineError(r, "--out", "input");
        assertEquals("reference bytes", Files.readString(ref));
        // a batch refuses to write into one of its input files as well
        Path refs = Files.createDirectories(dir.resolve("refs"));
        Path preds = Files.createDirectories(dir.resolve("preds"));
        Files.writeString(refs.resolve("a.nii.gz"), "r");
        Files.writeString(preds.resolve("a.nii.gz"), "p");
        r = Cli.run("evaluate", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(), "--out",
                preds.resolve("a.nii.gz").toString());
        oneLineError(r, "--out", "input");
        assertEquals("p", Files.readString(preds.resolve("a.nii.gz")));
        // and a folder is no output file
        oneLineError(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--out", dir.toString()),
                "folder");
    }
}
