package org.dicelens.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Byte layouts of the NIfTI-1 (348-byte) and NIfTI-2 (540-byte) headers, offsets from nifti1.h / nifti2.h.
 * Decoding only maps bytes to fields; {@link HeaderChecks} decides whether the fields make sense.
 */
final class HeaderCodec {
    static final int NIFTI1_SIZE = 348;
    static final int NIFTI2_SIZE = 540;
    /** Header plus the 4-byte extension flag: where data may start in a single file. */
    static final int NIFTI1_MIN_OFFSET = 352;
    static final int NIFTI2_MIN_OFFSET = 544;

    private HeaderCodec() {
    }

    /**
     * The header version and byte order from the first 4 bytes (sizeof_hdr), or a NiftiException naming sizeof_hdr.
     * Returns the order; the version is 1 or 2 from the decoded size.
     */
    static ByteOrder detectOrder(Path file, byte[] first4, int available) throws NiftiException {
        if (available == 0) {
            throw new NiftiException(file, "sizeof_hdr", "file is empty (0 bytes); expected a NIfTI-1 (348-byte) or "
                    + "NIfTI-2 (540-byte) header");
        }
        if (available < 4) {
            throw new NiftiException(file, "sizeof_hdr", "file holds only " + available + " bytes; too short for a NIfTI header");
        }
        int le = ByteBuffer.wrap(first4).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int be = Integer.reverseBytes(le);
        if (le == NIFTI1_SIZE || le == NIFTI2_SIZE) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (be == NIFTI1_SIZE || be == NIFTI2_SIZE) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new NiftiException(file, "sizeof_hdr", "is " + le + " (little-endian) / " + be
                + " (big-endian); a NIfTI header has 348 (NIfTI-1) or 540 (NIfTI-2): not a NIfTI file");
    }

    static int headerSize(byte[] first4, ByteOrder order) {
        return ByteBuffer.wrap(first4).order(order).getInt(0);
    }

    /** Decodes a full header (348 or 540 bytes) in the given order; checks only the magic. */
    static NiftiHeader decode(Path file, byte[] bytes, ByteOrder order) throws NiftiException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        int size = b.getInt(0);
        return size == NIFTI1_SIZE ? decode1(file, b) : decode2(file, b);
    }

    private static NiftiHeader decode1(Path file, ByteBuffer b) throws NiftiException {
        NiftiHeader h = new NiftiHeader();
        h.version = 1;
        h.byteOrder = b.order();
        h.sizeof_hdr = b.getInt(0);
        h.magic = string(b, 344, 4);
        checkMagic(file, b, 344, 1);
        h.singleFile = h.magic.equals("n+1");
        h.dim_info = (char) (b.get(39) & 0xFF);
        for (int i = 0; i < 8; i++) {
            h.dim[i] = b.getShort(40 + 2 * i);
        }
        h.intent_p1 = b.getFloat(56);
        h.intent_p2 = b.getFloat(60);
        h.intent_p3 = b.getFloat(64);
        h.intent_code = b.getShort(68);
        h.datatype = b.getShort(70);
        h.bitpix = b.getShort(72);
        h.slice_start = b.getShort(74);
        for (int i = 0; i < 8; i++) {
            h.pixdim[i] = b.getFloat(76 + 4 * i);
        }
        h.vox_offset = voxOffset1(file, b.getFloat(108));
        h.scl_slope = b.getFloat(112);
        h.scl_inter = b.getFloat(116);
        h.slice_end = b.getShort(120);
        h.slice_code = b.get(122) & 0xFF;
        h.xyzt_units = b.get(123) & 0xFF;
        h.cal_max = b.getFloat(124);
        h.cal_min = b.getFloat(128);
        h.slice_duration = b.getFloat(132);
        h.toffset = b.getFloat(136);
        h.descrip = string(b, 148, 80);
        h.aux_file = string(b, 228, 24);
        h.qform_code = b.getShort(252);
        h.sform_code = b.getShort(254);
        h.quatern_b = b.getFloat(256);
        h.quatern_c = b.getFloat(260);
        h.quatern_d = b.getFloat(264);
        h.qoffset_x = b.getFloat(268);
        h.qoffset_y = b.getFloat(272);
        h.qoffset_z = b.getFloat(276);
        for (int i = 0; i < 4; i++) {
            h.srow_x[i] = b.getFloat(280 + 4 * i);
            h.srow_y[i] = b.getFloat(296 + 4 * i);
            h.srow_z[i] = b.getFloat(312 + 4 * i);
        }
        h.intent_name = string(b, 328, 16);
        return h;
    }

    private static NiftiHeader decode2(Path file, ByteBuffer b) throws NiftiException {
        NiftiHeader h = new NiftiHeader();
        h.version = 2;
        h.byteOrder = b.order();
        h.sizeof_hdr = b.getInt(0);
        h.magic = string(b, 4, 4);
        checkMagic(file, b, 4, 2);
        h.singleFile = h.magic.equals("n+2");
        h.datatype = b.getShort(12);
        h.bitpix = b.getShort(14);
        for (int i = 0; i < 8; i++) {
            h.dim[i] = b.getLong(16 + 8 * i);
        }
        h.intent_p1 = b.getDouble(80);
        h.intent_p2 = b.getDouble(88);
        h.intent_p3 = b.getDouble(96);
        for (int i = 0; i < 8; i++) {
            h.pixdim[i] = b.getDouble(104 + 8 * i);
        }
        h.vox_offset = b.getLong(168);
        h.scl_slope = b.getDouble(176);
        h.scl_inter = b.getDouble(184);
        h.cal_max = b.getDouble(192);
        h.cal_min = b.getDouble(200);
        h.slice_duration = b.getDouble(208);
        h.toffset = b.getDouble(216);
        h.slice_start = b.getLong(224);
        h.slice_end = b.getLong(232);
        h.descrip = string(b, 240, 80);
        h.aux_file = string(b, 320, 24);
        h.qform_code = b.getInt(344);
        h.sform_code = b.getInt(348);
        h.quatern_b = b.getDouble(352);
        h.quatern_c = b.getDouble(360);
        h.quatern_d = b.getDouble(368);
        h.qoffset_x = b.getDouble(376);
        h.qoffset_y = b.getDouble(384);
        h.qoffset_z = b.getDouble(392);
        for (int i = 0; i < 4; i++) {
            h.srow_x[i] = b.getDouble(400 + 8 * i);
            h.srow_y[i] = b.getDouble(432 + 8 * i);
            h.srow_z[i] = b.getDouble(464 + 8 * i);
        }
        h.slice_code = b.getInt(496);
        h.xyzt_units = b.getInt(500);
        h.intent_code = b.getInt(504);
        h.intent_name = string(b, 508, 16);
        h.dim_info = (char) (b.get(524) & 0xFF);
        return h;
    }

    /** NIfTI-1 stores vox_offset as a float: it must be a whole, non-negative number of bytes. */
    private static long voxOffset1(Path file, float v) throws NiftiException {
        if (!(v >= 0) || v > 1e15f || v != Math.rint(v)) {
            throw new NiftiException(file, "vox_offset", "is " + v + "; it must be a whole, non-negative number of bytes");
        }
        return (long) v;
    }

    /** "n+1\0"/"ni1\0" (NIfTI-1) or "n+2\0"/"ni2\0" (NIfTI-2; the 4 bytes after it are not checked, as nibabel). */
    private static void checkMagic(Path file, ByteBuffer b, int at, int version) throws NiftiException {
        byte m0 = b.get(at);
        byte m1 = b.get(at + 1);
        byte m2 = b.get(at + 2);
        byte m3 = b.get(at + 3);
        char v = (char) ('0' + version);
        if (m0 == 'n' && (m1 == '+' || m1 == 'i') && m2 == v && m3 == 0) {
            return;
        }
        throw new NiftiException(file, "magic", "is \"" + printable(b, at, 4) + "\"; a NIfTI-" + version
                + " file has \"n+" + version + "\" (single file) or \"ni" + version + "\" (header/image pair)");
    }

    private static String string(ByteBuffer b, int at, int len) {
        int n = 0;
        while (n < len && b.get(at + n) != 0) {
            n++;
        }
        byte[] s = new byte[n];
        b.get(at, s, 0, n);
        return new String(s, StandardCharsets.ISO_8859_1);
    }

    private static String printable(ByteBuffer b, int at, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int c = b.get(at + i) & 0xFF;
            if (c >= 32 && c < 127 && c != '"' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    /** The 348-byte little-endian NIfTI-1 header of h, followed by the 4-byte "no extensions" flag. */
    static byte[] encode1(NiftiHeader h) {
        ByteBuffer b = ByteBuffer.allocate(NIFTI1_MIN_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NIFTI1_SIZE);
        b.put(38, (byte) 'r'); // "regular", as nifti_clib and nibabel write
        b.put(39, (byte) h.dim_info);
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, (short) h.dim[i]);
        }
        b.putFloat(56, (float) h.intent_p1);
        b.putFloat(60, (float) h.intent_p2);
        b.putFloat(64, (float) h.intent_p3);
        b.putShort(68, (short) h.intent_code);
        b.putShort(70, h.datatype);
        b.putShort(72, h.bitpix);
        b.putShort(74, (short) h.slice_start);
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, (float) h.pixdim[i]);
        }
        b.putFloat(108, h.vox_offset);
        b.putFloat(112, (float) h.scl_slope);
        b.putFloat(116, (float) h.scl_inter);
        b.putShort(120, (short) h.slice_end);
        b.put(122, (byte) h.slice_code);
        b.put(123, (byte) h.xyzt_units);
        b.putFloat(124, (float) h.cal_max);
        b.putFloat(128, (float) h.cal_min);
        b.putFloat(132, (float) h.slice_duration);
        b.putFloat(136, (float) h.toffset);
        putString(b, 148, 80, h.descrip);
        putString(b, 228, 24, h.aux_file);
        b.putShort(252, (short) h.qform_code);
        b.putShort(254, (short) h.sform_code);
        b.putFloat(256, (float) h.quatern_b);
        b.putFloat(260, (float) h.quatern_c);
        b.putFloat(264, (float) h.quatern_d);
        b.putFloat(268, (float) h.qoffset_x);
        b.putFloat(272, (float) h.qoffset_y);
        b.putFloat(276, (float) h.qoffset_z);
        for (int i = 0; i < 4; i++) {
            b.putFloat(280 + 4 * i, (float) h.srow_x[i]);
            b.putFloat(296 + 4 * i, (float) h.srow_y[i]);
            b.putFloat(312 + 4 * i, (float) h.srow_z[i]);
        }
        putString(b, 328, 16, h.intent_name);
        putString(b, 344, 4, h.singleFile ? "n+1" : "ni1");
        return b.array(); // bytes 348..351 stay 0: no extensions
    }

    /** Writes at most len-1 bytes of s (ISO-8859-1) so the field stays NUL-terminated. */
    private static void putString(ByteBuffer b, int at, int len, String s) {
        if (s == null) {
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(at, bytes, 0, Math.min(bytes.length, len - 1));
    }
}
