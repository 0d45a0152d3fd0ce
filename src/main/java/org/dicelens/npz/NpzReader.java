package org.dicelens.npz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;

/**
 * Reads arrays from a NumPy {@code .npz} archive: a zip of {@code .npy} files, stored or deflated
 * ({@code np.savez} / {@code np.savez_compressed}), with ZIP64 fields when numpy wrote them. Entries other than
 * {@code .npy} files are never read. Before an entry is inflated, its declared size is checked against what
 * deflate can produce from its compressed size (at most 1032 bytes per byte), against its array header and against
 * the memory cap; reading stops at the declared size, so a zip bomb costs no more than the cap.
 */
public final class NpzReader {
    /** Deflate's largest expansion is 1032:1 (a 258-byte match in two bits); beyond that the sizes are lies. */
    private static final long DEFLATE_MAX_RATIO = 1032;
    private static final long DEFLATE_SLACK = 4096;

    private NpzReader() {
    }

    /**
     * Whether the first bytes of a file look like an .npz: a zip local file header whose first entry's name ends in
     * ".npy" (numpy writes nothing else). Needs the first 30 bytes plus the entry name; a shorter head is false.
     */
    public static boolean looksLikeNpz(byte[] head) {
        if (head == null || head.length < 30 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            return false;
        }
        int nameLength = (head[26] & 0xFF) | (head[27] & 0xFF) << 8;
        if (nameLength < 4 || 30 + nameLength > head.length) {
            return false;
        }
        return new String(head, 30 + nameLength - 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(".npy");
    }

    /** The names of the arrays in the archive (entry names without ".npy"), in archive order. */
    public static List<String> keys(Path file) throws InputException {
        try (ZipFile zip = open(file)) {
            List<String> keys = new ArrayList<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                String n = en.nextElement().getName();
                if (n.endsWith(".npy")) {
                    keys.add(NpyReader.stripNpy(n));
                }
            }
            return keys;
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, null, "not a readable .npz archive (" + message(e) + ")", e);
        }
    }

    /** Reads the array {@code key} with the default memory cap. */
    public static NpyArray read(Path file, String key, Progress progress) throws InputException {
        return read(file, key, NpyReader.defaultMaxBytes(), progress);
    }

    /**
     * Reads the array {@code key} (the entry {@code key + ".npy"}).
     *
     * @param maxBytes the most memory the array may take as floats
     */
    public static NpyArray read(Path file, String key, long maxBytes, Progress progress) throws InputException {
        String entryName = key + ".npy";
        ZipFile zip = openArchive(file);
        try (zip) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new InputException(file, entryName, "no array '" + key + "' in the archive (it holds "
                        + describe(zip) + ")");
            }
            long size = entry.getSize();
            long packed = entry.getCompressedSize();
            if (entry.getMethod() == ZipEntry.DEFLATED && size >= 0 && packed >= 0
                    && size > packed * DEFLATE_MAX_RATIO + DEFLATE_SLACK) {
                throw new InputException(file, entryName, "the entry declares " + size + " bytes inflated from " + packed
                        + " compressed bytes, more than deflate can produce: the archive is corrupt or hostile");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return NpyReader.read(in, size, maxBytes, key, progress);
            }
        } catch (NpyFormatException e) {
            throw new InputException(file, entryName + " " + e.field(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof java.util.concurrent.CancellationException c) {
                throw c;
            }
            throw unreadableEntry(file, entryName, e);
        }
    }

    /**
     * The shape the array {@code key} declares, read from its header alone (nothing of the data is inflated): lets a
     * caller that knows the expected shape refuse a wrong or hostile one before reading.
     */
    public static long[] shape(Path file, String key) throws InputException {
        String entryName = key + ".npy";
        ZipFile zip = openArchive(file);
        try (zip; InputStream in = entryStream(zip, file, entryName)) {
            return NpyReader.header(new java.io.BufferedInputStream(in, 4096)).shape().clone();
        } catch (NpyFormatException e) {
            throw new InputException(file, entryName + " " + e.field(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw unreadableEntry(file, entryName, e);
        }
    }

    private static InputStream entryStream(ZipFile zip, Path file, String entryName) throws IOException, InputException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new InputException(file, entryName, "no array '" + NpyReader.stripNpy(entryName) + "' in the archive"
                    + " (it holds " + describe(zip) + ")");
        }
        return zip.getInputStream(entry);
    }

    private static ZipFile open(Path file) throws IOException {
        return new ZipFile(file.toFile());
    }

    private static String describe(ZipFile zip) {
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements() && names.size() < 10) {
            names.add(en.nextElement().getName());
        }
        return names.isEmpty() ? "no entries" : String.join(", ", names) + (en.hasMoreElements() ? ", ..." : "");
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The archive opened, or a clear InputException naming the file. */
    private static ZipFile openArchive(Path file) throws InputException {
        try {
            return open(file);
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, null, "not a readable .npz archive (" + message(e) + ")", e);
        }
    }

    private static InputException unreadableEntry(Path file, String entryName, Exception e) {
        return new InputException(file, entryName, "cannot read the entry (" + message(e) + "): the archive is corrupt"
                + " or truncated", e);
    }
}
