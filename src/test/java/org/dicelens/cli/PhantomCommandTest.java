package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.phantom.Phantom;
import org.dicelens.phantom.PhantomGenerator;
import org.dicelens.phantom.PhantomKind;
import org.dicelens.phantom.PhantomSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheCaseTheOptionsDescribe() throws Exception {
        Path out = dir.resolve("case");
        Cli r = Cli.run("phantom", "--out", out.toString(), "--kind", "lesion", "--size", "20,18,10", "--spacing", "2,2,3.5",
                "--lesions", "2", "--lesion-radius", "3", "--width", "1.5", "--seed", "7", "--predictions", "calibrated,overconfident");
        assertEquals(0, r.exit(), r.err());
        for (String f : new String[] {"image.nii.gz", "reference.nii.gz", "prediction_calibrated.nii.gz",
            "prediction_overconfident.nii.gz", "labels.txt", "phantom.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("prediction_underconfident.nii.gz")));
        // the files hold the phantom the library makes from the same spec
        Phantom p = PhantomGenerator.generate(PhantomSpec.lesion().withSize(20, 18, 10).withSpacing(2, 2, 3.5)
                .withLesions(2, 3).withWidth(1.5).withSeed(7));
        assertEquals(PhantomKind.LESION, p.spec().kind());
        NiftiVolume pred = NiftiReader.read(out.resolve("prediction_calibrated.nii.gz"), Progress.NONE);
        assertEquals(2, pred.channels());
        assertArrayEquals(p.q()[1], pred.channelAsFloat(1));
        assertEquals(3.5, pred.header().pixdim[3], 1e-6);
        assertTrue(r.out().contains("lesion"), r.out());
    }

    @Test
    void badOptionsAreOneLineInputErrors() {
        Cli r = Cli.run("phantom", "--out", dir.toString(), "--size", "20,18");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--size"), r.err());
        Cli k = Cli.run("phantom", "--out", dir.toString(), "--kind", "liver");
        assertEquals(2, k.exit());
        assertTrue(k.err().contains("--kind"), k.err());
        Cli p = Cli.run("phantom", "--out", dir.toString(), "--predictions", "perfect");
        assertEquals(2, p.exit());
        Cli w = Cli.run("phantom", "--out", dir.toString(), "--width", "-1");
        assertEquals(2, w.exit());
        assertEquals(1, w.errLines(), w.err());
    }
}
