package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample-data/ is what its README's commands generate: the presets of PhantomSpec.brain() and
 * PhantomSpec.lesion(). Guards the README against drifting away from the generator.
 */
class SampleDataTest {
    private static final Path ROOT = Path.of("sample-data");

    @Test
    void bundledCasesMatchTheGenerator() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), "sample-data/ not found from " + Path.of("").toAbsolutePath());
        check(ROOT.resolve("brain"), PhantomSpec.brain());
        check(ROOT.resolve("lesion"), PhantomSpec.lesion());
        long bytes;
        try (Stream<Path> s = Files.walk(ROOT)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes <= 15L * 1024 * 1024, "sample-data/ holds " + bytes + " bytes; the budget is 15 MB");
    }

    private static void check(Path dir, PhantomSpec spec) throws Exception {
        Phantom p = PhantomGenerator.generate(spec);
        NiftiVolume ref = NiftiReader.read(dir.resolve("reference.nii.gz"), Progress.NONE);
        byte[] expected = p.reference();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(p.classes().get(expected[i]).label(), (int) ref.get(0, i), dir + " reference voxel " + i);
        }
        NiftiVolume cal = NiftiReader.read(dir.resolve("prediction_calibrated.nii.gz"), Progress.NONE);
        assertEquals(p.classes().size(), cal.channels());
        for (int c = 0; c < cal.channels(); c++) {
            assertArrayEquals(p.q()[c], cal.channelAsFloat(c), dir + " q channel " + c);
        }
        assertArrayEquals(p.image(), NiftiReader.read(dir.resolve("image.nii.gz"), Progress.NONE).channelAsFloat(0));
    }
}
