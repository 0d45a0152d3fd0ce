package org.dicelens.nifti;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Every field of the NIfTI-1 and NIfTI-2 headers (name, offset, type, element count) as nifti1.h / nifti2.h lay
 * them out, and the boundary values the robustness corpus writes into each element.
 */
final class HeaderFields {
    enum Type {
        BYTE(1), CHARS(1), SHORT(2), INT(4), LONG(8), FLOAT(4), DOUBLE(8);

        final int size;

        Type(int size) {
            this.size = size;
        }
    }

    record Field(String name, int offset, Type type, int count) {
    }

    static final List<Field> NIFTI1 = List.of(f("sizeof_hdr", 0, Type.INT, 1), f("data_type", 4, Type.CHARS, 10),
            f("db_name", 14, Type.CHARS, 18), f("extents", 32, Type.INT, 1), f("session_error", 36, Type.SHORT, 1),
            f("regular", 38, Type.BYTE, 1), f("dim_info", 39, Type.BYTE, 1), f("dim", 40, Type.SHORT, 8),
            f("intent_p1", 56, Type.FLOAT, 1), f("intent_p2", 60, Type.FLOAT, 1), f("intent_p3", 64, Type.FLOAT, 1),
            f("intent_code", 68, Type.SHORT, 1), f("datatype", 70, Type.SHORT, 1), f("bitpix", 72, Type.SHORT, 1),
            f("slice_start", 74, Type.SHORT, 1), f("pixdim", 76, Type.FLOAT, 8), f("vox_offset", 108, Type.FLOAT, 1),
            f("scl_slope", 112, Type.FLOAT, 1), f("scl_inter", 116, Type.FLOAT, 1), f("slice_end", 120, Type.SHORT, 1),
            f("slice_code", 122, Type.BYTE, 1), f("xyzt_units", 123, Type.BYTE, 1), f("cal_max", 124, Type.FLOAT, 1),
            f("cal_min", 128, Type.FLOAT, 1), f("slice_duration", 132, Type.FLOAT, 1), f("toffset", 136, Type.FLOAT, 1),
            f("glmax", 140, Type.INT, 1), f("glmin", 144, Type.INT, 1), f("descrip", 148, Type.CHARS, 80),
            f("aux_file", 228, Type.CHARS, 24), f("qform_code", 252, Type.SHORT, 1), f("sform_code", 254, Type.SHORT, 1),
            f("quatern_b", 256, Type.FLOAT, 1), f("quatern_c", 260, Type.FLOAT, 1), f("quatern_d", 264, Type.FLOAT, 1),
            f("qoffset_x", 268, Type.FLOAT, 1), f("qoffset_y", 272, Type.FLOAT, 1), f("qoffset_z", 276, Type.FLOAT, 1),
            f("srow_x", 280, Type.FLOAT, 4), f("srow_y", 296, Type.FLOAT, 4), f("srow_z", 312, Type.FLOAT, 4),
            f("intent_name", 328, Type.CHARS, 16), f("magic", 344, Type.CHARS, 4));

    static final List<Field> NIFTI2 = List.of(f("sizeof_hdr", 0, Type.INT, 1), f("magic", 4, Type.CHARS, 8),
            f("datatype", 12, Type.SHORT, 1), f("bitpix", 14, Type.SHORT, 1), f("dim", 16, Type.LONG, 8),
            f("intent_p1", 80, Type.DOUBLE, 1), f("intent_p2", 88, Type.DOUBLE, 1), f("intent_p3", 96, Type.DOUBLE, 1),
            f("pixdim", 104, Type.DOUBLE, 8), f("vox_offset", 168, Type.LONG, 1), f("scl_slope", 176, Type.DOUBLE, 1),
            f("scl_inter", 184, Type.DOUBLE, 1), f("cal_max", 192, Type.DOUBLE, 1), f("cal_min", 200, Type.DOUBLE, 1),
            f("slice_duration", 208, Type.DOUBLE, 1), f("toffset", 216, Type.DOUBLE, 1), f("slice_start", 224, Type.LONG, 1),
            f("slice_end", 232, Type.LONG, 1), f("descrip", 240, Type.CHARS, 80), f("aux_file", 320, Type.CHARS, 24),
            f("qform_code", 344, Type.INT, 1), f("sform_code", 348, Type.INT, 1), f("quatern_b", 352, Type.DOUBLE, 1),
            f("quatern_c", 360, Type.DOUBLE, 1), f("quatern_d", 368, Type.DOUBLE, 1), f("qoffset_x", 376, Type.DOUBLE, 1),
            f("qoffset_y", 384, Type.DOUBLE, 1), f("qoffset_z", 392, Type.DOUBLE, 1), f("srow_x", 400, Type.DOUBLE, 4),
            f("srow_y", 432, Type.DOUBLE, 4), f("srow_z", 464, Type.DOUBLE, 4), f("slice_code", 496, Type.INT, 1),
            f("xyzt_units", 500, Type.INT, 1), f("intent_code", 504, Type.INT, 1), f("intent_name", 508, Type.CHARS, 16),
            f("dim_info", 524, Type.BYTE, 1), f("unused_str", 525, Type.CHARS, 15));

    private HeaderFields() {
    }

    private static Field f(String name, int offset, Type type, int count) {
        return new Field(name, offset, type, count);
    }

    /** A mutation: write one boundary value into one element of one field (or fill a char field). */
    record Mutation(String label, int offset, byte[] bytes) {
        void applyTo(byte[] file) {
            System.arraycopy(bytes, 0, file, offset, bytes.length);
        }
    }

    /** Every field element set to each boundary value of its type, encoded in the given byte order. */
    static List<Mutation> mutations(List<Field> fields, java.nio.ByteOrder order) {
        List<Mutation> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.type() == Type.CHARS) {
                byte[] ff = new byte[f.count()];
                java.util.Arrays.fill(ff, (byte) 0xFF); // no NUL terminator, not ASCII
                out.add(new Mutation(f.name() + "=0xFF..", f.offset(), ff));
                out.add(new Mutation(f.name() + "=0..", f.offset(), new byte[f.count()]));
                continue;
            }
            for (int i = 0; i < f.count(); i++) {
                int at = f.offset() + i * f.type().size;
                String name = f.count() > 1 ? f.name() + "[" + i + "]" : f.name();
                for (Object v : boundaries(f.type())) {
                    ByteBuffer b = ByteBuffer.allocate(f.type().size).order(order);
                    switch (f.type()) {
                        case BYTE -> b.put((Byte) v);
                        case SHORT -> b.putShort((Short) v);
                        case INT -> b.putInt((Integer) v);
                        case LONG -> b.putLong((Long) v);
                        case FLOAT -> b.putFloat((Float) v);
                        case DOUBLE -> b.putDouble((Double) v);
                        default -> throw new IllegalStateException();
                    }
                    out.add(new Mutation(name + "=" + v, at, b.array()));
                }
            }
        }
        return out;
    }

    static List<Object> boundaries(Type t) {
        return switch (t) {
            case BYTE -> List.of((byte) 0, (byte) -1, (byte) 127, (byte) -128);
            case SHORT -> List.of((short) 0, (short) -1, (short) 1, Short.MAX_VALUE, Short.MIN_VALUE);
            case INT -> List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE);
            case LONG -> List.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40);
            case FLOAT -> List.of(0f, -1f, 1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
                    -Float.MAX_VALUE, Float.MIN_VALUE);
            case DOUBLE -> List.of(0d, -1d, 1d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE);
            default -> List.of();
        };
    }
}
