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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Found walking issue 15 as a user: {@code view --reference MISSING FOLDER} blamed the folder ("no label map found")
 * instead of the missing reference, and {@code view OUTPUT_FOLDER} on an nnU-Net output folder did not say what was
 * missing. Each now prints one line saying what to do, exit 2, and no window opens.
 */
class ViewCommandNamedFilesTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err, List<CaseFiles> launched) {
    }

    private static Run view(String... args) {
        List<CaseFiles> launched = new ArrayList<>();
        CommandLine cl = DiceLensCommand.commandLine(launched::add);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "view";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cl.execute(all), err.toString(), launched);
    }

    private Path outputFolder() throws Exception {
        Path out = Files.createDirectories(dir.resolve("nnunet-out"));
        TinyNifti.write(out.resolve("case_01.nii.gz"), NnUnetCliTest.NX, NnUnetCliTest.NY, NnUnetCliTest.NZ,
                NnUnetCliTest.SPACING, TinyNifti.UINT8, NnUnetCliTest.labels(3));
        NnUnetCliTest.npz(out.resolve("case_01.npz"), NnUnetCliTest.probabilities(4));
        return out;
    }

    @Test
    void aMissingReferenceBesideAFolderIsNamed() throws Exception {
        Path out = outputFolder();
        Path missing = dir.resolve("labelsTs").resolve("case_01.nii.gz");
        Run r = view("--reference", missing.toString(), out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: " + missing + ": no such file", r.err().strip());
        assertEquals(List.of(), r.launched());
    }

    @Test
    void anOutputFolderAloneSaysToNameTheReference() throws Exception {
        Path out = outputFolder();
        Run r = view(out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + out + ": reference: no label map found"), r.err());
        assertTrue(r.err().contains("view --reference labelsTs/CASE.nii.gz FOLDER"), r.err());
        assertEquals(List.of(), r.launched());
    }

    @Test
    void aFolderNamedRelativelyOpensOnThePredictionTheSwitcherLists() throws Exception {
        // found walking: `dicelens mixed` opened on relative paths, so the prediction switcher (absolute paths from a
        // listing) showed no current prediction
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        int nx = NnUnetCliTest.NX;
        int ny = NnUnetCliTest.NY;
        int nz = NnUnetCliTest.NZ;
        float[][] p = NnUnetCliTest.probabilities(8);
        TinyNifti.write(mixed.resolve("case_seg.nii.gz"), nx, ny, nz, NnUnetCliTest.SPACING, TinyNifti.UINT8,
                NnUnetCliTest.labels(9));
        TinyNifti.write(mixed.resolve("prediction.nii.gz"), nx, ny, nz, NnUnetCliTest.SPACING, TinyNifti.FLOAT32, p);
        for (int c = 0; c < p.length; c++) {
            TinyNifti.write(mixed.resolve(String.format("prediction_%04d.nii.gz", c)), nx, ny, nz, NnUnetCliTest.SPACING,
                    TinyNifti.FLOAT32, p[c]);
        }
        Path relative = Path.of("").toAbsolutePath().relativize(mixed);
        assertTrue(!relative.isAbsolute() && relative.toString().startsWith(".."), relative.toString());
        Run r = view(relative.toString());
        assertEquals(0, r.exit(), r.err());
        CaseFiles f = r.launched().get(0);
        assertEquals(mixed.resolve("case_seg.nii.gz"), f.reference());
        assertEquals(mixed, f.folder());
        List<List<Path>> alternatives = org.dicelens.app.cases.CaseFolder.predictionSetsBeside(f);
        assertEquals(2, alternatives.size(), alternatives.toString());
        assertTrue(alternatives.contains(f.predictions()), f.predictions() + " among " + alternatives);
    }
}
