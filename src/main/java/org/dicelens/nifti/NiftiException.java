package org.dicelens.nifti;

import java.nio.file.Path;
import org.dicelens.common.InputException;

/** A NIfTI file that cannot be read or written; names the file and the header field at fault. */
public class NiftiException extends InputException {
    public NiftiException(Path file, String field, String problem) {
        super(file, field, problem);
    }

    public NiftiException(Path file, String field, String problem, Throwable cause) {
        super(file, field, problem, cause);
    }
}
