package org.dicelens.volume;

import java.nio.file.Path;
import java.util.Arrays;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiVolume;

/**
 * A label volume compacted to one byte per voxel: {@code codes[i]} is the index of voxel i's value in
 * {@code values} (distinct values, ascending); {@code counts[k]} voxels hold {@code values[k]}. Label maps may be
 * stored as any integer or float type; values must be whole numbers, and at most {@link CaseLoader#MAX_CLASSES}
 * distinct. The codes array is later remapped in place to channel indices (no second per-voxel array).
 */
final class LabelCodes {
    final byte[] codes;
    final int[] values;
    final long[] counts;

    private LabelCodes(byte[] codes, int[] values, long[] counts) {
        this.codes = codes;
        this.values = values;
        this.counts = counts;
    }

    /** @param what "reference label map", "mask", ... for messages */
    static LabelCodes of(NiftiVolume vol, int channel, Path file, String what) throws InputException {
        Object raw = vol.channelArray(channel);
        float[] f = raw instanceof float[] a ? a : null;
        double[] d = f == null ? (double[]) raw : null;
        int n = vol.voxelsPerChannel();
        byte[] codes = new byte[n];
        int[] seen = new int[CaseLoader.MAX_CLASSES];
        long[] counts = new long[CaseLoader.MAX_CLASSES];
        int distinct = 0;
        // code of each small label value 0..255 (-1: not seen yet): most voxels need one table look-up
        int[] direct = new int[256];
        java.util.Arrays.fill(direct, -1);
        for (int i = 0; i < n; i++) {
            double v = f != null ? f[i] : d[i];
            int iv = (int) v;
            int code = iv == v && iv >= 0 && iv < 256 ? direct[iv] : -1;
            if (code < 0) { // a new, negative or large value, or not a whole number
                if (iv != v) { // a fraction, NaN, infinite or beyond the int range
                    throw new InputException(file, "value", "the " + what + " holds " + v + " at voxel " + voxel(vol, i)
                            + ": labels must be whole numbers");
                }
                for (int k = 0; k < distinct; k++) {
                    if (seen[k] == iv) {
                        code = k;
                        break;
                    }
                }
                if (code < 0) {
                    if (distinct == CaseLoader.MAX_CLASSES) {
                        throw new InputException(file, "value", "the " + what + " holds more than " + CaseLoader.MAX_CLASSES
                                + " distinct values (DiceLens handles at most " + CaseLoader.MAX_CLASSES + " classes)");
                    }
                    seen[distinct] = iv;
                    code = distinct++;
                    if (iv >= 0 && iv < 256) {
                        direct[iv] = code;
                    }
                }
            }
            codes[i] = (byte) code;
        }
        for (byte b : codes) {
            counts[b & 0xFF]++;
        }
        // sort the values and renumber the codes to match
        Integer[] order = new Integer[distinct];
        for (int k = 0; k < distinct; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(seen[a], seen[b]));
        int[] values = new int[distinct];
        long[] sortedCounts = new long[distinct];
        byte[] remap = new byte[256];
        for (int k = 0; k < distinct; k++) {
            values[k] = seen[order[k]];
            sortedCounts[k] = counts[order[k]];
            remap[order[k]] = (byte) k;
        }
        remapInPlace(codes, remap, distinct);
        return new LabelCodes(codes, values, sortedCounts);
    }

    /**
     * The codes of an 8-bit label volume given as its stored bytes ({@code signed}: int8, else uint8), computed in place:
     * {@code raw} becomes the codes array. Every byte is a whole number, so only the number of distinct values can be
     * wrong. Same result as {@link #of} on the same values widened to floats, without a float per voxel.
     */
    static LabelCodes ofBytes(byte[] raw, boolean signed, Path file, String what) throws InputException {
        long[] hist = new long[256];
        for (long[] part : Chunks.map(raw.length, (from, to) -> {
            long[] h = new long[256];
            for (int i = from; i < to; i++) {
                h[raw[i] & 0xFF]++;
            }
            return h;
        })) {
            for (int b = 0; b < 256; b++) {
                hist[b] += part[b];
            }
        }
        int[] values = new int[256];
        long[] counts = new long[256];
        byte[] table = new byte[256];
        int distinct = 0;
        for (int v = signed ? -128 : 0; v < (signed ? 128 : 256); v++) { // ascending values
            if (hist[v & 0xFF] > 0) {
                if (distinct == CaseLoader.MAX_CLASSES) {
                    throw new InputException(file, "value", "the " + what + " holds more than " + CaseLoader.MAX_CLASSES
                            + " distinct values (DiceLens handles at most " + CaseLoader.MAX_CLASSES + " classes)");
                }
                values[distinct] = v;
                counts[distinct] = hist[v & 0xFF];
                table[v & 0xFF] = (byte) distinct++;
            }
        }
        boolean identity = true; // labels 0, 1, 2, ... are their own codes: nothing to rewrite
        for (int b = 0; b < 256; b++) {
            identity &= hist[b] == 0 || table[b] == (byte) b;
        }
        if (!identity) {
            Chunks.run(raw.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    raw[i] = table[raw[i] & 0xFF];
                }
                return null;
            });
        }
        return new LabelCodes(raw, Arrays.copyOf(values, distinct), Arrays.copyOf(counts, distinct));
    }

    /**
     * codes[i] = table[codes[i] &amp; 0xFF] for every voxel, whose codes are all below {@code used}; nothing to do when
     * the table maps each of those codes to itself (the usual labels 0, 1, 2, ... in channel order).
     */
    static void remapInPlace(byte[] codes, byte[] table, int used) {
        if (isIdentity(table, used)) {
            return;
        }
        for (int i = 0; i < codes.length; i++) {
            codes[i] = table[codes[i] & 0xFF];
        }
    }

    /** Whether table[k] = k for every code k below {@code used}. */
    static boolean isIdentity(byte[] table, int used) {
        if (used > table.length) {
            return false; // a code past the table's end fails the remap as before
        }
        for (int k = 0; k < used; k++) {
            if (table[k] != (byte) k) {
                return false;
            }
        }
        return true;
    }

    static String voxel(NiftiVolume vol, int i) {
        int nx = vol.nx();
        int ny = vol.ny();
        return "(" + i % nx + "," + (i / nx) % ny + "," + i / (nx * ny) + ")";
    }

    static String list(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (i == 20 && values.length > 22) {
                return sb.append("... (").append(values.length).append(" in all)").toString();
            }
            sb.append(values[i]);
        }
        return sb.toString();
    }
}
