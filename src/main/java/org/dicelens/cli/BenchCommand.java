package org.dicelens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.dicelens.bench.EngineBench;
import org.dicelens.bench.NiftiBench;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.phantom.PhantomGenerator;
import org.dicelens.phantom.PhantomPrediction;
import org.dicelens.phantom.PhantomSpec;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.volume.Case;
import org.dicelens.volume.NiftiHeaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code bench}: generates a phantom case in memory and measures the budgets of the design notes with the same code the
 * app runs: loading a written .nii.gz against plain gzip decompression of the same file, the statistics pass, the
 * recompute after a control change, and composing a slice. Prints a Markdown table (pastable into docs).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark loading, the statistics pass, control-change recompute and slice composing on a phantom "
            + "generated in memory (a brain phantom for 4 classes, a lesion phantom for 2). Prints a Markdown table."})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", paramLabel = "N", defaultValue = "256", description = "Grid N×N×N (default: ${DEFAULT-VALUE}).")
    int size = 256;

    @Option(names = "--classes", paramLabel = "C", defaultValue = "4",
            description = "4 (brain phantom) or 2 (lesion phantom) (default: ${DEFAULT-VALUE}).")
    int classes = 4;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
            description = "Runs of each long measurement; the median is shown (default: ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(names = "--changes", paramLabel = "K", defaultValue = "2000",
            description = "Control changes timed for the recompute latency (default: ${DEFAULT-VALUE}).")
    int changes = 2000;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the temporary files, deleted afterwards (default: the system's temp).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (classes != 2 && classes != 4) {
            throw SettingsOptions.bad("--classes", Integer.toString(classes), "the phantoms have 4 (brain) or 2 (lesion) classes");
        }
        if (size < 16 || size > 400) {
            throw SettingsOptions.bad("--size", Integer.toString(size), "must be between 16 and 400");
        }
        if (repeat < 1 || changes < 10) {
            throw SettingsOptions.bad("--repeat/--changes", repeat + "/" + changes, "need at least 1 run and 10 changes");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String[]> rows = new ArrayList<>();
        Path folder = Files.createTempDirectory(dir != null ? Files.createDirectories(dir) : Path.of(
                System.getProperty("java.io.tmpdir")), "dicelens-bench-");
        try {
            note(err, "timing NIfTI loading (NiftiBench: a " + size + "³ float32 scan) …");
            scanLoading(folder, rows);

            note(err, "generating a " + size + "³ " + (classes == 4 ? "brain" : "lesion") + " phantom …");
            long t0 = System.nanoTime();
            PhantomSpec ps = (classes == 4 ? PhantomSpec.brain() : PhantomSpec.lesion()).withSize(size, size, size);
            Case c = PhantomGenerator.generate(ps).toCase(PhantomPrediction.OVERCONFIDENT);
            double genS = seconds(System.nanoTime() - t0);
            long bytes = 4L * c.voxelCount() * c.classCount();

            note(err, "writing and loading the phantom's prediction …");
            predictionLoading(c, folder, rows);
            note(err, "timing the statistics passes …");
            Engine engine = statistics(c, rows);
            note(err, "timing control changes …");
            EngineBench.Latency lat = EngineBench.recompute(engine, changes);
            rows.add(row("control change → every metric of every class (`Engine.evaluate`)",
                    fmt("median %.3f ms, p99 %.3f ms", lat.median() / 1e3, lat.p99() / 1e3),
                    changes + " random changes of thresholds, floor, mode, margin, weights, rule, background, smoothing, "
                            + "Tversky α/β (`EngineBench.recompute`)"));
            note(err, "timing slice composing …");
            compose(c, rows);

            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "DiceLens bench: %d×%d×%d, %d classes (%s phantom), float32 probabilities %s (made in "
                    + "%.1f s)%n", size, size, size, c.classCount(), classes == 4 ? "brain" : "lesion", mb(bytes), genS);
            out.printf(Locale.ROOT, "Java %s, %d cores, max heap %s, load average %s%n", System.getProperty("java.version"),
                    rt.availableProcessors(), mb(rt.maxMemory()), loadAverage());
            out.println("Wall clock and CPU time (the process's, or gzip's user + sys); CPU is what other load on the "
                    + "machine does not inflate.");
            out.println();
            out.println("| measurement | figure | detail |");
            out.println("|---|---|---|");
            for (String[] r : rows) {
                out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
            }
            out.flush();
        } finally {
            deleteAll(folder);
        }
        return 0;
    }

    private static void note(PrintWriter err, String s) {
        err.println(s);
        err.flush();
    }

    /** The NIfTI engineer's benchmark: an n³ float32 scan-like .nii.gz (about 3:1) against gzip -dc, interleaved. */
    private void scanLoading(Path folder, List<String[]> rows) throws Exception {
        NiftiBench.Figures f = NiftiBench.run(folder, size, Math.max(3, repeat));
        String file = mb(f.gzBytes()) + " .nii.gz (" + fmt("%.1f", (double) f.niiBytes() / f.gzBytes()) + ":1)";
        rows.add(row("load scan .nii.gz (`NiftiReader.read`)", fmt("%.0f ms (CPU %.0f ms)", f.readGzMedian(),
                median(f.readGzCpuMs())), size + "³ float32, " + file + ", median of " + f.readGzMs().length
                + " (`NiftiBench`)"));
        if (Double.isNaN(f.gzipDcMedian())) {
            rows.add(row("`gzip -dc FILE > /dev/null`, same file", "n/a", "gzip could not be run"));
        } else {
            rows.add(row("`gzip -dc FILE > /dev/null`, same file", fmt("%.0f ms (CPU %.0f ms)", f.gzipDcMedian(),
                    median(f.gzipDcCpuMs())), fmt("**load / gzip -dc = %.2f× wall, %.2f× CPU** (target ≤ 1.3×)",
                    f.ratio(), f.cpuRatio())));
        }
        rows.add(row("load scan .nii (uncompressed, page cache)", fmt("%.0f ms", f.readNiiMedian()),
                fmt("%.0f MB/s", f.niiBytes() / 1e6 / (f.readNiiMedian() / 1000))));
    }

    /** Writes the phantom's prediction as one 4D float32 .nii.gz and times reading it against decompressing it. */
    private void predictionLoading(Case c, Path folder, List<String[]> rows) throws Exception {
        Path file = folder.resolve("prediction.nii.gz");
        long w0 = System.nanoTime();
        NiftiWriter.write(file, NiftiHeaders.of(c.geometry(), c.classCount(), "DiceLens bench prediction"), NiftiDatatype.FLOAT32,
                (Object[]) c.prediction().channels());
        double writeS = seconds(System.nanoTime() - w0);
        long fileBytes = Files.size(file);
        Timing load = new Timing(repeat);
        Timing inflate = new Timing(repeat);
        Timing gzip = new Timing(repeat);
        for (int r = 0; r < repeat; r++) {
            load.run(r, () -> NiftiReader.read(file, Progress.NONE));
            inflate.run(r, () -> inflateAll(file));
            double[] g = systemGzip(file);
            gzip.wall[r] = g[0];
            gzip.cpu[r] = g[1];
        }
        String ratio = Double.isNaN(gzip.wall()) ? "no gzip on PATH" : fmt("`gzip -dc` %s: load / gzip -dc = %.2f× wall, "
                + "%.2f× CPU", gzip.describe(), load.wall() / gzip.wall(), load.cpu() / gzip.cpu());
        rows.add(row("write phantom prediction .nii.gz (`NiftiWriter`, atomic)", fmt("%.2f s", writeS), "4D, "
                + c.classCount() + " channels, " + mb(fileBytes) + fmt(" (%.0f:1: phantoms are smooth)",
                4.0 * c.voxelCount() * c.classCount() / fileBytes)));
        rows.add(row("load phantom prediction .nii.gz (`NiftiReader.read`)", load.describe(), "median of " + repeat + "; "
                + ratio));
        rows.add(row("inflate the same file (JDK `GZIPInputStream`, bytes discarded)", inflate.describe(),
                fmt("load / inflate = %.2f× wall, %.2f× CPU", load.wall() / inflate.wall(), load.cpu() / inflate.cpu())));
    }

    /** Decompresses the whole file as gzip -dc does, discarding the bytes. */
    private static long inflateAll(Path file) throws IOException {
        byte[] buf = new byte[1 << 20];
        long total = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 18)) {
            for (int n; (n = in.read(buf)) > 0;) {
                total += n;
            }
        }
        return total;
    }

    /**
     * {wall, CPU} seconds of the system's {@code gzip -dc FILE > /dev/null}, the CPU (user + sys) from bash's
     * {@code time}; NaN when there is no gzip (or no bash, for the CPU).
     */
    private static double[] systemGzip(Path file) throws InterruptedException {
        try {
            long a = System.nanoTime();
            Process p = new ProcessBuilder("bash", "-c", "TIMEFORMAT='%U %S'; time gzip -dc \"$0\" > /dev/null",
                    file.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                return new double[] {Double.NaN, Double.NaN};
            }
            double wall = seconds(System.nanoTime() - a);
            String[] us = text.substring(text.lastIndexOf('\n') + 1).trim().split("\\s+");
            double cpu = us.length == 2 ? Double.parseDouble(us[0]) + Double.parseDouble(us[1]) : Double.NaN;
            return new double[] {wall, cpu};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** The metrics engineer's pass timings (`EngineBench`) on the phantom, then one build for the recompute. */
    private Engine statistics(Case c, List<String[]> rows) {
        int cores = Runtime.getRuntime().availableProcessors();
        EngineBench.PassTiming stats = EngineBench.statsPass(c, repeat);
        rows.add(row("statistics pass (histograms, `EngineBench.statsPass`)", fmt("median %.2f s, best %.2f s = **%.2f GB/s**",
                stats.median(), stats.best(), stats.gbPerSecond()), fmt("best of %d after a warm-up; %.2f GB/s per CPU "
                + "second × %d cores = %.2f GB/s on an idle machine (target ≥ 1 GB/s)", repeat, stats.gbPerCpuSecond(), cores,
                cores * stats.gbPerCpuSecond())));
        EngineBench.PassTiming logs = EngineBench.logPass(c, 1);
        rows.add(row("log pass (Σ ln p, focal, exp-log; once per load)", fmt("%.2f s (CPU %.2f s)", logs.best(),
                logs.bestCpu()), fmt("%.2f GB/s wall", logs.gbPerSecond())));
        long b0 = System.nanoTime();
        long c0 = cpuNanos();
        Engine e = Engine.build(c, Progress.NONE);
        rows.add(row("`Engine.build` (both passes: load → every number ready)", fmt("%.2f s (CPU %.2f s)",
                seconds(System.nanoTime() - b0), seconds(cpuNanos() - c0)), "once"));
        return e;
    }

    private void compose(Case c, List<String[]> rows) {
        ViewGeometry v = ViewGeometry.of(c.geometry(), ViewAxis.AXIAL);
        Settings s = Settings.defaults(c.classCount());
        OverlaySettings d = OverlaySettings.defaults(c.classCount());
        OverlaySettings o = d.withProbability(d.probability().withOn(true), d.probabilityColormap(), d.probabilityFloor())
                .withErrors(d.errors().withOn(true));
        SliceRenderer renderer = new SliceRenderer();
        int[] out = new int[v.width() * v.height()];
        int frames = 300;
        double[] ms = new double[frames];
        double[] cpu = new double[frames];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = -50; k < frames; k++) {
            int slice = Math.floorMod(v.sliceCount() / 2 + k, v.sliceCount());
            long c0 = mx.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            renderer.render(c, v, slice, s, o, SliceInputs.none(), out);
            long b = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            if (k >= 0) {
                ms[k] = (b - a) / 1e6;
                cpu[k] = (c1 - c0) / 1e6;
            }
        }
        java.util.Arrays.sort(ms);
        java.util.Arrays.sort(cpu);
        int p99 = (int) Math.ceil(0.99 * frames) - 1;
        rows.add(row("slice compose (`SliceRenderer.render`, axial " + v.width() + "×" + v.height() + ")",
                fmt("median %.2f ms, p99 %.2f ms (CPU median %.2f, p99 %.2f ms)", ms[frames / 2], ms[p99], cpu[frames / 2],
                        cpu[p99]), frames + " slices, one thread; image, reference fill, probability, errors, hard contours"));
    }

    /** Wall and process CPU seconds of repeated runs. */
    static final class Timing {
        final double[] wall;
        final double[] cpu;

        Timing(int n) {
            wall = new double[n];
            cpu = new double[n];
        }

        interface Work {
            Object run() throws Exception;
        }

        void run(int r, Work w) throws RuntimeException {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            try {
                w.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            wall[r] = seconds(System.nanoTime() - t0);
            cpu[r] = seconds(cpuNanos() - c0);
        }

        double wall() {
            return median(wall);
        }

        double cpu() {
            return median(cpu);
        }

        String describe() {
            return fmt("%.2f s (CPU %.2f s)", wall(), cpu());
        }
    }

    /** CPU time of every thread of this process (NaN-free 0 where the JVM cannot tell). */
    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(folder);
    }

    private static String[] row(String what, String figure, String detail) {
        return new String[] {what, figure, detail};
    }

    static double median(double[] a) {
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String mb(long bytes) {
        return fmt("%.1f MB", bytes / 1e6);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
