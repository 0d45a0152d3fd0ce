package org.dicelens.ui.model;

import java.nio.file.Path;
import org.dicelens.app.cases.CaseFiles;

/**
 * What the viewer calls a case (window title, exported figure, its default file name): its name, else its folder,
 * else the phantom, else the folder holding the reference — reference files are often just "reference" or "seg".
 */
public final class CaseName {
    private CaseName() {
    }

    /** The case's name; {@code fallback} (the loaded case's own name) when the files say nothing better. */
    public static String of(CaseFiles f, String fallback) {
        if (f == null) {
            return fallback;
        }
        if (f.name() != null && !f.name().isBlank()) {
            return f.name();
        }
        if (f.folder() != null && f.folder().getFileName() != null) {
            return f.folder().getFileName().toString();
        }
        if (f.phantom() != null) {
            return f.phantom() + " phantom";
        }
        Path ref = f.reference() != null ? f.reference() : f.referenceMasks().isEmpty() ? null : f.referenceMasks().get(0);
        Path parent = ref == null ? null : ref.toAbsolutePath().getParent();
        return parent != null && parent.getFileName() != null ? parent.getFileName().toString() : fallback;
    }

    /** The name of a loaded case. */
    public static String of(LoadedCase lc) {
        return lc == null ? "" : of(lc.files(), lc.data().name());
    }
}
