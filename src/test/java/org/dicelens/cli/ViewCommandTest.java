package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.volume.PredictionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dicelens view ...}: the case the arguments name reaches the viewer; bad arguments never open a window. */
class ViewCommandTest {
    @TempDir
    Path dir;
    private Path ref;
    private Path pred;
    private Path img;
    private final List<CaseFiles> launched = new ArrayList<>();
    private boolean launchedDefault;

    @BeforeEach
    void files() throws Exception {
        double[] mm = {1, 1, 1};
        ref = TinyNifti.write(dir.resolve("case_seg.nii.gz"), 2, 2, 1, mm, TinyNifti.UINT8, new float[] {0, 1, 1, 0});
        pred = TinyNifti.write(dir.resolve("case_prob.nii.gz"), 2, 2, 1, mm, TinyNifti.FLOAT32,
                new float[] {0.9f, 0.2f, 0.3f, 0.8f}, new float[] {0.1f, 0.8f, 0.7f, 0.2f});
        img = TinyNifti.write(dir.resolve("case_t1.nii.gz"), 2, 2, 1, mm, TinyNifti.FLOAT32, new float[] {1, 2, 3, 4});
    }

    private Cli view(String... args) {
        CommandLine cl = DiceLensCommand.commandLine(c -> {
            if (c == null) {
                launchedDefault = true;
            } else {
                launched.add(c);
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("view"));
        all.addAll(List.of(args));
        return new Cli(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void filesNamedOnTheCommandLineAreTheCaseTheViewerOpens() {
        Cli r = view("--reference", ref.toString(), "--prediction", pred.toString(), "--image", img.toString(),
                "--prediction-kind", "logits-softmax", "--dataset-json", ref.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, launched.size());
        CaseFiles c = launched.get(0);
        assertEquals(ref, c.reference());
        assertEquals(List.of(pred), c.predictions());
        assertEquals(img, c.image());
        assertEquals(PredictionKind.LOGITS_SOFTMAX, c.predictionKind());
        assertEquals(ref, c.datasetJson());
    }

    @Test
    void aFolderWithTwoCandidateLabelMapsReachesTheViewerToAskWhichIsWhich() throws Exception {
        Path other = TinyNifti.write(dir.resolve("lesion_label.nii.gz"), 2, 2, 1, new double[] {1, 1, 1}, TinyNifti.UINT8,
                new float[] {1, 1, 0, 0});
        Cli r = view(dir.toString());
        assertEquals(0, r.exit(), r.err());
        CaseFiles c = launched.get(0);
        assertFalse(c.hasFiles(), "the folder unresolved: the viewer's role picker asks");
        assertEquals(dir.toAbsolutePath().normalize(), c.folder());
        // a reference named beside the folder settles it
        r = view(dir.toString(), "--reference", other.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(other, launched.get(1).reference());
        assertEquals(List.of(pred), launched.get(1).predictions());
    }

    @Test
    void aFolderIsResolvedByRolesAndOptionsOverrideThem() {
        Cli r = view(dir.toString());
        assertEquals(0, r.exit(), r.err());
        CaseFiles c = launched.get(0);
        assertEquals(ref, c.reference());
        assertEquals(List.of(pred), c.predictions());
        assertEquals(img, c.image());
        assertEquals(dir, c.folder());
        r = view(dir.toString(), "--image", pred.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(pred, launched.get(1).image());
    }

    @Test
    void ratersNamedOnTheCommandLineJoinTheCase() {
        Cli r = view("--raters", ref.toString(), ref.toString(), "--prediction", pred.toString());
        assertEquals(0, r.exit(), r.err());
        CaseFiles c = launched.get(0);
        assertEquals(List.of(ref, ref), c.raters());
        assertEquals(ref, c.reference(), "the first rater stands for the reference");
        assertEquals(0, c.raterChoice(), "compare with the majority vote");
    }

    @Test
    void noArgumentsOpenTheDefaultCase() {
        assertEquals(0, view().exit());
        assertTrue(launchedDefault);
    }

    @Test
    void badArgumentsPrintOneLineAndExitTwoWithoutAWindow() throws Exception {
        Path missing = dir.resolve("absent.nii.gz");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        String[][] bad = {
            {"--reference", missing.toString(), "--prediction", pred.toString()},
            {"--reference", ref.toString()},
            {"--prediction", pred.toString()},
            {"--reference", ref.toString(), "--prediction", pred.toString(), "--prediction-kind", "guess"},
            {"--reference", ref.toString(), "--reference-masks", ref.toString(), "--prediction", pred.toString()},
            {empty.toString()},
            {missing.toString()},
            {"--no-such-option"},
        };
        for (String[] args : bad) {
            Cli r = view(args);
            assertEquals(OneLineErrors.INPUT_ERROR, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(view(missing.toString()).err().contains(missing + ": no such folder"));
        assertEquals(List.of(), launched);
        assertFalse(launchedDefault);
    }
}
