package org.dicelens.volume.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: formats chosen by content then name, .npz recognised but unread until a reader is registered. */
class InputFormatsTest {
    private static final Geometry G = new Geometry(3, 2, 1, new double[] {2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 4, 30, 0, 0, 0, 1});
    @TempDir
    Path dir;

    @AfterEach
    void restoreBuiltIns() {
        InputFormats.builtIn().forEach(InputFormats::register);
    }

    private Path nifti(String name, float[]... channels) throws Exception {
        Path p = dir.resolve(name);
        NiftiHeaders.writeFloat32(p, G, "t", channels);
        return p;
    }

    @Test
    void namesAndEndingsComeFromTheRegistry() {
        assertEquals("case_0001", InputFormats.stem(Path.of("case_0001.nii.gz")));
        assertEquals("case", InputFormats.stem(Path.of("case.NPZ")));
        assertEquals("notes.txt", InputFormats.stem(Path.of("notes.txt")));
        assertEquals("a", InputFormats.caseName(Path.of("a.hdr")));
        assertNull(InputFormats.caseName(Path.of("a.img")), "the data half of a pair is not a case of its own");
        assertNull(InputFormats.caseName(Path.of("a.pkl")));
        assertTrue(InputFormats.isVolumeOrCompanion(Path.of("a.img.gz")));
        assertTrue(InputFormats.globs().containsAll(List.of("*.nii.gz", "*.nii", "*.hdr", "*.img", "*.npz")));
        assertTrue(InputFormats.isSupported(Path.of("a.npz")), "nnU-Net's .npz is read");
        assertTrue(InputFormats.isSupported(Path.of("a.nii")));
    }

    @Test
    void contentDecidesBeforeTheName() throws Exception {
        Path realNifti = nifti("x.nii", new float[6]);
        Path misnamed = Files.copy(realNifti, dir.resolve("misnamed.npz"));
        assertEquals("NIfTI", InputFormats.of(misnamed).name());
        assertEquals(3, InputFormats.read(misnamed, Progress.NONE).data().nx());
        Path zip = Files.write(dir.resolve("probs.nii"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4});
        assertEquals(InputFormats.NPZ, InputFormats.of(zip).name());
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3});
        assertEquals("NIfTI", InputFormats.of(junk).name(), "unrecognised files go to the NIfTI reader, which explains");
        InputException e = assertThrows(InputException.class, () -> InputFormats.read(junk, Progress.NONE));
        assertTrue(e.getMessage().startsWith(junk + ": "), e.getMessage());
    }

    @Test
    void aFormatWithoutAReaderIsANamedNotSupportedError() throws Exception {
        Path ref = nifti("ref.nii.gz", new float[] {0, 1, 1, 0, 0, 1});
        Path npz = Files.write(dir.resolve("case.npz"), new byte[] {'P', 'K', 3, 4});
        InputFormat old = InputFormats.named(InputFormats.NPZ);
        try {
            InputFormats.register(new InputFormat(InputFormats.NPZ, old.extensions(), old.companions(), old.magic(), null,
                    null));
            InputException e = assertThrows(InputException.class,
                    () -> CaseLoader.load(CaseSpec.of(ref, npz), Progress.NONE));
            assertTrue(e.getMessage().startsWith(npz + ": NumPy .npz files are recognised but not supported yet"),
                    e.getMessage());
        } finally {
            InputFormats.register(old);
        }
    }

    @Test
    void oneRegistrationPlugsAGridlessReaderIn() throws Exception {
        Path ref = nifti("ref.nii.gz", new float[] {0, 1, 1, 0, 0, 1});
        Path npz = Files.write(dir.resolve("case.npz"), new byte[] {'P', 'K', 3, 4});
        float[] fg = {0.1f, 0.9f, 0.6f, 0.2f, 0.4f, 0.7f};
        InputFormat old = InputFormats.named(InputFormats.NPZ);
        try {
            plugged(old, fg);
        } finally {
            InputFormats.register(old); // the registry is global: leave the real reader for the other tests
        }
    }

    private void plugged(InputFormat old, float[] fg) throws Exception {
        Path ref = dir.resolve("ref.nii.gz");
        Path npz = dir.resolve("case.npz");
        InputFormats.register(new InputFormat(InputFormats.NPZ, old.extensions(), old.companions(), old.magic(),
                (file, progress) -> ReadVolume.withoutGrid(file, 3, 2, 1, new Object[] {fg}), null));
        assertTrue(InputFormats.isSupported(npz));
        Case c = CaseLoader.load(CaseSpec.of(ref, npz), Progress.NONE);
        assertEquals(G.mismatch(c.geometry()), null, "the grid-less prediction takes the reference's grid");
        assertEquals(0.9f, c.probability(1, 1));
        assertEquals(0.1f, c.probability(0, 1), 1e-7, "background derived as 1 - foreground");

        InputFormats.register(new InputFormat(InputFormats.NPZ, old.extensions(), old.companions(), old.magic(),
                (file, progress) -> ReadVolume.withoutGrid(file, 2, 3, 1, new Object[] {fg}), null));
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(ref, npz), Progress.NONE));
        assertTrue(e.getMessage().contains("no grid of its own and its shape 2x3x1 is not the shape 3x2x1"), e.getMessage());
        e = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(npz, ref), Progress.NONE));
        assertTrue(e.getMessage().startsWith(npz + ": grid: the reference has no voxel-to-world grid"), e.getMessage());
    }
}
