package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phantom --from-template}: the derived files with the template's licence, and its input errors. */
class PhantomTemplateCommandTest {
    @TempDir
    Path dir;

    @Test
    void templateCaseCarriesTheLicence() throws Exception {
        Path template = RealData.file("icbm152_2009a");
        Path out = dir.resolve("case");
        Cli r = Cli.run("phantom", "--from-template", template.toString(), "--block", "4", "--out", out.toString(),
                "--lesions", "2", "--predictions", "calibrated");
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(template.resolve("LICENSE")), Files.readString(out.resolve("LICENSE")));
        assertTrue(Files.readString(out.resolve("SOURCE")).contains("4x4x4"));
        assertTrue(Files.isRegularFile(out.resolve("prediction_calibrated.nii.gz")));
        try (var s = Files.list(out)) {
            // nothing named like the template's own files
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("icbm")));
        }
        assertTrue(r.out().contains("4.0x4.0x4.0 mm"), r.out());
    }

    @Test
    void templateErrorsAreInputErrors() throws Exception {
        Cli missing = Cli.run("phantom", "--from-template", dir.resolve("nowhere").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nowhere"), missing.err());
        Files.createDirectories(dir.resolve("t"));
        Cli noLicence = Cli.run("phantom", "--from-template", dir.resolve("t").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, noLicence.exit());
        assertTrue(noLicence.err().contains("LICENSE"), noLicence.err());
        Cli grid = Cli.run("phantom", "--from-template", dir.resolve("t").toString(), "--size", "10,10,10", "--out",
                dir.resolve("o").toString());
        assertEquals(2, grid.exit());
        assertTrue(grid.err().contains("--size"), grid.err());
    }
}
