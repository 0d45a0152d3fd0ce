package org.dicelens.nifti;

/** The NIfTI datatypes DiceLens reads (codes from nifti1.h). */
public enum NiftiDatatype {
    UINT8(2, 8), INT16(4, 16), INT32(8, 32), FLOAT32(16, 32), FLOAT64(64, 64),
    INT8(256, 8), UINT16(512, 16), UINT32(768, 32), INT64(1024, 64), UINT64(1280, 64);

    public final int code;
    public final int bitpix;

    NiftiDatatype(int code, int bitpix) {
        this.code = code;
        this.bitpix = bitpix;
    }

    public int bytes() {
        return bitpix / 8;
    }

    /** The datatype for a code, or null when DiceLens does not read it. */
    public static NiftiDatatype of(int code) {
        for (NiftiDatatype d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        return null;
    }
}
