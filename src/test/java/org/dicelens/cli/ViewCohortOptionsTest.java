package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dicelens view --reference-dir R --prediction-dir P}: the cohort reaches the viewer; bad folders exit 2 first. */
class ViewCohortOptionsTest {
    @TempDir
    Path dir;
    private Path refs;
    private Path preds;
    private final List<List<Path>> cohorts = new ArrayList<>();
    private final List<CaseFiles> cases = new ArrayList<>();

    @BeforeEach
    void files() throws Exception {
        double[] mm = {1, 1, 1};
        refs = Files.createDirectories(dir.resolve("labels"));
        preds = Files.createDirectories(dir.resolve("preds"));
        TinyNifti.write(refs.resolve("a.nii.gz"), 2, 2, 1, mm, TinyNifti.UINT8, new float[] {0, 1, 1, 0});
        TinyNifti.write(preds.resolve("a.nii.gz"), 2, 2, 1, mm, TinyNifti.FLOAT32,
                new float[] {0.9f, 0.2f, 0.3f, 0.8f}, new float[] {0.1f, 0.8f, 0.7f, 0.2f});
    }

    private int view(StringWriter err, String... args) {
        CommandLine cl = DiceLensCommand.commandLine(new ViewCommand.Launcher() {
            @Override
            public void launch(CaseFiles c) {
                cases.add(c);
            }

            @Override
            public void launchCohort(Path r, Path p, Path compare, Path labels) {
                List<Path> got = new ArrayList<>(List.of(r, p));
                if (compare != null) {
                    got.add(compare);
                }
                cohorts.add(got);
            }
        });
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("view"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void bothFoldersOpenTheCohort() {
        StringWriter err = new StringWriter();
        assertEquals(0, view(err, "--reference-dir", refs.toString(), "--prediction-dir", preds.toString()), err.toString());
        assertEquals(List.of(List.of(refs, preds)), cohorts);
        assertEquals(0, view(err, "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(),
                "--compare-dir", preds.toString()), err.toString());
        assertEquals(List.of(refs, preds, preds), cohorts.get(1));
        assertEquals(List.of(), cases);
    }

    @Test
    void badCohortArgumentsExit2WithoutAWindow() {
        StringWriter err = new StringWriter();
        assertEquals(2, view(err, "--reference-dir", refs.toString()));
        assertTrue(err.toString().contains("--prediction-dir"), err.toString());
        err = new StringWriter();
        assertEquals(2, view(err, "--reference-dir", refs.toString(), "--prediction-dir", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("nope"), err.toString());
        err = new StringWriter();
        assertEquals(2, view(err, "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(),
                "--reference", refs.resolve("a.nii.gz").toString()));
        assertEquals(List.of(), cohorts);
        assertEquals(List.of(), cases);
    }
}
