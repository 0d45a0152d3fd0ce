package org.dicelens.volume;

import org.dicelens.nifti.NiftiVolume;

/**
 * One pass, instead of three, over a float32 volume known to hold probabilities: {@link ValueScan}'s NaN/infinity
 * count and range, {@link ProbabilityBuilder}'s clamp to [0,1] (in place, with the count beyond round-off and each
 * channel's range), and optionally the per-voxel channel sums check. The voxels are taken in blocks small enough to stay
 * in cache while every channel of the block is scanned, clamped and summed, so the data is read from memory once.
 * Results are those of the separate passes (same chunks, same order of every reduction).
 */
final class ProbabilityScan {
    /** Voxels per block: the block of every channel (4 x 16 kB at 4 channels) stays in the core's cache. */
    private static final int BLOCK = 4096;

    /** What {@link ValueScan#of} would report (allIntegers false: only a one-channel volume can be labels). */
    final ValueScan values = new ValueScan();
    /** Per channel: values clamped beyond the rounding slack, and the range before clamping. */
    final long[] clamped;
    final double[] min;
    final double[] max;
    /** The channel sums check, in the volume's channel order; null when not asked for. */
    Sums sums;

    /** Voxels whose channels sum further than the tolerance from 1, the largest |sum - 1| and that sum. */
    record Sums(long off, double worst, double worstSum) {
    }

    private ProbabilityScan(int channels) {
        clamped = new long[channels];
        min = new double[channels];
        max = new double[channels];
    }

    /** Whether every channel of {@code v} is a float[] (the only storage this pass takes). */
    static boolean takes(NiftiVolume v) {
        for (int c = 0; c < v.channels(); c++) {
            if (!(v.channelArray(c) instanceof float[])) {
                return false;
            }
        }
        return true;
    }

    /** What one chunk found, per channel, and its sums check. */
    private record Part(float[] lo, float[] hi, long[] bad, int[] firstBad, long[] clamped, long off, double worst,
            double worstSum) {
    }

    /** Scans and clamps {@code v} in place (every channel a float[]); {@code withSums} also checks the channel sums. */
    static ProbabilityScan of(NiftiVolume v, boolean withSums) {
        int k = v.channels();
        float[][] ch = new float[k][];
        for (int c = 0; c < k; c++) {
            ch[c] = (float[]) v.channelArray(c);
        }
        ProbabilityScan s = new ProbabilityScan(k);
        s.values.allIntegers = false;
        java.util.Arrays.fill(s.min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(s.max, Double.NEGATIVE_INFINITY);
        long[] bad = new long[k];
        int[] firstBad = new int[k];
        java.util.Arrays.fill(firstBad, -1);
        long off = 0;
        double worst = 0;
        double worstSum = 1;
        for (Part p : Chunks.map(v.voxelsPerChannel(), (from, to) -> chunk(ch, from, to, withSums))) {
            for (int c = 0; c < k; c++) {
                if (p.bad[c] > 0 && bad[c] == 0) {
                    firstBad[c] = p.firstBad[c];
                }
                bad[c] += p.bad[c];
                s.clamped[c] += p.clamped[c];
                s.min[c] = Math.min(s.min[c], p.lo[c]);
                s.max[c] = Math.max(s.max[c], p.hi[c]);
            }
            off += p.off;
            if (p.worst > worst) {
                worst = p.worst;
                worstSum = p.worstSum;
            }
        }
        for (int c = 0; c < k; c++) {
            if (bad[c] > 0 && s.values.nonFinite == 0) {
                s.values.firstNonFinite = firstBad[c];
                s.values.firstNonFiniteChannel = c;
            }
            s.values.nonFinite += bad[c];
            s.values.min = Math.min(s.values.min, s.min[c]);
            s.values.max = Math.max(s.values.max, s.max[c]);
        }
        s.sums = withSums ? new Sums(off, worst, worstSum) : null;
        return s;
    }

    private static Part chunk(float[][] ch, int from, int to, boolean withSums) {
        int k = ch.length;
        float[] lo = new float[k];
        float[] hi = new float[k];
        long[] bad = new long[k];
        int[] firstBad = new int[k];
        long[] clamped = new long[k];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(firstBad, -1);
        final float below = (float) -ProbabilityBuilder.ROUNDING_SLACK;
        final float above = (float) (1 + ProbabilityBuilder.ROUNDING_SLACK);
        long off = 0;
        double worst = 0;
        double worstSum = 1;
        for (int b = from; b < to; b += BLOCK) {
            int end = Math.min(to, b + BLOCK);
            for (int c = 0; c < k; c++) {
                float[] a = ch[c];
                float l = lo[c];
                float h = hi[c];
                long count = 0;
                for (int i = b; i < end; i++) {
                    float v = a[i];
                    if (!(Math.abs(v) <= Float.MAX_VALUE)) { // NaN or infinite: reported, loading stops
                        if (bad[c]++ == 0) {
                            firstBad[c] = i;
                        }
                        continue;
                    }
                    l = v < l ? v : l; // not Math.min: its NaN/-0 care is slow and the values are finite here
                    h = v > h ? v : h;
                    if (v < 0f) {
                        count += v < below ? 1 : 0;
                        a[i] = 0f;
                    } else if (v > 1f) {
                        count += v > above ? 1 : 0;
                        a[i] = 1f;
                    }
                }
                lo[c] = l;
                hi[c] = h;
                clamped[c] += count;
            }
            if (withSums) {
                for (int i = b; i < end; i++) {
                    double s = 0;
                    for (float[] a : ch) {
                        s += a[i];
                    }
                    double d = Math.abs(s - 1);
                    if (d > CaseLoader.SUM_TOLERANCE) {
                        off++;
                        if (d > worst) {
                            worst = d;
                            worstSum = s;
                        }
                    }
                }
            }
        }
        return new Part(lo, hi, bad, firstBad, clamped, off, worst, worstSum);
    }
}
