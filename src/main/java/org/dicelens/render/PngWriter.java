package org.dicelens.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import javax.imageio.ImageIO;
import org.dicelens.common.InputException;

/** Writes ARGB pixels as a PNG atomically (temporary file in the target folder, then rename), never over an input. */
public final class PngWriter {
    private PngWriter() {
    }

    public static void write(Path out, int[] argb, int width, int height) throws IOException, InputException {
        write(out, argb, width, height, List.of());
    }

    /**
     * @param inputs files the picture was made from: writing over one of them is refused with an
     *               InputException naming it
     */
    public static void write(Path out, int[] argb, int width, int height, Collection<Path> inputs)
            throws IOException, InputException {
        if (argb.length < width * height || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("pixels: " + argb.length + " for " + width + "x" + height);
        }
        Path target = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && sameFile(target, in)) {
                throw new InputException(out, "output", "is one of the input files; refusing to write over it");
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean sameFile(Path target, Path input) throws IOException {
        Path in = input.toAbsolutePath().normalize();
        if (in.equals(target)) {
            return true;
        }
        return Files.exists(in) && Files.exists(target) && Files.isSameFile(in, target);
    }

    /** Temporary files are created owner-only (0600); the finished file gets the usual rw-r--r--. */
    private static void readableByAll(Path f) {
        try {
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep what it gave
        }
    }
}
