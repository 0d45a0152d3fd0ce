package org.dicelens.volume;

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

    /**
     * One channel's scan ({@code float[]} or {@code double[]}); whole numbers are checked only when {@code ints}.
     * {@code parallel}: in chunks on the common pool, else on this thread alone (beside a read using the other core).
     */
    static ValueScan channel(Object raw, boolean ints, boolean parallel) {
        ValueScan s = empty(ints);
        int n = raw instanceof float[] f ? f.length : ((double[]) raw).length;
        Chunks.Body<Part> body = (from, to) -> raw instanceof float[] f ? scan(f, from, to, ints)
                : scan((double[]) raw, from, to, ints);
        for (Part p : Chunks.map(n, body, parallel)) {
            if (p.bad > 0 && s.nonFinite == 0) {
                s.firstNonFinite = p.firstBad;
            }
            s.nonFinite += p.bad;
            s.min = Math.min(s.min, p.lo);
            s.max = Math.max(s.max, p.hi);
            s.allIntegers &= p.ints;
        }
        return s;
    }

    /** Adds channel c's scan; channels are added in order, so "the first" non-finite value stays the first. */
    void add(int c, ValueScan ch) {
        if (ch.nonFinite > 0 && nonFinite == 0) {
            firstNonFinite = ch.firstNonFinite;
            firstNonFiniteChannel = c;
        }
        nonFinite += ch.nonFinite;
        min = Math.min(min, ch.min);
        max = Math.max(max, ch.max);
        allIntegers &= ch.allIntegers;
    }

    /**
     * Whether every value of a channel ({@code float[]} or {@code double[]}) is a float in [0, 1] (so none is NaN or
     * infinite, none needs clamping, and the channel cannot make a hard label map, which needs a value outside): one
     * compare pair per value, the common case of a probability prediction, which then needs neither a full scan nor a
     * clamping pass. A double-stored channel says false. {@code parallel}: in chunks on the common pool, or not.
     */
    static boolean inUnitRange(Object raw, boolean parallel) {
        if (!(raw instanceof float[] f)) {
            return false;
        }
        for (boolean inside : Chunks.map(f.length, (from, to) -> inUnitRange(f, from, to), parallel)) {
            if (!inside) {
                return false;
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

    /**
     * A scan of no values yet ({@link #add} merges channels into it; whole numbers are tracked only when {@code ints}),
     * which is also the scan of a channel found all in [0, 1]: nothing non-finite, no range (so never a hard label map).
     */
    static ValueScan empty(boolean ints) {
        ValueScan s = new ValueScan();
        s.allIntegers = ints;
        return s;
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
