package org.dicelens.nifti;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opening NIfTI files: which file holds the header and which the data, gzip detection, exact reads. */
final class NiftiFiles {
    /** Compressed input buffer: large, so the inflater is fed in few system calls. */
    static final int GZIP_BUFFER = 1 << 18;
    /**
     * Deflate cannot expand data by more than 1032:1 (zlib FAQ), so a gzip file of n bytes holds at most about
     * 1032 n bytes; a header claiming more is refused before anything is allocated or inflated.
     */
    static final long DEFLATE_MAX_RATIO = 1032;

    private NiftiFiles() {
    }

    /** Refuses what is not a readable regular file (missing, a directory, a device or pipe that could hang a read). */
    static long checkRegular(Path file) throws NiftiException {
        if (!Files.exists(file)) {
            throw new NiftiException(file, null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new NiftiException(file, null, "is a directory, not a NIfTI file");
        }
        if (!Files.isRegularFile(file)) {
            throw new NiftiException(file, null, "is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new NiftiException(file, null, "cannot be read (permission denied)");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new NiftiException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The header file for a path: X.hdr(.gz) for X.img(.gz), whichever exists; the path itself otherwise. */
    static Path headerFileFor(Path file) {
        Path[] candidates = companions(file, ".img", ".hdr");
        if (candidates == null) {
            return file;
        }
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return p;
            }
        }
        return candidates[0];
    }

    /** The image file of a header/image pair: X.img(.gz) for X.hdr(.gz) (or X.nii), whichever exists. */
    static Path imageFileFor(Path header) throws NiftiException {
        Path[] candidates = companions(header, ".hdr", ".img");
        if (candidates == null) {
            candidates = companions(header, ".nii", ".img");
        }
        if (candidates == null) {
            candidates = new Path[] {header.resolveSibling(header.getFileName() + ".img")};
        }
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new NiftiException(header, "magic", "says the data is in a separate .img file (header/image pair), but "
                + candidates[0] + " does not exist");
    }

    /**
     * For a name ending in {@code from} or {@code from}.gz (any case): the same stem with {@code to}, the same
     * compression first and the other second; null when the name does not end so.
     */
    private static Path[] companions(Path file, String from, String to) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        String base = gz ? name.substring(0, name.length() - 3) : name;
        if (!base.toLowerCase(Locale.ROOT).endsWith(from)) {
            return null;
        }
        String ext = base.substring(base.length() - 4);
        String target = ext.equals(ext.toUpperCase(Locale.ROOT)) ? to.toUpperCase(Locale.ROOT) : to;
        String stem = base.substring(0, base.length() - 4) + target;
        return new Path[] {file.resolveSibling(gz ? stem + ".gz" : stem), file.resolveSibling(gz ? stem : stem + ".gz")};
    }

    /** An opened file: the stream and whether it is gzip (detected from the content, not the name). */
    record Opened(InputStream in, boolean gzip) {
    }

    static Opened open(Path file) throws NiftiException {
        InputStream raw = null;
        try {
            raw = new FileInputStream(file.toFile());
            PushbackInputStream pb = new PushbackInputStream(raw, 2);
            byte[] two = new byte[2];
            int n = readUpTo(pb, two, 0, 2);
            if (n > 0) {
                pb.unread(two, 0, n);
            }
            if (n == 2 && (two[0] & 0xFF) == 0x1f && (two[1] & 0xFF) == 0x8b) {
                long size = Files.size(file); // small files get a small inflater buffer
                return new Opened(new GZIPInputStream(pb, (int) Math.min(GZIP_BUFFER, Math.max(512, size))), true);
            }
            return new Opened(pb, false);
        } catch (ZipException | EOFException e) {
            close(raw);
            throw new NiftiException(file, "gzip", "corrupt or truncated gzip header: " + e.getMessage(), e);
        } catch (IOException e) {
            close(raw);
            throw new NiftiException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads up to len bytes, stopping only at end of stream; returns how many were read. */
    static int readUpTo(InputStream in, byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int r = in.read(b, off + done, len - done);
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Skips exactly n bytes, returning how many could be skipped before the end of the stream. */
    static long skipUpTo(InputStream in, long n, byte[] scratch) throws IOException {
        long done = 0;
        while (done < n) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was written; a failing close of an input loses nothing
            }
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
