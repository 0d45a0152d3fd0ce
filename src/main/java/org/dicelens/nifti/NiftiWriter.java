package org.dicelens.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.dicelens.common.AtomicFiles;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes little-endian NIfTI-1 single files atomically: everything goes to a temporary file in the same folder,
 * which is synced and then renamed over the target, so a failure never leaves a partial file (and an existing
 * file stays intact). The caller decides what may be overwritten; this class never opens the target itself.
 */
public final class NiftiWriter {
    private static final int CHUNK = 1 << 18;

    private NiftiWriter() {
    }

    /**
     * Writes channels (float[] or double[] arrays of header.nx*ny*nz values) with the header's geometry,
     * stored as {@code datatype} (NiftiDatatype.FLOAT32, UINT8 or INT16); gzipped when the name ends in .gz.
     * <p>The file gets scl_slope 1 / scl_inter 0 (values are stored as given: for uint8 and int16 each value must
     * be a whole number in range, else a NiftiException), dims 4..7 from the header when they hold as many volumes
     * as there are channels (else dim[4] = channels), and both qform and sform: kept when the header sets both,
     * else the one that is set gives the other (quaternion by nifti_mat44_to_quatern, same code), else both come
     * from pixdim with code 1.
     */
    public static void write(Path file, NiftiHeader header, NiftiDatatype datatype, Object... channels) throws NiftiException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".nii.gz");
        if (!gz && !lower.endsWith(".nii")) {
            throw new NiftiException(file, null, "can only write single-file NIfTI named .nii or .nii.gz");
        }
        if (datatype != NiftiDatatype.FLOAT32 && datatype != NiftiDatatype.UINT8 && datatype != NiftiDatatype.INT16) {
            throw new NiftiException(file, "datatype", "can write float32, uint8 or int16, not " + datatype);
        }
        int n = checkChannels(header, channels);
        NiftiHeader out = outputHeader(file, header, datatype, channels.length);
        try {
            AtomicFiles.write(file, raw -> {
                OutputStream os = gz ? new GZIPOutputStream(raw, CHUNK) : raw;
                os.write(HeaderCodec.encode1(out));
                byte[] buf = new byte[CHUNK];
                for (int c = 0; c < channels.length; c++) {
                    writeChannel(file, os, buf, datatype, channels[c], c, n);
                }
                if (os instanceof GZIPOutputStream g) {
                    g.finish();
                }
            });
        } catch (IOException e) {
            throw new NiftiException(file, null, "write failed: " + e.getMessage(), e);
        }
    }

    private static int checkChannels(NiftiHeader header, Object[] channels) {
        long n = (long) header.nx() * header.ny() * header.nz();
        if (channels.length == 0) {
            throw new IllegalArgumentException("no channels to write");
        }
        for (int c = 0; c < channels.length; c++) {
            Object a = channels[c];
            int len = a instanceof float[] f ? f.length : a instanceof double[] d ? d.length : -1;
            if (len < 0) {
                throw new IllegalArgumentException("channel " + c + " is " + (a == null ? "null" : a.getClass().getSimpleName())
                        + ", not float[] or double[]");
            }
            if (len != n) {
                throw new IllegalArgumentException("channel " + c + " has " + len + " values, the header's grid "
                        + header.nx() + "x" + header.ny() + "x" + header.nz() + " has " + n);
            }
        }
        return (int) n;
    }

    static NiftiHeader outputHeader(Path file, NiftiHeader header, NiftiDatatype datatype, int channels) throws NiftiException {
        NiftiHeader h = header.copy();
        h.version = 1;
        h.sizeof_hdr = HeaderCodec.NIFTI1_SIZE;
        h.byteOrder = ByteOrder.LITTLE_ENDIAN;
        h.singleFile = true;
        h.magic = "n+1";
        h.datatype = (short) datatype.code;
        h.bitpix = (short) datatype.bitpix;
        h.vox_offset = HeaderCodec.NIFTI1_MIN_OFFSET;
        h.scl_slope = 1;
        h.scl_inter = 0;
        if (header.channels() != channels || header.dim[0] < 1 || header.dim[0] > 7) {
            h.dim[0] = channels > 1 ? 4 : 3;
            h.dim[1] = header.nx();
            h.dim[2] = header.ny();
            h.dim[3] = header.nz();
            h.dim[4] = channels;
        }
        for (int i = 0; i < 8; i++) {
            if (i > h.dim[0] || i > 0 && h.dim[i] < 1) {
                h.dim[i] = 1;
            }
            if (h.dim[i] > Short.MAX_VALUE) {
                throw new NiftiException(file, "dim[" + i + "]", "is " + h.dim[i] + "; NIfTI-1 holds sizes up to 32767");
            }
        }
        if (h.sform_code > 0 && h.qform_code > 0) {
            checkFinite(file, "srow_x/y/z", h.sformMatrix());
            checkFinite(file, "quatern_b/c/d", h.qformMatrix());
        } else if (h.sform_code > 0) {
            double[] a = checkFinite(file, "srow_x/y/z", h.sformMatrix());
            NiftiAffine.setQuaternion(h, a);
            h.qform_code = h.sform_code;
        } else if (h.qform_code > 0) {
            double[] a = checkFinite(file, "quatern_b/c/d", h.qformMatrix());
            h.setAffine(a, h.qform_code); // sform = qform matrix; the quaternion comes back the same up to rounding
            h.quatern_b = header.quatern_b;
            h.quatern_c = header.quatern_c;
            h.quatern_d = header.quatern_d;
            h.pixdim[0] = header.pixdim[0] < 0 ? -1 : 1;
            System.arraycopy(header.pixdim, 1, h.pixdim, 1, 3);
        } else {
            h.setAffine(NiftiAffine.pixdimOnly(h), 1);
        }
        return h;
    }

    private static double[] checkFinite(Path file, String field, double[] m) throws NiftiException {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new NiftiException(file, field, "the voxel-to-world transform holds " + v + "; it must be finite");
            }
        }
        return m;
    }

    private static void writeChannel(Path file, OutputStream os, byte[] buf, NiftiDatatype type, Object channel, int c, int n)
            throws IOException, NiftiException {
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        int per = CHUNK / type.bytes();
        float[] f = channel instanceof float[] fa ? fa : null;
        double[] d = f == null ? (double[]) channel : null;
        for (int start = 0; start < n; start += per) {
            int m = Math.min(per, n - start);
            if (type == NiftiDatatype.FLOAT32) {
                if (f != null) {
                    bb.clear();
                    bb.asFloatBuffer().put(f, start, m);
                } else {
                    for (int i = 0; i < m; i++) {
                        bb.putFloat(4 * i, (float) d[start + i]);
                    }
                }
            } else {
                double lo = type == NiftiDatatype.UINT8 ? 0 : Short.MIN_VALUE;
                double hi = type == NiftiDatatype.UINT8 ? 255 : Short.MAX_VALUE;
                for (int i = 0; i < m; i++) {
                    double v = f != null ? f[start + i] : d[start + i];
                    if (v != Math.rint(v) || v < lo || v > hi) {
                        throw new NiftiException(file, "datatype", "value " + v + " at voxel " + (start + i) + " of channel "
                                + c + " is not a whole number in " + (long) lo + ".." + (long) hi + " as "
                                + type.name().toLowerCase(Locale.ROOT) + " needs");
                    }
                    if (type == NiftiDatatype.UINT8) {
                        buf[i] = (byte) (int) v;
                    } else {
                        bb.putShort(2 * i, (short) v);
                    }
                }
            }
            os.write(buf, 0, m * type.bytes());
        }
    }
}
