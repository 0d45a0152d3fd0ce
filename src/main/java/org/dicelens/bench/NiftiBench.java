package org.dicelens.bench;

import org.dicelens.nifti.*;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A reusable loading benchmark (for the bench command and docs/perf/nifti.md): writes an n³ float32 volume of
 * smooth, noisy, head-like data as .nii.gz and .nii, then times, interleaved so machine load hits all alike,
 * our read of the .nii.gz, {@code gzip -dc FILE > /dev/null} on the same file, and our read of the .nii.
 * <p>Run: {@code java -cp target/classes org.dicelens.bench.NiftiBench [n=256] [runs=7] [folder=tmp]}.
 */
public final class NiftiBench {
    private NiftiBench() {
    }

    /**
     * Times in milliseconds, one per run, and the file sizes. Wall times, and CPU times (our reading thread;
     * gzip's user + system time) which a busy machine distorts less.
     */
    public record Figures(int n, long gzBytes, long niiBytes, double[] readGzMs, double[] gzipDcMs, double[] readNiiMs,
            double[] readGzCpuMs, double[] gzipDcCpuMs) {
        public double readGzMedian() {
            return median(readGzMs);
        }

        /** NaN when gzip could not be run. */
        public double gzipDcMedian() {
            return median(gzipDcMs);
        }

        public double readNiiMedian() {
            return median(readNiiMs);
        }

        /** Our .nii.gz read time over gzip -dc's (wall): the target is at most 1.3. */
        public double ratio() {
            return readGzMedian() / gzipDcMedian();
        }

        /** The same ratio in CPU time (NaN when gzip's CPU time could not be measured). */
        public double cpuRatio() {
            return median(readGzCpuMs) / median(gzipDcCpuMs);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d^3 float32: .nii.gz %.1f MB (ratio %.2f), read .nii.gz median %.0f ms, "
                    + "gzip -dc median %.0f ms (read/gzip = %.2f), read .nii median %.0f ms (%.0f MB/s)%n"
                    + "  CPU: read .nii.gz median %.0f ms, gzip -dc median %.0f ms (read/gzip = %.2f)%n"
                    + "  read .nii.gz runs %s (cpu %s)%n  gzip -dc runs     %s (cpu %s)%n  read .nii runs    %s", n,
                    gzBytes / 1e6, (double) niiBytes / gzBytes, readGzMedian(), gzipDcMedian(), ratio(), readNiiMedian(),
                    niiBytes / 1e6 / (readNiiMedian() / 1000), median(readGzCpuMs), median(gzipDcCpuMs), cpuRatio(),
                    fmt(readGzMs), fmt(readGzCpuMs), fmt(gzipDcMs), fmt(gzipDcCpuMs), fmt(readNiiMs));
        }
    }

    /**
     * Writes an n³ float32 volume: an ellipsoid "head" (about half the grid) of smooth sinusoidal intensities
     * 100..900 plus Gaussian noise (sd 8), zeros outside. It compresses about 2:1, like real float32 scans
     * (the real spinal-cord t2s scan of the test data: 1.9:1).
     */
    public static void writeSample(Path file, int n, long seed) throws NiftiException {
        Random r = new Random(seed);
        double[][] waves = new double[6][5];
        for (double[] w : waves) {
            for (int i = 0; i < 3; i++) {
                w[i] = (r.nextDouble() * 4 + 1) * 2 * Math.PI / n;
            }
            w[3] = r.nextDouble() * 2 * Math.PI;
            w[4] = 60 + r.nextDouble() * 60;
        }
        float[] v = new float[n * n * n];
        double c = (n - 1) / 2.0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double dx = (x - c) / (0.45 * n);
                    double dy = (y - c) / (0.48 * n);
                    double dz = (z - c) / (0.42 * n);
                    if (dx * dx + dy * dy + dz * dz > 1) {
                        continue;
                    }
                    double s = 500;
                    for (double[] w : waves) {
                        s += w[4] * Math.sin(w[0] * x + w[1] * y + w[2] * z + w[3]);
                    }
                    s += 8 * r.nextGaussian();
                    v[x + n * (y + n * z)] = (float) s;
                }
            }
        }
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, n, n, n, 1, 1, 1, 1};
        h.xyzt_units = 2;
        h.setAffine(new double[] {-1, 0, 0, c, 0, 1, 0, -c, 0, 0, 1, -c, 0, 0, 0, 1}, 1);
        NiftiWriter.write(file, h, NiftiDatatype.FLOAT32, (Object) v);
    }

    /** Writes the sample files into dir (reused when already there) and times each reader runs times, interleaved. */
    public static Figures run(Path dir, int n, int runs) throws NiftiException, IOException, InterruptedException {
        Path gz = dir.resolve("bench" + n + ".nii.gz");
        Path nii = dir.resolve("bench" + n + ".nii");
        if (!Files.exists(gz)) {
            writeSample(gz, n, 42);
        }
        if (!Files.exists(nii)) {
            NiftiVolume v = NiftiReader.read(gz);
            NiftiWriter.write(nii, v.header(), NiftiDatatype.FLOAT32, v.channelArray(0));
        }
        double[] readGz = new double[runs];
        double[] readGzCpu = new double[runs];
        double[] gzip = new double[runs];
        double[] gzipCpu = new double[runs];
        double[] readNii = new double[runs];
        for (int i = -2; i < runs; i++) { // two warm-up rounds (JIT, page cache), not recorded
            double[] a = time(() -> NiftiReader.read(gz));
            double[] b = gzipDc(gz);
            double[] d = time(() -> NiftiReader.read(nii));
            if (i >= 0) {
                readGz[i] = a[0];
                readGzCpu[i] = a[1];
                gzip[i] = b[0];
                gzipCpu[i] = b[1];
                readNii[i] = d[0];
            }
        }
        return new Figures(n, Files.size(gz), Files.size(nii), readGz, gzip, readNii, readGzCpu, gzipCpu);
    }

    private interface Read {
        NiftiVolume read() throws NiftiException;
    }

    /** {wall ms, CPU ms of this thread} of one read. */
    private static double[] time(Read r) throws NiftiException {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        NiftiVolume v = r.read();
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        if (v.voxelsPerChannel() == 0) {
            throw new IllegalStateException("empty read"); // keeps the result alive
        }
        return new double[] {(t1 - t0) / 1e6, (c1 - c0) / 1e6};
    }

    /**
     * {wall ms, CPU ms} of {@code gzip -dc file > /dev/null}, run through sh so its {@code times} builtin reports
     * the child's user + system time (10 ms resolution); NaNs when gzip or sh cannot be run.
     */
    static double[] gzipDc(Path file) throws InterruptedException {
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", "gzip -dc \"$1\" > /dev/null && times", "sh", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            String[] lines = out.trim().split("\n"); // "0m0.001s 0m0.002s" (shell), then the children's line
            String[] child = lines[lines.length - 1].trim().split("\\s+");
            return new double[] {wall, child.length == 2 ? (seconds(child[0]) + seconds(child[1])) * 1000 : Double.NaN};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** "1m2.345s" to seconds. */
    private static double seconds(String t) {
        int m = t.indexOf('m');
        return Double.parseDouble(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static String fmt(double[] a) {
        StringBuilder sb = new StringBuilder();
        for (double d : a) {
            sb.append(String.format(Locale.ROOT, "%.0f ", d));
        }
        return sb.toString().trim();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("dicelens-bench");
        Figures f = run(dir, n, runs);
        System.out.println("JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus, max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB" + ", load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(f);
    }
}
