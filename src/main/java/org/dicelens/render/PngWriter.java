package org.dicelens.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javax.imageio.ImageIO;
import org.dicelens.common.AtomicFiles;
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
        AtomicFiles.refuseInputs(out, inputs, "output");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFiles.write(out, os -> {
            if (!ImageIO.write(img, "png", os)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

}
