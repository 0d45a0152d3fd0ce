package org.dicelens.volume;

import org.dicelens.nifti.NiftiVolume;

/**
 * One pass over a volume's values: how many are NaN or infinite (and the first), the range of the finite ones,
 * and, for a one-channel volume, whether all are whole numbers (only a one-channel volume can be a hard label map, so a
 * multi-channel one skips that per-value test and reports false). Tight loops per storage type, in parallel chunks:
 * this runs over every prediction value.
 */
final class ValueScan {
    long nonFinite;
    int firstNonFinite = -1;
    int firstNonFiniteChannel = -1;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean allIntegers = true;

    /** What one chunk found. */
    private record Part(double lo, double hi, long bad, int firstBad, boolean ints) {
    }

    static ValueScan of(NiftiVolume v) {
        ValueScan s = new ValueScan();
        boolean ints = v.channels() == 1;
        s.allIntegers = ints;
        for (int c = 0; c < v.channels(); c++) {
            Object raw = v.channelArray(c);
            int channel = c;
            int n = raw instanceof float[] f ? f.length : ((double[]) raw).length;
            for (Part p : Chunks.map(n, (from, to) -> raw instanceof float[] f ? scan(f, from, to, ints)
                    : scan((double[]) raw, from, to, ints))) {
                if (p.bad > 0 && s.nonFinite == 0) {
                    s.firstNonFinite = p.firstBad;
                    s.firstNonFiniteChannel = channel;
                }
                s.nonFinite += p.bad;
                s.min = Math.min(s.min, p.lo);
                s.max = Math.max(s.max, p.hi);
                s.allIntegers &= p.ints;
            }
        }
        return s;
    }

    /**
     * Whether every value of every channel is a float in [0, 1] (so none is NaN or infinite, none needs clamping, and
     * the volume cannot look like a hard label map): one compare pair per value, the common case of a probability
     * prediction, which then needs neither {@link #of} nor a clamping pass. A double-stored volume says false.
     */
    static boolean allInUnitRange(NiftiVolume v) {
        for (int c = 0; c < v.channels(); c++) {
            if (!(v.channelArray(c) instanceof float[] f)) {
                return false;
            }
            for (boolean inside : Chunks.map(f.length, (from, to) -> inUnitRange(f, from, to))) {
                if (!inside) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inUnitRange(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = a[i];
            if (!(v >= 0f && v <= 1f)) { // NaN fails both
                return false;
            }
        }
        return true;
    }

    private static Part scan(float[] a, int from, int to, boolean checkInts) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        long bad = 0;
        int firstBad = -1;
        boolean ints = true;
        for (int i = from; i < to; i++) {
            float v = a[i];
            if (!(Math.abs(v) <= Float.MAX_VALUE)) { // NaN or infinite
                if (bad++ == 0) {
                    firstBad = i;
                }
                continue;
            }
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            ints &= !checkInts || (int) v == v; // whole and within int range: what a label can be
        }
        return new Part(lo, hi, bad, firstBad, ints);
    }

    private static Part scan(double[] a, int from, int to, boolean checkInts) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long bad = 0;
        int firstBad = -1;
        boolean ints = true;
        for (int i = from; i < to; i++) {
            double v = a[i];
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                if (bad++ == 0) {
                    firstBad = i;
                }
                continue;
            }
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            ints &= !checkInts || (int) v == v;
        }
        return new Part(lo, hi, bad, firstBad, ints);
    }
}
