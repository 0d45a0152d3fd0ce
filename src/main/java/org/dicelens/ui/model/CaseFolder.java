package org.dicelens.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dicelens.common.InputException;

/**
 * A case folder: the files in it sorted by name, each given its role by {@link FileRoles#guess} (a label map named
 * like seg/label/ref/gt, predictions named like prob/pred/softmax, a class table, the remaining NIfTI as the image).
 */
public final class CaseFolder {
    private CaseFolder() {
    }

    public static CaseFiles resolve(Path folder) throws InputException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder, null, "not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder, null, "cannot list the folder: " + e.getMessage(), e);
        }
        Path reference = null;
        Path image = null;
        Path table = null;
        List<Path> predictions = new ArrayList<>();
        for (Path p : files) {
            switch (FileRoles.guess(p)) {
                case REFERENCE -> {
                    if (reference != null) {
                        throw new InputException(folder, "reference", "two candidate label maps: "
                                + reference.getFileName() + " and " + p.getFileName());
                    }
                    reference = p;
                }
                case PREDICTION -> predictions.add(p);
                case IMAGE -> image = image == null ? p : image;
                case CLASS_TABLE -> table = table == null ? p : table;
                default -> {
                }
            }
        }
        if (reference == null) {
            throw new InputException(folder, "reference", "no label map found (a NIfTI file named like *seg*, *label*, "
                    + "*ref* or *gt*)");
        }
        if (predictions.isEmpty()) {
            throw new InputException(folder, "prediction", "no prediction found (a NIfTI file named like *prob*, "
                    + "*pred* or *softmax*)");
        }
        return new CaseFiles(reference, predictions, image, table, folder, null);
    }
}
