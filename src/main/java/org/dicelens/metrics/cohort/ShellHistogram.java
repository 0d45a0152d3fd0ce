package org.dicelens.metrics.cohort;

import java.util.Arrays;
import org.dicelens.metrics.Bins;

/**
 * Counts per (margin level, probability bin) kept sparse: for each level ℓ only the non-empty bins of the voxels at
 * exactly level ℓ (the shell). Outer shells of a case hold almost only low-p background voxels, so a case's
 * statistics stay kilobytes while every margin can still be answered exactly.
 */
final class ShellHistogram {
    /** Read access to a cumulative count #{level ≤ lv, bin ≥ k} (k = Bins.COUNT gives 0). */
    interface Cumulative {
        long at(int lv, int k);
    }

    private final int[] start; // entries of level ℓ: start[ℓ] … start[ℓ+1]−1
    private final short[] bins;
    private final int[] counts; // a shell holds fewer than 2^31 voxels (volumes are indexed by int)

    private ShellHistogram(int[] start, short[] bins, int[] counts) {
        this.start = start;
        this.bins = bins;
        this.counts = counts;
    }

    /** The shells of a cumulative count (prefix over levels, suffix over bins), by inclusion–exclusion. */
    static ShellHistogram of(int levels, Cumulative cum) {
        int[] start = new int[levels + 1];
        short[] bins = new short[64];
        int[] counts = new int[64];
        int n = 0;
        for (int lv = 0; lv < levels; lv++) {
            start[lv] = n;
            for (int k = 0; k < Bins.COUNT; k++) {
                long raw = cum.at(lv, k) - cum.at(lv, k + 1);
                if (lv > 0) {
                    raw -= cum.at(lv - 1, k) - cum.at(lv - 1, k + 1);
                }
                if (raw != 0) {
                    if (n == bins.length) {
                        bins = Arrays.copyOf(bins, n * 2);
                        counts = Arrays.copyOf(counts, n * 2);
                    }
                    bins[n] = (short) k;
                    counts[n++] = Math.toIntExact(raw);
                }
            }
        }
        start[levels] = n;
        return new ShellHistogram(start, Arrays.copyOf(bins, n), Arrays.copyOf(counts, n));
    }

    /** One shell holding every level ≤ lv: the statistics of one fixed margin. */
    ShellHistogram collapse(int lv) {
        long[] raw = new long[Bins.COUNT];
        addShells(0, lv, raw, 1);
        long[] cum = new long[Bins.COUNT + 1];
        for (int k = Bins.COUNT - 1; k >= 0; k--) {
            cum[k] = cum[k + 1] + raw[k];
        }
        return of(1, (l, k) -> cum[Math.min(k, Bins.COUNT)]);
    }

    /** The same counts over {@code levels} levels (≥ its own): the added outer levels are empty shells. */
    ShellHistogram padded(int levels) {
        int own = start.length - 1;
        if (levels == own) {
            return this;
        }
        int[] s = Arrays.copyOf(start, levels + 1);
        Arrays.fill(s, own, levels + 1, start[own]);
        return new ShellHistogram(s, bins, counts);
    }

    /** out[k] = #{level ≤ lv, bin ≥ k} for k = 0 … Bins.COUNT − 1. */
    void cumulative(int lv, long[] out) {
        Arrays.fill(out, 0, Bins.COUNT, 0);
        for (int e = 0; e < start[lv + 1]; e++) {
            out[bins[e]] += counts[e];
        }
        for (int k = Bins.COUNT - 2; k >= 0; k--) {
            out[k] += out[k + 1];
        }
    }

    /** Adds sign × the raw counts of levels from … to (inclusive) into raw[bin]: moves a margin by whole shells. */
    void addShells(int from, int to, long[] raw, int sign) {
        for (int e = start[from]; e < start[to + 1]; e++) {
            raw[bins[e]] += sign * (long) counts[e];
        }
    }

    /** #{level ≤ lv, bin ≥ k}; k ≥ Bins.COUNT gives 0. */
    long atLeast(int lv, int k) {
        long s = 0;
        for (int e = 0; e < start[lv + 1]; e++) {
            if (bins[e] >= k) {
                s += counts[e];
            }
        }
        return s;
    }

    /** Bytes held (for the memory figures). */
    long bytes() {
        return 4L * start.length + 2L * bins.length + 4L * counts.length + 48;
    }
}
