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

    /**
     * @param given    the given channels, in the prediction's order (modified in place)
     * @param sources  the file each given channel came from
     * @param warnings receives a line per thing the user should know
     */
    static ProbabilityMaps build(Geometry geometry, List<float[]> given, List<Path> sources, ClassResolver.Result res,
            PredictionKind kind, List<String> sourceNames, List<String> warnings, Progress progress) {
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
        long clamped = 0;
        Map<Path, long[]> perFile = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            progress.checkCancelled();
            float[] ch = given.get(j);
            double[] minMax = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            long c = clampInPlace(ch, minMax);
            clamped += c;
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
            clamped += deriveBackground(channels, res.derivedBackground(), voxels, warnings);
        } else if (channels.length >= 2) {
            progress.checkCancelled();
            checkSums(channels, voxels, warnings);
        }
        return new ProbabilityMaps(geometry, channels, clamped, List.copyOf(sourceNames));
    }

    /** Clamps to [0,1]; returns how many values lay further than the rounding slack outside; minMax gets the range. */
    static long clampInPlace(float[] ch, double[] minMax) {
        long count = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < ch.length; i++) {
            float v = ch[i];
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v < 0f || v > 1f) {
                if (v < -ROUNDING_SLACK || v > 1 + ROUNDING_SLACK) {
                    count++;
                }
                ch[i] = v < 0f ? 0f : 1f;
            }
        }
        minMax[0] = min;
        minMax[1] = max;
        return count;
    }

    static void sigmoidInPlace(float[] ch) {
        for (int i = 0; i < ch.length; i++) {
            ch[i] = (float) (1.0 / (1.0 + Math.exp(-(double) ch[i])));
        }
    }

    /** Softmax across channels per voxel, subtracting the maximum first so large logits do not overflow. */
    static void softmaxInPlace(List<float[]> chs, int voxels) {
        int n = chs.size();
        float[][] a = chs.toArray(new float[0][]);
        double[] e = new double[n];
        for (int i = 0; i < voxels; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                max = Math.max(max, a[c][i]);
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
    }

    /** background = 1 - sum of the other channels, clamped at 0; returns the count clamped beyond round-off. */
    static long deriveBackground(float[][] channels, int bg, int voxels, List<String> warnings) {
        float[] b = new float[voxels];
        long over = 0;
        double maxSum = 0;
        for (int i = 0; i < voxels; i++) {
            double s = 0;
            for (int c = 0; c < channels.length; c++) {
                if (c != bg) {
                    s += channels[c][i];
                }
            }
            if (s > 1) {
                if (s > 1 + ROUNDING_SLACK) {
                    over++;
                }
                maxSum = Math.max(maxSum, s);
                b[i] = 0f;
            } else {
                b[i] = (float) (1 - s);
            }
        }
        channels[bg] = b;
        if (over > 0) {
            warnings.add("background = 1 - sum of the other channels; that sum exceeds 1 at " + over + " voxel"
                    + (over == 1 ? "" : "s") + " (up to " + fmt(maxSum) + "), where the background was clamped to 0");
        }
        return over;
    }

    /** Warns when the channels of a voxel do not sum to 1 within {@link CaseLoader#SUM_TOLERANCE}. */
    static void checkSums(float[][] channels, int voxels, List<String> warnings) {
        long off = 0;
        double worst = 0;
        double worstSum = 1;
        for (int i = 0; i < voxels; i++) {
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
        if (off > 0) {
            warnings.add("the " + channels.length + " probability channels do not sum to 1 (within " + CaseLoader.SUM_TOLERANCE
                    + ") at " + off + " of " + voxels + " voxels (farthest sum " + fmt(worstSum) + "); they are used as given");
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
