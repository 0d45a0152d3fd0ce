package org.dicelens.nifti;

import java.nio.ByteOrder;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header, named as in nifti1.h / nifti2.h (as niftijio does),
 * held in the widest type of either version so one class serves both.
 */
public final class NiftiHeader {
    /** 1 for NIfTI-1 (348-byte header), 2 for NIfTI-2 (540-byte header). */
    public int version = 1;
    /** Byte order detected from sizeof_hdr. */
    public ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
    /** True for a single .nii file ("n+1"/"n+2"), false for a .hdr/.img pair ("ni1"/"ni2"). */
    public boolean singleFile = true;

    public int sizeof_hdr = 348;
    public char dim_info;
    /** dim[0] is the number of dimensions (1..7); dim[1..7] the sizes. */
    public long[] dim = new long[8];
    public double intent_p1;
    public double intent_p2;
    public double intent_p3;
    public int intent_code;
    public short datatype;
    public short bitpix;
    public long slice_start;
    /** pixdim[0] is qfac (±1); pixdim[1..3] the voxel spacing in xyzt_units. */
    public double[] pixdim = new double[8];
    public long vox_offset = 352;
    public double scl_slope = 1;
    public double scl_inter = 0;
    public long slice_end;
    public int slice_code;
    public int xyzt_units;
    public double cal_max;
    public double cal_min;
    public double slice_duration;
    public double toffset;
    public String descrip = "";
    public String aux_file = "";
    public int qform_code;
    public int sform_code;
    public double quatern_b;
    public double quatern_c;
    public double quatern_d;
    public double qoffset_x;
    public double qoffset_y;
    public double qoffset_z;
    public double[] srow_x = new double[4];
    public double[] srow_y = new double[4];
    public double[] srow_z = new double[4];
    public String intent_name = "";
    public String magic = "n+1";

    /** Number of spatial dimensions and sizes: dim[1..3], with missing dimensions as 1. */
    public int nx() {
        return (int) size(1);
    }

    public int ny() {
        return (int) size(2);
    }

    public int nz() {
        return (int) size(3);
    }

    /** Product of dim[4..7]: the channels (time points, classes, vector components). */
    public long channels() {
        long c = 1;
        for (int i = 4; i <= 7; i++) {
            c *= size(i);
        }
        return c;
    }

    private long size(int axis) {
        return axis <= dim[0] && dim[axis] > 0 ? dim[axis] : 1;
    }

    /** True when scl_slope/scl_inter change the stored values (slope 0, NaN or infinite means none, as in nibabel). */
    public boolean hasScaling() {
        return scl_slope != 0 && Double.isFinite(scl_slope) && (scl_slope != 1 || scl_inter != 0);
    }

    /**
     * Sets both transforms to one voxel-to-world affine (row-major 4x4, in xyzt_units): the sform rows
     * verbatim and the qform as the quaternion nifti_mat44_to_quatern finds for it (also setting pixdim[1..3]
     * to the column lengths and pixdim[0] to qfac); both codes become {@code code} (1 = scanner, 2 = aligned, ...).
     */
    public void setAffine(double[] affine, int code) {
        if (affine.length != 16) {
            throw new IllegalArgumentException("affine must have 16 values, not " + affine.length);
        }
        for (int i = 0; i < 4; i++) {
            srow_x[i] = affine[i];
            srow_y[i] = affine[4 + i];
            srow_z[i] = affine[8 + i];
        }
        NiftiAffine.setQuaternion(this, affine);
        qform_code = code;
        sform_code = code;
    }

    /**
     * The voxel-to-world affine (row-major 4x4, mm) this header means: sform when sform_code &gt; 0, else qform when
     * qform_code &gt; 0, else pixdim; spatial units from xyzt_units converted to mm. A header the reader returned has
     * finite values in the transform this uses (checked when read).
     */
    public double[] affineMm() {
        return NiftiAffine.affineMm(this);
    }

    /** Which transform {@link #affineMm()} uses: "sform", "qform" or "pixdim". */
    public String affineSource() {
        return sform_code > 0 ? "sform" : qform_code > 0 ? "qform" : "pixdim";
    }

    /** Millimetres per spatial unit of an xyzt_units code (unset or unknown: mm). */
    public static double mmPerUnit(int xyztUnits) {
        return NiftiAffine.mmPerUnit(xyztUnits);
    }

    /** The row-major 4x4 sform matrix (srow_x, srow_y, srow_z, then 0 0 0 1), whatever sform_code says. */
    public double[] sformMatrix() {
        return NiftiAffine.sform(this);
    }

    /** The row-major 4x4 qform matrix (nifti_quatern_to_mat44), whatever qform_code says. */
    public double[] qformMatrix() {
        return NiftiAffine.qform(this);
    }

    public NiftiHeader copy() {
        NiftiHeader h = new NiftiHeader();
        h.version = version;
        h.byteOrder = byteOrder;
        h.singleFile = singleFile;
        h.sizeof_hdr = sizeof_hdr;
        h.dim_info = dim_info;
        h.dim = dim.clone();
        h.intent_p1 = intent_p1;
        h.intent_p2 = intent_p2;
        h.intent_p3 = intent_p3;
        h.intent_code = intent_code;
        h.datatype = datatype;
        h.bitpix = bitpix;
        h.slice_start = slice_start;
        h.pixdim = pixdim.clone();
        h.vox_offset = vox_offset;
        h.scl_slope = scl_slope;
        h.scl_inter = scl_inter;
        h.slice_end = slice_end;
        h.slice_code = slice_code;
        h.xyzt_units = xyzt_units;
        h.cal_max = cal_max;
        h.cal_min = cal_min;
        h.slice_duration = slice_duration;
        h.toffset = toffset;
        h.descrip = descrip;
        h.aux_file = aux_file;
        h.qform_code = qform_code;
        h.sform_code = sform_code;
        h.quatern_b = quatern_b;
        h.quatern_c = quatern_c;
        h.quatern_d = quatern_d;
        h.qoffset_x = qoffset_x;
        h.qoffset_y = qoffset_y;
        h.qoffset_z = qoffset_z;
        h.srow_x = srow_x.clone();
        h.srow_y = srow_y.clone();
        h.srow_z = srow_z.clone();
        h.intent_name = intent_name;
        h.magic = magic;
        return h;
    }
}
