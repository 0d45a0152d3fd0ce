package org.dicelens.volume;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicelens.common.Progress;

/**
 * Turns the given prediction channels into class probabilities, working in place on the channel arrays (no
 * second copy): sigmoid or softmax for logits, clamping to [0,1] with a count, the derived background
 * (1 - sum of the others) when one channel is missing, and the check that channels sum to 1 (a warning).
 */
final class ProbabilityBuilder {
    /** Values this close outside [0,1] are float round-off (e.g. 255 x float32(1/255)): clamped, not counted. */
    static final double ROUNDING_SLACK = 1e-6;

    private ProbabilityBuilder() {
    }

    /** What {@link #clampInPlace} found on a channel already clamped (while the next one was being read). */
    record Clamped(long count, double min, double max) {
        /** A channel found all in [0, 1]: clamping it would change and count nothing. */
        static final Clamped NOTHING = new Clamped(0, 0, 1);

        static Clamped of(float[] ch) {
            double[] minMax = new double[2];
            long count = clampInPlace(ch, minMax, false);
            return new Clamped(count, minMax[0], minMax[1]);
        }
    }

    /**
     * @param given    the given channels, in the prediction's order (modified in place)
     * @param clamped  when not null, per given channel what its clamp found if it is already clamped (used only for
     *                 {@link PredictionKind#PROBABILITIES}, as the clamp here would be), else null
     * @param sources  the file each given channel came from
     * @param warnings receives a line per thing the user should know
     */
    static ProbabilityMaps build(Geometry geometry, List<float[]> given, List<Clamped> clamped, List<Path> sources,
            ClassResolver.Result res, PredictionKind kind, List<String> sourceNames, List<String> warnings,
            Progress progress) {
        int n = given.size();
        int voxels = geometry.voxelCount();
        if (kind == PredictionKind.LOGITS_SIGMOID) {
            for (float[] ch : given) {
                progress.checkCancelled();
                sigmoidInPlace(ch);
            }
        } else if (kind == PredictionKind.LOGITS_SOFTMAX) {
            softmaxInPlace(given, voxels);
        }
        long clampedCount = 0;
        Map<Path, long[]> perFile = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            progress.checkCancelled();
            float[] ch = given.get(j);
            double[] minMax = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            Clamped done = clamped == null || kind != PredictionKind.PROBABILITIES ? null : clamped.get(j);
            long c;
            if (done != null) {
                c = done.count();
                minMax[0] = done.min();
                minMax[1] = done.max();
            } else {
                c = clampInPlace(ch, minMax);
            }
            clampedCount += c;
            long[] acc = perFile.computeIfAbsent(sources.get(j), k -> new long[1]);
            acc[0] += c;
            if (c > 0) {
                warnings.add(sources.get(j).getFileName() + (n > 1 ? " channel " + j : "") + ": " + c + " value"
                        + (c == 1 ? "" : "s") + " outside [0,1] clamped (values from " + fmt(minMax[0]) + " to " + fmt(minMax[1]) + ")"
                        + (minMax[0] < -0.5 || minMax[1] > 1.5 ? "; these look like logits: load them as logits" : ""));
            }
        }
        float[][] channels = new float[res.classes().size()][];
        for (int j = 0; j < n; j++) {
            channels[res.givenToChannel()[j]] = given.get(j);
        }
        if (res.derivedBackground() >= 0) {
            progress.checkCancelled();
            clampedCount += deriveBackground(channels, res.derivedBackground(), voxels, warnings);
        } else if (channels.length >= 2) {
            progress.checkCancelled();
            checkSums(channels, voxels, warnings);
        }
        return new ProbabilityMaps(geometry, channels, clampedCount, List.copyOf(sourceNames));
    }

    /** Clamps to [0,1]; returns how many values lay further than the rounding slack outside; minMax gets the range. */
    static long clampInPlace(float[] ch, double[] minMax) {
        return clampInPlace(ch, minMax, true);
    }

    /** As above; {@code parallel}: in chunks on the common pool, else on this thread alone. */
    static long clampInPlace(float[] ch, double[] minMax, boolean parallel) {
        long count = 0;
        minMax[0] = Double.POSITIVE_INFINITY;
        minMax[1] = Double.NEGATIVE_INFINITY;
        for (double[] part : Chunks.map(ch.length, (from, to) -> clamp(ch, from, to), parallel)) {
            count += (long) part[0];
            minMax[0] = Math.min(minMax[0], part[1]);
            minMax[1] = Math.max(minMax[1], part[2]);
        }
        return count;
    }

    /** {count, min, max} of one chunk, clamping it. */
    private static double[] clamp(float[] ch, int from, int to) {
        long count = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        final float below = (float) -ROUNDING_SLACK;
        final float above = (float) (1 + ROUNDING_SLACK);
        for (int i = from; i < to; i++) {
            float v = ch[i];
            min = v < min ? v : min; // not Math.min: its NaN/-0 care is slow and the values are finite here
            max = v > max ? v : max;
            if (v < 0f) {
                count += v < below ? 1 : 0;
                ch[i] = 0f;
            } else if (v > 1f) {
                count += v > above ? 1 : 0;
                ch[i] = 1f;
            }
        }
        return new double[] {count, min, max};
    }

    static void sigmoidInPlace(float[] ch) {
        Chunks.run(ch.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                ch[i] = (float) (1.0 / (1.0 + Math.exp(-(double) ch[i])));
            }
            return null;
        });
    }

    /** Softmax across channels per voxel, subtracting the maximum first so large logits do not overflow. */
    static void softmaxInPlace(List<float[]> chs, int voxels) {
        int n = chs.size();
        float[][] a = chs.toArray(new float[0][]);
        Chunks.run(voxels, (from, to) -> {
            double[] e = new double[n];
            for (int i = from; i < to; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < n; c++) {
                    max = a[c][i] > max ? a[c][i] : max;
                }
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    e[c] = Math.exp(a[c][i] - max);
                    sum += e[c];
                }
                for (int c = 0; c < n; c++) {
                    a[c][i] = (float) (e[c] / sum);
                }
            }
            return null;
        });
    }

    /** background = 1 - sum of the other channels, clamped at 0; returns the count clamped beyond round-off. */
    static long deriveBackground(float[][] channels, int bg, int voxels, List<String> warnings) {
        float[] b = new float[voxels];
        long over = 0;
        double maxSum = 0;
        for (double[] part : Chunks.map(voxels, (from, to) -> background(channels, bg, b, from, to))) {
            over += (long) part[0];
            maxSum = Math.max(maxSum, part[1]);
        }
        channels[bg] = b;
        if (over > 0) {
            warnings.add("background = 1 - sum of the other channels; that sum exceeds 1 at " + over + " voxel"
                    + (over == 1 ? "" : "s") + " (up to " + fmt(maxSum) + "), where the background was clamped to 0");
        }
        return over;
    }

    /** {count beyond round-off, largest sum above 1} of one chunk, filling b. */
    private static double[] background(float[][] channels, int bg, float[] b, int from, int to) {
        long over = 0;
        double maxSum = 0;
        for (int i = from; i < to; i++) {
            double s = 0;
            for (int c = 0; c < channels.length; c++) {
                if (c != bg) {
                    s += channels[c][i];
                }
            }
            if (s > 1) {
                over += s > 1 + ROUNDING_SLACK ? 1 : 0;
                maxSum = Math.max(maxSum, s);
                b[i] = 0f;
            } else {
                b[i] = (float) (1 - s);
            }
        }
        return new double[] {over, maxSum};
    }

    /** Warns when the channels of a voxel do not sum to 1 within {@link CaseLoader#SUM_TOLERANCE}. */
    static void checkSums(float[][] channels, int voxels, List<String> warnings) {
        long off = 0;
        double worst = 0;
        double worstSum = 1;
        for (double[] part : Chunks.map(voxels, (from, to) -> sums(channels, from, to))) {
            off += (long) part[0];
            if (part[1] > worst) {
                worst = part[1];
                worstSum = part[2];
            }
        }
        if (off > 0) {
            warnings.add("the " + channels.length + " probability channels do not sum to 1 (within " + CaseLoader.SUM_TOLERANCE
                    + ") at " + off + " of " + voxels + " voxels (farthest sum " + fmt(worstSum) + "); they are used as given");
        }
    }

    /** {voxels off, largest |sum - 1|, that sum} of one chunk. */
    private static double[] sums(float[][] channels, int from, int to) {
        long off = 0;
        double worst = 0;
        double worstSum = 1;
        for (int i = from; i < to; i++) {
            double s = 0;
            for (float[] ch : channels) {
                s += ch[i];
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
        return new double[] {off, worst, worstSum};
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
