package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseOpener;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dicelens view --reference labelsTs/CASE.nii.gz nnunet-output/}: the viewer is given the case's archive
 * (not nnU-Net's segmentation beside it, not another case of the folder) and the folder's dataset.json, and the case it
 * opens holds the archive's probabilities under the dataset's class names.
 */
class NnUnetViewTest {
    @TempDir
    Path dir;

    @Test
    void anNnUnetOutputFolderWithAReferenceOpensThatCasesArchive() throws Exception {
        int nx = NnUnetCliTest.NX;
        int ny = NnUnetCliTest.NY;
        int nz = NnUnetCliTest.NZ;
        Path labelsTs = Files.createDirectories(dir.resolve("labelsTs"));
        Path out = Files.createDirectories(dir.resolve("nnunet-out"));
        Path ref = TinyNifti.write(labelsTs.resolve("case_02.nii.gz"), nx, ny, nz, NnUnetCliTest.SPACING, TinyNifti.UINT8,
                NnUnetCliTest.labels(1));
        float[][] p = NnUnetCliTest.probabilities(2);
        for (String c : new String[] {"case_01", "case_02", "case_03"}) {
            TinyNifti.write(out.resolve(c + ".nii.gz"), nx, ny, nz, NnUnetCliTest.SPACING, TinyNifti.UINT8,
                    NnUnetCliTest.labels(3));
            NnUnetCliTest.npz(out.resolve(c + ".npz"), c.equals("case_02") ? p : NnUnetCliTest.probabilities(4));
        }
        Files.writeString(out.resolve("dataset.json"), "{\"labels\": {\"background\": 0, \"liver\": 1, \"tumour\": 2}}");
        List<CaseFiles> launched = new ArrayList<>();
        CommandLine cl = DiceLensCommand.commandLine(launched::add);
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("view", "--reference", ref.toString(), out.toString()));
        CaseFiles f = launched.get(0);
        assertEquals(List.of(out.resolve("case_02.npz")), f.predictions());
        assertEquals(out.resolve("dataset.json"), f.datasetJson());
        Case c = CaseOpener.open(f, Progress.NONE);
        assertEquals(List.of("background", "liver", "tumour"), c.classes().all().stream().map(x -> x.name()).toList());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(p[k], c.prediction().channels()[k], "channel " + k);
        }
    }
}
