package org.dicelens.nifti;

import java.nio.file.Path;

/** Reads NIfTI-1/NIfTI-2 files (.nii, .nii.gz, .hdr/.img and gzipped pairs), from nifti1.h/nifti2.h. */
public final class NiftiReader {
    private NiftiReader() {
    }

    /** Reads only the header (checking it against the file size). */
    public static NiftiHeader readHeader(Path file) throws NiftiException {
        throw new UnsupportedOperationException("TODO: NIfTI codec");
    }

    /** Reads header and data. */
    public static NiftiVolume read(Path file) throws NiftiException {
        throw new UnsupportedOperationException("TODO: NIfTI codec");
    }
}
