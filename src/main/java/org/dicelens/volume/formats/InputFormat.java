package org.dicelens.volume.formats;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.dicelens.common.InputException;

/**
 * One input format of the registry ({@link InputFormats}): its name, the file-name endings it owns, how to recognise
 * its content, and its reader.
 *
 * @param name        what users are told ("NIfTI", "NumPy .npz")
 * @param extensions  lower-case endings of files that are a volume of this format (".nii.gz" before ".nii")
 * @param companions  endings of files read through another file (the .img half of a .hdr/.img pair): recognised
 *                    as this format's, but never a case or a volume on their own
 * @param magic       true when the first bytes of a file (up to 16; fewer for a short file) are this format's
 * @param reader      reads a file; {@code null} while the format is recognised but not read yet
 * @param peek        the shape from the header alone, or {@code null} when the format cannot tell without reading
 */
public record InputFormat(String name, List<String> extensions, List<String> companions, Predicate<byte[]> magic,
        FormatReader reader, ShapePeek peek) {
    /** The shape of a file from its header. */
    @FunctionalInterface
    public interface ShapePeek {
        VolumeShape shape(Path file) throws InputException;
    }

    public InputFormat {
        extensions = List.copyOf(extensions);
        companions = companions == null ? List.of() : List.copyOf(companions);
    }

    /** True when this format is read, not only recognised. */
    public boolean supported() {
        return reader != null;
    }

    /** The ending of {@code file}'s name this format owns (volume or companion), or null. */
    public String endingOf(Path file) {
        Path n = file.getFileName();
        String lower = (n == null ? file.toString() : n.toString()).toLowerCase(Locale.ROOT);
        for (List<String> l : List.of(extensions, companions)) {
            for (String e : l) {
                if (lower.endsWith(e) && lower.length() > e.length()) {
                    return e;
                }
            }
        }
        return null;
    }

    /** True when {@code file} is named as one of this format's volumes (not a companion). */
    public boolean namesVolume(Path file) {
        String e = endingOf(file);
        return e != null && extensions.contains(e);
    }
}
