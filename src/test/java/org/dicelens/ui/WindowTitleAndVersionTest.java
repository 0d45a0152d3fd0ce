package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.cli.DiceLensCommand;
import org.dicelens.common.Version;
import org.junit.jupiter.api.Test;

/** Issue 19, item 14: the title names the case and the prediction; one version for About and --version. */
class WindowTitleAndVersionTest {
    @Test
    void titleNamesTheCaseFolderAndThePrediction() {
        Path dir = Path.of("/data/BraTS-042");
        CaseFiles f = new CaseFiles(dir.resolve("reference.nii.gz"), List.of(dir.resolve("prediction_calibrated.nii.gz")),
                null, null, null, null);
        assertEquals("DiceLens — BraTS-042 — prediction_calibrated.nii.gz", WindowTitle.of(f, "reference"));
        assertEquals("DiceLens — my case — prediction_calibrated.nii.gz", WindowTitle.of(f.withName("my case"), "x"));
        assertEquals("DiceLens — lesion phantom", WindowTitle.of(CaseFiles.ofPhantom("lesion"), "lesion"));
        assertEquals("DiceLens", WindowTitle.of(null, null));
    }

    @Test
    void theVersionIsThePomsAndTheCommandLineSaysTheSame() throws Exception {
        Matcher m = Pattern.compile("<artifactId>dicelens</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the project's version in pom.xml");
        assertEquals(m.group(1), Version.get());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var cl = DiceLensCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--version"));
        assertEquals("DiceLens " + m.group(1), out.toString().trim());
    }
}
