package org.dicelens.metrics.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The floor under issue 20's "evaluate ≥ 2× faster than the user's script" target: what docs/perf/user_dice.py
 * computes (per class Σp, Σp·r, Σr, the p ≥ 0.5 counts, optionally the cross-entropy), as a JVM program that does
 * nothing else. It uses none of DiceLens' code on purpose (no loader checks, no classes table, no picocli, no
 * report): the two files are mapped, each of two threads takes half of the voxels of every channel, and the float
 * sums go to doubles as in the script. Little-endian NIfTI-1 `.nii` only: uint8 labels, float32 channels.
 * <p>
 * Whole-process time of this program is the least a JVM spends on the script's numbers on this machine; docs/perf/
 * evaluate.md compares it with {@code evaluate} and the script side by side. {@code ScriptFloorBenchTest} checks its
 * numbers against the engine's and a voxel-by-voxel count.
 * <pre>
 * java -cp target/test-classes org.dicelens.metrics.bench.ScriptFloorBench REF.nii PRED.nii [--ce]
 * </pre>
 */
public final class ScriptFloorBench {
    private static final int THREADS = 2;
    private static final int RUN = 1 << 16;

    /** Per class: Σp, Σp·r, Σr, #(p ≥ 0.5), #(p ≥ 0.5 and r), Σ −ln clamp(p) over r; and the voxel volume in ml. */
    public record Sums(double[][] perClass, double voxelMl, long voxels) {
    }

    private ScriptFloorBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean ce = args.length > 2 && args[2].equals("--ce");
        Sums s = compute(Path.of(args[0]), Path.of(args[1]), ce);
        double ceSum = 0;
        for (int c = 0; c < s.perClass.length; c++) {
            double[] k = s.perClass[c];
            double soft = k[0] + k[2] > 0 ? 2 * k[1] / (k[0] + k[2]) : 1;
            double hard = k[3] + k[2] > 0 ? 2 * k[4] / (k[3] + k[2]) : 1;
            ceSum += k[5];
            System.out.printf(Locale.ROOT, "class %d: softDice %.6f hardDice %.6f refMl %.3f softMl %.3f hardMl %.3f%n", c,
                    soft, hard, k[2] * s.voxelMl, k[0] * s.voxelMl, k[3] * s.voxelMl);
        }
        if (ce) {
            System.out.printf(Locale.ROOT, "crossEntropy %.6f%n", ceSum / s.voxels);
        }
    }

    /** The script's sums; {@code ce} adds the cross-entropy's logs (the script's {@code --ce}). */
    public static Sums compute(Path ref, Path pred, boolean ce) throws IOException, InterruptedException {
        try (FileChannel rf = FileChannel.open(ref); FileChannel pf = FileChannel.open(pred)) {
            ByteBuffer rh = header(rf, ref, 2);
            ByteBuffer ph = header(pf, pred, 16);
            long n = (long) rh.getShort(42) * rh.getShort(44) * rh.getShort(46);
            int nc = ph.getShort(40) >= 4 ? ph.getShort(48) : 1;
            long rOff = (long) rh.getFloat(108);
            long pOff = (long) ph.getFloat(108);
            if (n > Integer.MAX_VALUE / 4 || rf.size() < rOff + n || pf.size() < pOff + 4 * n * nc) {
                throw new IOException("unexpected sizes for " + ref + " and " + pred);
            }
            ByteBuffer labels = rf.map(FileChannel.MapMode.READ_ONLY, rOff, n);
            FloatBuffer[] channels = new FloatBuffer[nc];
            for (int c = 0; c < nc; c++) {
                channels[c] = pf.map(FileChannel.MapMode.READ_ONLY, pOff + 4L * c * n, 4L * n)
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
            double[][][] parts = new double[THREADS][][];
            Thread[] threads = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int from = (int) (n * t / THREADS);
                int to = (int) (n * (t + 1) / THREADS);
                int part = t;
                threads[t] = new Thread(() -> parts[part] = half(labels, channels, from, to, ce));
                threads[t].start();
            }
            double[][] total = new double[nc][6];
            for (int t = 0; t < THREADS; t++) {
                threads[t].join();
                for (int c = 0; c < nc; c++) {
                    for (int k = 0; k < 6; k++) {
                        total[c][k] += parts[t][c][k];
                    }
                }
            }
            double ml = Math.abs(rh.getFloat(80) * rh.getFloat(84) * rh.getFloat(88)) / 1000.0;
            return new Sums(total, ml, n);
        }
    }

    private static double[][] half(ByteBuffer labels, FloatBuffer[] channels, int from, int to, boolean ce) {
        double[][] out = new double[channels.length][6];
        float[] p = new float[RUN];
        byte[] r = new byte[RUN];
        for (int c = 0; c < channels.length; c++) {
            double sp = 0;
            double spr = 0;
            long nr = 0;
            long nh = 0;
            long tp = 0;
            double lnSum = 0;
            for (int at = from; at < to; at += RUN) {
                int k = Math.min(RUN, to - at);
                channels[c].get(at, p, 0, k);
                labels.get(at, r, 0, k);
                for (int i = 0; i < k; i++) {
                    float f = p[i];
                    boolean isRef = (r[i] & 0xFF) == c;
                    sp += f;
                    if (isRef) {
                        spr += f;
                        nr++;
                        if (ce) {
                            lnSum -= Math.log(Math.max(1e-7, Math.min(1 - 1e-7, f)));
                        }
                    }
                    if (f >= 0.5f) {
                        nh++;
                        if (isRef) {
                            tp++;
                        }
                    }
                }
            }
            out[c] = new double[] {sp, spr, nr, nh, tp, lnSum};
        }
        return out;
    }

    /** The first 348 bytes, checked for what this program reads: NIfTI-1, little-endian, the given datatype. */
    private static ByteBuffer header(FileChannel fc, Path file, int datatype) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(348).order(ByteOrder.LITTLE_ENDIAN);
        while (h.hasRemaining() && fc.read(h, h.position()) > 0) {
            // read the whole header
        }
        if (h.hasRemaining() || h.getInt(0) != 348 || h.getShort(70) != datatype) {
            throw new IOException(file + ": not a little-endian NIfTI-1 file of datatype " + datatype);
        }
        return h;
    }
}
