package org.dicelens.common;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Collection;

/**
 * The one way DiceLens writes a file, so nothing is ever lost: the bytes go to a hidden temporary file beside the
 * target (created with the default permissions, unlike {@code Files.createTempFile}'s 0600), forced to disk, then
 * renamed over the target. A failure leaves any previous file intact and removes the temporary file.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1 << 16;

    /** The bytes of a file, written to a stream (which the body need not close); E is what else it may throw. */
    @FunctionalInterface
    public interface Body<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    private AtomicFiles() {
    }

    public static <E extends Exception> void write(Path target, Body<E> body) throws IOException, E {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
                body.writeTo(new FilterOutputStream(buffered) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the channel is ours to close, after it is forced to disk
                    }
                });
                buffered.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a hidden leftover; the target itself was never touched
                }
            }
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Refuses to write {@code target} over one of the inputs (compared through links and "..", and as the same file
     * when both exist), with a message naming the target.
     *
     * @param field the option or role of the target in messages (e.g. "--out"), or null
     */
    public static void refuseInputs(Path target, Collection<Path> inputs, String field) throws InputException {
        for (Path in : inputs) {
            if (in != null && sameFile(target, in)) {
                throw new InputException(target, field, "is an input file; refusing to write over it");
            }
        }
    }

    /** True when a and b name the same file, whether or not it exists yet. */
    public static boolean sameFile(Path a, Path b) {
        if (canonical(a).equals(canonical(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent != null) {
                try {
                    return parent.toRealPath().resolve(abs.getFileName());
                } catch (IOException ignored) {
                    // the folder does not exist either
                }
            }
            return abs;
        }
    }
}
