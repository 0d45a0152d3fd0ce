package org.dicelens.volume.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;

/**
 * The registry of input formats: every place that reads a volume, lists file endings (file chooser, role guessing,
 * batch pairing, case names) or recognises a file asks here, so a format is added in one place.
 *
 * <h2>Choosing a format</h2>
 * A file's first bytes decide first (a NIfTI header's sizeof_hdr, a gzip stream named *.gz, a zip's "PK\3\4");
 * when no format claims the content, the file's name ending decides; a file neither recognises is read as NIfTI,
 * whose reader then says precisely what is wrong with it.
 *
 * <h2>Adding a format (the SPI)</h2>
 * Build an {@link InputFormat} (name, endings, magic test, {@link FormatReader}, optional header peek) and call
 * {@link #register(InputFormat)} once, before files are opened (a static initialiser of the wiring code, or a line in
 * {@link #builtIn()}). A format registered under the name of an existing one replaces it (a format registered without
 * a reader is recognised but unread: reading one gives a clear "not supported yet" error). {@code .npz} ({@link #NPZ})
 * is nnU-Net's probabilities, read by {@link NnUnetProbabilities#readVolume}. A reader returns a {@link ReadVolume}: voxels plus the grid, or no grid (the loader then
 * takes the grid of the reference after checking the shapes).
 */
public final class InputFormats {
    /** The name under which the NumPy .npz format is registered. */
    public static final String NPZ = "NumPy .npz";
    /** The name under which NIfTI (.nii, .nii.gz, .hdr/.img) is registered. */
    public static final String NIFTI = "NIfTI";
    private static final List<InputFormat> FORMATS = new CopyOnWriteArrayList<>(builtIn());

    private InputFormats() {
    }

    /** NIfTI, then nnU-Net's .npz probabilities (no header shape: the grid comes from CASE.nii.gz or the reference). */
    static List<InputFormat> builtIn() {
        return List.of(NiftiFormat.FORMAT, new InputFormat(NPZ, List.of(".npz"), List.of(), InputFormats::isZip,
                NnUnetProbabilities::readVolume, null));
    }

    /** Adds a format, or replaces the one of the same name (keeping its place in the order). */
    public static synchronized void register(InputFormat f) {
        for (int i = 0; i < FORMATS.size(); i++) {
            if (FORMATS.get(i).name().equals(f.name())) {
                FORMATS.set(i, f);
                return;
            }
        }
        FORMATS.add(f);
    }

    /** The registered formats, in order. */
    public static List<InputFormat> all() {
        return List.copyOf(FORMATS);
    }

    /** The format registered under {@code name}, or null. */
    public static InputFormat named(String name) {
        for (InputFormat f : FORMATS) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The format of {@code file}: by content, then by name ending, else NIfTI (whose reader explains the problem). */
    public static InputFormat of(Path file) {
        byte[] head = head(file);
        if (head != null) {
            for (InputFormat f : FORMATS) {
                if (f.magic() != null && f.magic().test(head) && claims(f, file, head)) {
                    return f;
                }
            }
        }
        InputFormat byName = byName(file);
        return byName != null ? byName : NiftiFormat.FORMAT;
    }

    /** A gzip stream is only NIfTI's content when named *.gz; zip and raw headers claim on their own. */
    private static boolean claims(InputFormat f, Path file, byte[] head) {
        return !isGzip(head) || f.endingOf(file) != null;
    }

    /** The format whose endings (volume or companion) name {@code file}, or null. */
    public static InputFormat byName(Path file) {
        InputFormat best = null;
        int bestLength = 0;
        for (InputFormat f : FORMATS) {
            String e = f.endingOf(file);
            if (e != null && e.length() > bestLength) {
                best = f;
                bestLength = e.length();
            }
        }
        return best;
    }

    /** Reads a volume with the format of the file. */
    public static ReadVolume read(Path file, Progress progress) throws InputException {
        InputFormat f = of(file);
        if (!f.supported()) {
            throw notSupported(file, f);
        }
        return f.reader().read(file, progress == null ? Progress.NONE : progress);
    }

    /** The shape from the header alone, or null when the format cannot tell without reading (or is not read yet). */
    public static VolumeShape shape(Path file) throws InputException {
        InputFormat f = of(file);
        if (!f.supported()) {
            throw notSupported(file, f);
        }
        return f.peek() == null ? null : f.peek().shape(file);
    }

    static InputException notSupported(Path file, InputFormat f) {
        return new InputException(file, null, f.name() + " files are recognised but not supported yet: give the "
                + "probabilities as a NIfTI file (4D, one channel per class) instead");
    }

    /** True when {@code file} is named as a volume of a registered format (a .img half of a pair is not). */
    public static boolean isVolumeFile(Path file) {
        InputFormat f = byName(file);
        return f != null && f.namesVolume(file);
    }

    /** True when {@code file} is named as a volume or a companion file (the .img of a pair) of a registered format. */
    public static boolean isVolumeOrCompanion(Path file) {
        return byName(file) != null;
    }

    /** True when the registered format of {@code file}'s name is read (not only recognised). */
    public static boolean isSupported(Path file) {
        InputFormat f = byName(file);
        return f != null && f.supported();
    }

    /** The file name without its format's ending ("case_0001.nii.gz" → "case_0001"); other names unchanged. */
    public static String stem(Path file) {
        Path n = file.getFileName();
        String name = n == null ? file.toString() : n.toString();
        InputFormat f = byName(file);
        return f == null ? name : name.substring(0, name.length() - f.endingOf(file).length());
    }

    /** The case name of a volume file, or null for files that are not a volume (companions, tables, notes …). */
    public static String caseName(Path file) {
        return isVolumeFile(file) ? stem(file) : null;
    }

    /** Glob patterns of every volume and companion ending ("*.nii.gz", …), for file choosers. */
    public static List<String> globs() {
        List<String> out = new ArrayList<>();
        for (InputFormat f : FORMATS) {
            f.extensions().forEach(e -> out.add("*" + e));
            f.companions().forEach(e -> out.add("*" + e));
        }
        return out;
    }

    /** The first up to 16 bytes of a file, or null when it cannot be opened (the reader then reports why). */
    private static byte[] head(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }
}
