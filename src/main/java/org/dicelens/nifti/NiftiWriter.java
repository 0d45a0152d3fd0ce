package org.dicelens.nifti;

import java.nio.file.Path;

/** Writes NIfTI-1 files atomically (temporary file in the same folder, then rename). */
public final class NiftiWriter {
    private NiftiWriter() {
    }

    /**
     * Writes channels (float[] or double[] arrays of header.nx*ny*nz values) with the header's geometry,
     * stored as {@code datatype} (NiftiDatatype.FLOAT32, UINT8 or INT16); gzipped when the name ends in .gz.
     */
    public static void write(Path file, NiftiHeader header, NiftiDatatype datatype, Object... channels) throws NiftiException {
        throw new UnsupportedOperationException("TODO: NIfTI codec");
    }
}
