package org.dicelens.metrics;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;

/**
 * Gradient maps ∂L/∂p_n (or ∂L/∂z_n) of one class's channel, for one slice or the whole volume (formula sheet,
 * "Gradient maps"). The loss and its fixed sums are a {@link GradientKernel}; this class runs it over the voxels.
 *
 * <p>Region: either a voxel predicate ({@code IntPredicate}, null = the whole volume) or an {@link EvaluationRegion}
 * with a margin (Ω_m is a box, walked row by row with no per-voxel test). A voxel outside the region does not enter
 * the loss, so its exact derivative is 0, which is what the overloads without {@code outside} write. The overloads
 * taking {@code outside} write that value instead: pass {@code Float.NaN} to let a renderer draw the outside
 * transparent.
 *
 * <p>Slices: {@code axis} is the voxel axis held fixed (0 = x, 1 = y, 2 = z) at {@code index}. The slice's pixel
 * (u, v), u and v the two remaining axes in increasing order, is written at {@code out[u + nu·v]}: axis 0 gives
 * (y, z), axis 1 gives (x, z), axis 2 gives (x, y). For a view laid out as the screen shows it, use {@link #at} with
 * the renderer's pixel → voxel index table.
 */
public final class GradientMaps {

    private GradientMaps() {
    }

    /** Width nu of a slice across {@code axis} (the first remaining axis). */
    public static int sliceWidth(Geometry g, int axis) {
        checkAxis(axis);
        return axis == 0 ? g.ny() : g.nx();
    }

    /** Height nv of a slice across {@code axis} (the second remaining axis). */
    public static int sliceHeight(Geometry g, int axis) {
        checkAxis(axis);
        return axis == 2 ? g.ny() : g.nz();
    }

    /** Pixels in a slice across {@code axis}: the buffer length {@link #slice} needs. */
    public static int sliceLength(Geometry g, int axis) {
        return sliceWidth(g, axis) * sliceHeight(g, axis);
    }

    // ---- kernels -------------------------------------------------------------------------------------------------

    /**
     * The kernel of {@code loss} for {@code channel} with the sums taken by a plain pass over the region (every
     * channel's for GDL, only this channel's otherwise). Callers that already hold the sums use {@link GradientKernel}.
     */
    public static GradientKernel kernel(Case c, GradientLoss loss, int channel, IntPredicate region, LossParams lp,
            double[] gdlWeights) {
        GradientRegion r = GradientRegion.of(region);
        ClassSums[] all = new ClassSums[c.prediction().channelCount()];
        for (int l = 0; l < all.length; l++) {
            if (loss == GradientLoss.GDL || l == channel) {
                all[l] = GradientSums.of(c, l, r);
            }
        }
        return GradientKernel.of(loss, channel, all, lp, gdlWeights);
    }

    /**
     * The kernel from the engine's statistics (no pass over the voxels) inside the settings' region, with the
     * settings' loss parameters and, for GDL, the weights the engine reports (scheme, absent-class rule, background
     * in or out: an excluded class has NaN weight and no gradient).
     */
    public static GradientKernel kernel(Engine e, Settings s, GradientLoss loss, int channel) {
        int nc = e.classCount();
        ClassSums[] all = new ClassSums[nc];
        for (int l = 0; l < nc; l++) {
            all[l] = e.sums(s, l);
        }
        double[] w = null;
        if (loss == GradientLoss.GDL) {
            w = GeneralisedDice.compute(all, new long[nc], new long[nc], s, e.caseData().classes().backgroundChannel())
                    .weights();
        }
        return GradientKernel.of(loss, channel, all, s.losses(), w);
    }

    // ---- slices --------------------------------------------------------------------------------------------------

    /** The map of one slice into {@code out} (reused between calls), 0 outside the region. */
    public static void slice(Case c, GradientKernel k, GradientWrt wrt, IntPredicate region, int axis, int index, float[] out) {
        slice(c, k, wrt, GradientRegion.of(region), axis, index, out, 0f);
    }

    /** The map of one slice into {@code out}, {@code outside} where the region excludes the voxel. */
    public static void slice(Case c, GradientKernel k, GradientWrt wrt, IntPredicate region, int axis, int index, float[] out,
            float outside) {
        slice(c, k, wrt, GradientRegion.of(region), axis, index, out, outside);
    }

    /** The map of one slice inside Ω_margin of an evaluation region, {@code outside} elsewhere. */
    public static void slice(Case c, GradientKernel k, GradientWrt wrt, EvaluationRegion region, int margin, int axis,
            int index, float[] out, float outside) {
        slice(c, k, wrt, GradientRegion.of(region, margin), axis, index, out, outside);
    }

    private static void slice(Case c, GradientKernel k, GradientWrt wrt, GradientRegion region, int axis, int index,
            float[] out, float outside) {
        Geometry g = c.geometry();
        checkAxis(axis);
        if (index < 0 || index >= g.dim(axis)) {
            throw new IllegalArgumentException("slice index " + index + " outside 0.." + (g.dim(axis) - 1) + " on axis " + axis);
        }
        int nu = sliceWidth(g, axis);
        int nv = sliceHeight(g, axis);
        if (out.length < nu * nv) {
            throw new IllegalArgumentException("slice buffer holds " + out.length + " values, needs " + nu * nv);
        }
        int nx = g.nx();
        int plane = nx * g.ny();
        int base = axis == 0 ? index : axis == 1 ? nx * index : plane * index;
        int su = axis == 0 ? nx : 1;
        int sv = axis == 2 ? nx : plane;
        float[] p = channel(c, k);
        byte[] ref = c.referenceClass();
        int ch = k.channel();
        for (int v = 0; v < nv; v++) {
            int row = base + v * sv;
            int o = v * nu;
            for (int u = 0; u < nu; u++) {
                int i = row + u * su;
                int x = axis == 0 ? index : u;
                int y = axis == 1 ? index : axis == 0 ? u : v;
                int z = axis == 2 ? index : v;
                out[o + u] = region.test(x, y, z, i) ? (float) k.value(p[i], (ref[i] & 0xFF) == ch, wrt) : outside;
            }
        }
    }

    /**
     * The map at {@code count} given voxel indices, {@code out[j]} for {@code voxels[j]}: for a view laid out by the
     * renderer (its slice-pixel → voxel index table), with no volume-sized buffer.
     */
    public static void at(Case c, GradientKernel k, GradientWrt wrt, IntPredicate region, int[] voxels, int count, float[] out,
            float outside) {
        at(c, k, wrt, GradientRegion.of(region), voxels, count, out, outside);
    }

    /** {@link #at(Case, GradientKernel, GradientWrt, IntPredicate, int[], int, float[], float)} inside Ω_margin. */
    public static void at(Case c, GradientKernel k, GradientWrt wrt, EvaluationRegion region, int margin, int[] voxels,
            int count, float[] out, float outside) {
        at(c, k, wrt, GradientRegion.of(region, margin), voxels, count, out, outside);
    }

    private static void at(Case c, GradientKernel k, GradientWrt wrt, GradientRegion region, int[] voxels, int count,
            float[] out, float outside) {
        if (count > voxels.length || count > out.length) {
            throw new IllegalArgumentException("count " + count + " exceeds the index table (" + voxels.length
                    + ") or the buffer (" + out.length + ")");
        }
        float[] p = channel(c, k);
        byte[] ref = c.referenceClass();
        int ch = k.channel();
        int nx = c.geometry().nx();
        int ny = c.geometry().ny();
        for (int j = 0; j < count; j++) {
            int i = voxels[j];
            out[j] = region.test(i, nx, ny) ? (float) k.value(p[i], (ref[i] & 0xFF) == ch, wrt) : outside;
        }
    }

    // ---- whole volume --------------------------------------------------------------------------------------------

    /** The map of the whole volume in a new array (voxel order), 0 outside the region. */
    public static float[] volume(Case c, GradientKernel k, GradientWrt wrt, IntPredicate region) {
        float[] out = new float[c.voxelCount()];
        volume(c, k, wrt, GradientRegion.of(region), out, 0f);
        return out;
    }

    /** The map of the whole volume into {@code out} (voxel order), computed in parallel over z planes. */
    public static void volume(Case c, GradientKernel k, GradientWrt wrt, IntPredicate region, float[] out, float outside) {
        volume(c, k, wrt, GradientRegion.of(region), out, outside);
    }

    /** The map of the whole volume into {@code out}, {@code outside} beyond Ω_margin. */
    public static void volume(Case c, GradientKernel k, GradientWrt wrt, EvaluationRegion region, int margin, float[] out,
            float outside) {
        volume(c, k, wrt, GradientRegion.of(region, margin), out, outside);
    }

    private static void volume(Case c, GradientKernel k, GradientWrt wrt, GradientRegion region, float[] out, float outside) {
        Geometry g = c.geometry();
        if (out.length < g.voxelCount()) {
            throw new IllegalArgumentException("volume buffer holds " + out.length + " values, needs " + g.voxelCount());
        }
        float[] p = channel(c, k);
        byte[] ref = c.referenceClass();
        int ch = k.channel();
        int nx = g.nx();
        int ny = g.ny();
        IntStream.range(0, g.nz()).parallel().forEach(z -> {
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                if (region.isBox()) {
                    int from = region.rowFrom(y, z);
                    int to = Math.max(from, region.rowTo(y, z, nx));
                    Arrays.fill(out, row, row + from, outside);
                    for (int i = row + from; i < row + to; i++) {
                        out[i] = (float) k.value(p[i], (ref[i] & 0xFF) == ch, wrt);
                    }
                    Arrays.fill(out, row + to, row + nx, outside);
                } else {
                    for (int i = row; i < row + nx; i++) {
                        out[i] = region.test(i, nx, ny) ? (float) k.value(p[i], (ref[i] & 0xFF) == ch, wrt) : outside;
                    }
                }
            }
        });
    }

    // ---- sums ----------------------------------------------------------------------------------------------------

    /**
     * The sums of one channel inside the region by a plain pass (double accumulation, per z plane then in plane
     * order, so the result does not depend on the thread count): n, I = Σp·r, P = Σp, R = Σr, P2 = Σp², R2 = Σr².
     */
    public static ClassSums sums(Case c, int channel, IntPredicate region) {
        return GradientSums.of(c, channel, GradientRegion.of(region));
    }

    /** {@link #sums(Case, int, IntPredicate)} inside Ω_margin of an evaluation region. */
    public static ClassSums sums(Case c, int channel, EvaluationRegion region, int margin) {
        return GradientSums.of(c, channel, GradientRegion.of(region, margin));
    }

    /** {@link #sums(Case, int, IntPredicate)} of every channel. */
    public static ClassSums[] sums(Case c, IntPredicate region) {
        ClassSums[] all = new ClassSums[c.prediction().channelCount()];
        for (int l = 0; l < all.length; l++) {
            all[l] = sums(c, l, region);
        }
        return all;
    }

    private static float[] channel(Case c, GradientKernel k) {
        if (k.channel() >= c.prediction().channelCount()) {
            throw new IllegalArgumentException("kernel channel " + k.channel() + " but the case has "
                    + c.prediction().channelCount() + " channels");
        }
        return c.prediction().channels()[k.channel()];
    }

    private static void checkAxis(int axis) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2: " + axis);
        }
    }
}
