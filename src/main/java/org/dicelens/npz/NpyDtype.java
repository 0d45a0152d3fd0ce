package org.dicelens.npz;

import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The numeric element types DiceLens reads from a {@code .npy} descr string such as {@code '<f4'}: a byte order
 * ({@code <} little, {@code >} big, {@code |} not applicable), a kind letter and a size in bytes. Everything else
 * (objects, strings, structured records, complex numbers, dates) is refused by {@link #parse}.
 */
enum NpyDtype {
    BOOL('b', 1), INT8('i', 1), UINT8('u', 1), INT16('i', 2), UINT16('u', 2), INT32('i', 4), UINT32('u', 4),
    INT64('i', 8), UINT64('u', 8), FLOAT16('f', 2), FLOAT32('f', 4), FLOAT64('f', 8);

    final char kind;
    final int size;

    NpyDtype(char kind, int size) {
        this.kind = kind;
        this.size = size;
    }

    /** A parsed descr: the element type and the byte order of multi-byte elements. */
    record Parsed(NpyDtype type, ByteOrder order) {
    }

    /** Null-free parse; the returned string describes why a descr is refused, or null when {@code out[0]} was set. */
    static String parse(String descr, Parsed[] out) {
        if (descr.length() < 2) {
            return "dtype '" + descr + "' is not a numeric type";
        }
        char order = descr.charAt(0);
        String rest = descr.substring(1);
        if (order != '<' && order != '>' && order != '|') {
            // '=' (native) is never written by numpy's .npy writer: the file would not say which order it means
            return "dtype '" + descr + "' does not state its byte order ('<' or '>')";
        }
        char kind = rest.charAt(0);
        if (kind == 'O') {
            return "dtype 'O' (Python objects) is stored as a pickle; DiceLens never unpickles files";
        }
        int size;
        try {
            size = Integer.parseInt(rest.substring(1));
        } catch (NumberFormatException e) {
            return "dtype '" + descr + "' is not a numeric type DiceLens reads (float16/32/64, integers, bool)";
        }
        for (NpyDtype t : values()) {
            if (t.kind == kind && t.size == size) {
                ByteOrder bo = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                if (size > 1 && order == '|') {
                    return "dtype '" + descr + "' does not state its byte order ('<' or '>')";
                }
                out[0] = new Parsed(t, bo);
                return null;
            }
        }
        return "dtype '" + descr + "' is not a numeric type DiceLens reads (float16/32/64, integers, bool)";
    }

    /** The value of the element starting at {@code b[off]}, as a float. */
    float decode(byte[] b, int off, boolean bigEndian) {
        switch (this) {
            case BOOL:
                return b[off] != 0 ? 1f : 0f;
            case INT8:
                return b[off];
            case UINT8:
                return b[off] & 0xFF;
            case INT16:
                return (short) bits(b, off, 2, bigEndian);
            case UINT16:
                return (int) bits(b, off, 2, bigEndian);
            case INT32:
                return (int) bits(b, off, 4, bigEndian);
            case UINT32:
                return bits(b, off, 4, bigEndian);
            case INT64:
                return bits(b, off, 8, bigEndian);
            case UINT64:
                long u = bits(b, off, 8, bigEndian);
                return u >= 0 ? u : (float) ((u >>> 1) * 2.0 + (u & 1));
            case FLOAT16:
                return halfToFloat((int) bits(b, off, 2, bigEndian));
            case FLOAT32:
                return Float.intBitsToFloat((int) bits(b, off, 4, bigEndian));
            case FLOAT64:
                return (float) Double.longBitsToDouble(bits(b, off, 8, bigEndian));
            default:
                throw new AssertionError(this);
        }
    }

    private static long bits(byte[] b, int off, int n, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int byteIndex = bigEndian ? off + i : off + n - 1 - i;
            v = (v << 8) | (b[byteIndex] & 0xFFL);
        }
        return v;
    }

    /** IEEE 754 binary16 to float, exactly (every half is a float): Java 17 has no Float.float16ToFloat. */
    static float halfToFloat(int h) {
        int sign = (h >>> 15) & 1;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        float v;
        if (exp == 0) {
            v = mant * 0x1p-24f; // zero or subnormal: mant * 2^-14 * 2^-10
        } else if (exp == 31) {
            v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = Float.intBitsToFloat(((exp - 15 + 127) << 23) | (mant << 13));
        }
        return sign == 1 ? -v : v;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
