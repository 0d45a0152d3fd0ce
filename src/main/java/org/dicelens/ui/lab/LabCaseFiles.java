package org.dicelens.ui.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.phantom.LabCase;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;

/**
 * Writes a held-out lab case with one prediction as ordinary files (image, reference, 4D two-channel probabilities:
 * background 1 − p, lesion p) so the viewer opens it like any case: loading, metrics, sessions and exports all work
 * the same. Always into a fresh folder of its own, never over an input.
 */
public final class LabCaseFiles {
    /** ITK-SNAP label description: the viewer names the classes "background" and "lesion". */
    static final String LABELS = """
            ################################################
            # ITK-SNAP Label Description File (DiceLens lab)
            # IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL
            ################################################
                0     0    0    0        0  0  0    "background"
                1   230   25   75        1  1  1    "lesion"
            """;

    private LabCaseFiles() {
    }

    /** A fresh temporary folder, removed when the program exits. */
    public static Path freshFolder() throws InputException {
        try {
            Path dir = Files.createTempDirectory("dicelens-lab-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new InputException(null, null, "cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code c} with foreground probabilities {@code p} into {@code dir} (which should be empty).
     *
     * @param tag what the prediction is (a loss id or "q"), kept in the file name and header
     */
    public static CaseFiles write(LabCase c, float[] p, String tag, Path dir) throws InputException {
        if (p.length != c.voxelCount()) {
            throw new IllegalArgumentException("prediction must have " + c.voxelCount() + " voxels");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir, null, "cannot create the output folder: " + e.getMessage(), e);
        }
        Geometry g = c.geometry();
        Path image = dir.resolve("image.nii.gz");
        NiftiHeaders.writeFloat32(image, g, "DiceLens lab " + c.name() + " image", c.image());
        float[] ref = new float[c.voxelCount()];
        byte[] r = c.reference();
        for (int i = 0; i < ref.length; i++) {
            ref[i] = r[i]; // label value = channel index: 0 background, 1 lesion
        }
        Path reference = dir.resolve("reference.nii.gz");
        NiftiHeaders.writeUint8(reference, g, "DiceLens lab " + c.name() + " reference", ref);
        float[] bg = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            bg[i] = 1f - p[i];
        }
        String safe = tag.replaceAll("[^A-Za-z0-9_-]", "_");
        Path prediction = dir.resolve("prediction_" + safe + ".nii.gz");
        // x, y, z, class, as MONAI saves softmax
        NiftiHeaders.writeFloat32(prediction, g, "DiceLens lab " + c.name() + " prediction " + tag, bg, p);
        Path labels = dir.resolve("labels.txt");
        try {
            org.dicelens.common.AtomicFiles.writeString(labels, LABELS);
        } catch (IOException e) {
            throw new InputException(labels, null, "cannot write: " + e.getMessage(), e);
        }
        for (Path f : List.of(image, reference, prediction, labels)) {
            f.toFile().deleteOnExit();
        }
        return new CaseFiles(reference, List.of(prediction), image, labels, null, null);
    }
}
