package org.dicelens.nifti;

import java.nio.file.Path;

/**
 * Decides whether a decoded header describes data DiceLens can read, before anything is allocated,
 * and derives the data layout. Every refusal names the file, the field and its value.
 */
final class HeaderChecks {
    /** The largest Java array (a little under Integer.MAX_VALUE on HotSpot). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private HeaderChecks() {
    }

    /** Where the data is and how big it is. */
    record Layout(NiftiDatatype datatype, int voxelsPerChannel, int channels, long dataOffset, long dataBytes,
            boolean scaled) {
        long elements() {
            return (long) voxelsPerChannel * channels;
        }

        /** True when each channel is decoded into float[] (exact for the source), else double[]. */
        boolean asFloat() {
            return !scaled && (datatype == NiftiDatatype.FLOAT32 || datatype.bytes() <= 2); // ints of <= 16 bits or float32
        }

        long memoryBytes() {
            return elements() * (asFloat() ? 4 : 8);
        }
    }

    static Layout check(Path file, NiftiHeader h) throws NiftiException {
        long nd = h.dim[0];
        if (nd < 1 || nd > 7) {
            throw new NiftiException(file, "dim[0]", "is " + nd + "; the number of dimensions must be 1 to 7");
        }
        for (int i = 1; i <= nd; i++) {
            if (h.dim[i] < 1) {
                throw new NiftiException(file, "dim[" + i + "]", "is " + h.dim[i] + "; every size must be at least 1 ("
                        + dims(h) + ")");
            }
        }
        long perChannel = 1;
        long channels = 1;
        try {
            for (int i = 1; i <= Math.min(3, nd); i++) {
                perChannel = Math.multiplyExact(perChannel, h.dim[i]);
            }
            for (int i = 4; i <= nd; i++) {
                channels = Math.multiplyExact(channels, h.dim[i]);
            }
            Math.multiplyExact(Math.multiplyExact(perChannel, channels), 8L);
        } catch (ArithmeticException e) {
            throw new NiftiException(file, "dim", "the product of the sizes " + dims(h) + " overflows 64 bits");
        }
        if (perChannel > MAX_ARRAY) {
            throw new NiftiException(file, "dim", dims(h) + " has " + perChannel + " voxels per 3D volume, more than the "
                    + MAX_ARRAY + " a Java array can hold");
        }
        if (channels > MAX_ARRAY) {
            throw new NiftiException(file, "dim", dims(h) + " has " + channels + " volumes (dims 4 to 7), more than "
                    + MAX_ARRAY);
        }
        NiftiDatatype dt = NiftiDatatype.of(h.datatype);
        if (dt == null) {
            throw new NiftiException(file, "datatype", "unsupported datatype " + h.datatype + " (" + knownName(h.datatype)
                    + "); DiceLens reads uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32 and float64");
        }
        boolean scaled = scaling(file, h);
        checkTransforms(file, h);
        long min = h.version == 1 ? HeaderCodec.NIFTI1_MIN_OFFSET : HeaderCodec.NIFTI2_MIN_OFFSET;
        long offset = h.vox_offset;
        if (offset < 0) {
            throw new NiftiException(file, "vox_offset", "is " + offset + "; it must not be negative");
        }
        if (h.singleFile && offset == 0) {
            offset = min; // unset: data right after the header, as nibabel and nifti_clib assume
        } else if (h.singleFile && offset < min) {
            throw new NiftiException(file, "vox_offset", "is " + offset + ", inside the " + min
                    + "-byte header of a single-file NIfTI-" + h.version);
        }
        long dataBytes = perChannel * channels * dt.bytes();
        return new Layout(dt, (int) perChannel, (int) channels, offset, dataBytes, scaled);
    }

    /**
     * A transform the header declares (code &gt; 0) must hold finite numbers, and so must the pixdim sizes the affine
     * is built from: a NaN or infinite entry would place every voxel nowhere (and used to surface later as an index
     * error). pixdim sizes of NaN keep meaning "unset" (read as 1, as nibabel does); infinity is refused.
     */
    private static void checkTransforms(Path file, NiftiHeader h) throws NiftiException {
        if (h.sform_code > 0) {
            String[] rows = {"srow_x", "srow_y", "srow_z"};
            double[][] values = {h.srow_x, h.srow_y, h.srow_z};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    finite(file, rows[r] + "[" + c + "]", values[r][c], "sform (sform_code " + h.sform_code + ")");
                }
            }
        }
        if (h.qform_code > 0) {
            finite(file, "quatern_b", h.quatern_b, "qform (qform_code " + h.qform_code + ")");
            finite(file, "quatern_c", h.quatern_c, "qform (qform_code " + h.qform_code + ")");
            finite(file, "quatern_d", h.quatern_d, "qform (qform_code " + h.qform_code + ")");
            finite(file, "qoffset_x", h.qoffset_x, "qform (qform_code " + h.qform_code + ")");
            finite(file, "qoffset_y", h.qoffset_y, "qform (qform_code " + h.qform_code + ")");
            finite(file, "qoffset_z", h.qoffset_z, "qform (qform_code " + h.qform_code + ")");
        }
        if (h.sform_code <= 0) {
            for (int i = 1; i <= 3; i++) {
                if (Double.isInfinite(h.pixdim[i])) {
                    throw new NiftiException(file, "pixdim[" + i + "]", "is " + h.pixdim[i]
                            + "; a voxel size must be a finite number");
                }
            }
        }
    }

    private static void finite(Path file, String field, double v, String what) throws NiftiException {
        if (!Double.isFinite(v)) {
            throw new NiftiException(file, field, "is " + v + " in the " + what + "; a voxel-to-world transform must hold "
                    + "finite numbers");
        }
    }

    /** Slope 0 or not finite: no scaling (as nibabel); a valid slope with a non-finite intercept is an error. */
    private static boolean scaling(Path file, NiftiHeader h) throws NiftiException {
        double slope = h.scl_slope;
        if (slope == 0 || !Double.isFinite(slope)) {
            return false;
        }
        if (!Double.isFinite(h.scl_inter)) {
            throw new NiftiException(file, "scl_inter", "is " + h.scl_inter + " while scl_slope is " + slope
                    + "; the intercept must be a finite number");
        }
        return slope != 1 || h.scl_inter != 0;
    }

    static String dims(NiftiHeader h) {
        StringBuilder sb = new StringBuilder();
        long nd = Math.max(1, Math.min(7, h.dim[0]));
        for (int i = 1; i <= nd; i++) {
            if (i > 1) {
                sb.append('x');
            }
            sb.append(h.dim[i]);
        }
        return sb.toString();
    }

    /** Names of the nifti1.h datatypes DiceLens does not read, for a clearer message. */
    private static String knownName(int code) {
        return switch (code) {
            case 0 -> "unknown";
            case 1 -> "binary";
            case 32 -> "complex64";
            case 128 -> "rgb24";
            case 255 -> "all";
            case 1536 -> "float128";
            case 1792 -> "complex128";
            case 2048 -> "complex256";
            case 2304 -> "rgba32";
            default -> "not a nifti1.h datatype";
        };
    }
}
