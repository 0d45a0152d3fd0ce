package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dicelens.common.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesPixelsThatReadBackExactly() throws Exception {
        int[] px = {0xFF000000, 0xFFFFFFFF, 0xFF123456, 0xFFD55E00, 0xFF009E73, 0xFF56B4E9};
        Path out = dir.resolve("sub/slice.png");
        PngWriter.write(out, px, 3, 2);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(3, img.getWidth());
        assertEquals(2, img.getHeight());
        assertArrayEquals(px, img.getRGB(0, 0, 3, 2, null, 0, 3));
        try (var s = Files.list(out.getParent())) {
            assertEquals(List.of(out), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void refusesToWriteOverAnInput() throws Exception {
        Path input = dir.resolve("image.nii.gz");
        Files.writeString(input, "not really");
        InputException e = assertThrows(InputException.class,
                () -> PngWriter.write(dir.resolve("./image.nii.gz"), new int[1], 1, 1, List.of(input)));
        assertEquals("not really", Files.readString(input));
        assertEquals(true, e.getMessage().contains("image.nii.gz"));
    }
}
