package org.dicelens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.lab.Phantom;
import org.dicelens.lab.PhantomGenerator;
import org.dicelens.lab.PhantomPrediction;
import org.dicelens.lab.PhantomSpec;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the temporary .nii.gz (default: the system's temp).")
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

        err.println("generating a " + size + "³ " + (classes == 4 ? "brain" : "lesion") + " phantom …");
        err.flush();
        long t0 = System.nanoTime();
        PhantomSpec ps = (classes == 4 ? PhantomSpec.brain() : PhantomSpec.lesion())
                .withSize(size, size, size);
        Phantom phantom = PhantomGenerator.generate(ps);
        Case c = phantom.toCase(PhantomPrediction.OVERCONFIDENT);
        double genS = seconds(System.nanoTime() - t0);
        long bytes = 4L * c.voxelCount() * c.classCount();

        rows.addAll(loading(c, err));
        Engine engine = statistics(c, bytes, rows, err);
        recompute(engine, c, rows, err);
        compose(c, rows);

        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "DiceLens bench: %d×%d×%d, %d classes, float32 probabilities %s (phantom made in %.1f s)%n",
                size, size, size, c.classCount(), mb(bytes), genS);
        out.printf(Locale.ROOT, "Java %s, %d cores, max heap %s, load average %s%n", System.getProperty("java.version"),
                rt.availableProcessors(), mb(rt.maxMemory()), loadAverage());
        out.println("Times are medians of wall clock and of the process's CPU time (which other load on the machine does "
                + "not inflate).");
        out.println();
        out.println("| measurement | figure | detail |");
        out.println("|---|---|---|");
        for (String[] r : rows) {
            out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
        }
        out.flush();
        return 0;
    }

    /** Writes the prediction as one 4D float32 .nii.gz and times reading it against decompressing it. */
    private List<String[]> loading(Case c, PrintWriter err) throws IOException, InputException, InterruptedException {
        List<String[]> rows = new ArrayList<>();
        Path folder = dir != null ? Files.createDirectories(dir) : null;
        Path file = folder != null ? Files.createTempFile(folder, "dicelens-bench-", ".nii.gz")
                : Files.createTempFile("dicelens-bench-", ".nii.gz");
        try {
            err.println("writing " + file + " …");
            err.flush();
            long w0 = System.nanoTime();
            NiftiWriter.write(file, header4d(c.geometry(), c.classCount()), NiftiDatatype.FLOAT32,
                    (Object[]) c.prediction().channels());
            double writeS = seconds(System.nanoTime() - w0);
            long fileBytes = Files.size(file);
            err.println("timing load against decompression …");
            err.flush();
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
            rows.add(row("write .nii.gz (NiftiWriter, atomic)", fmt("%.2f s", writeS), mb(fileBytes) + " file"));
            rows.add(row("load .nii.gz (NiftiReader.read)", load.describe(), "median of " + repeat + "; " + mb(fileBytes)
                    + " → " + mb(4L * c.voxelCount() * c.classCount())));
            rows.add(row("gzip -dc equivalent (JDK GZIPInputStream to nothing)", inflate.describe(),
                    fmt("load / this = %.2f× wall, %.2f× CPU", load.wall() / inflate.wall(), load.cpu() / inflate.cpu())));
            if (!Double.isNaN(gzip.wall())) {
                rows.add(row("`gzip -dc FILE > /dev/null` (system gzip)", gzip.describe(),
                        fmt("load / this = %.2f× wall, %.2f× CPU", load.wall() / gzip.wall(), load.cpu() / gzip.cpu())));
            } else {
                rows.add(row("`gzip -dc` (system gzip)", "n/a", "no gzip on PATH"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return rows;
    }

    private static NiftiHeader header4d(Geometry g, int channels) {
        NiftiHeader h = new NiftiHeader();
        h.dim[0] = 4;
        h.dim[1] = g.nx();
        h.dim[2] = g.ny();
        h.dim[3] = g.nz();
        h.dim[4] = channels;
        for (int i = 5; i < 8; i++) {
            h.dim[i] = 1;
        }
        h.pixdim[4] = 1;
        h.xyzt_units = 2;
        h.setAffine(g.affine(), 1);
        h.descrip = "DiceLens bench prediction";
        return h;
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

    private Engine statistics(Case c, long bytes, List<String[]> rows, PrintWriter err) {
        err.println("timing the statistics pass …");
        err.flush();
        Timing t = new Timing(repeat);
        Engine[] e = new Engine[1];
        for (int r = 0; r < repeat; r++) {
            e[0] = null; // let the previous statistics go before building the next
            t.run(r, () -> e[0] = Engine.build(c, Progress.NONE));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        rows.add(row("statistics pass (Engine.build: histograms + log sums)", fmt("%s = %.2f GB/s wall", t.describe(),
                bytes / t.wall() / 1e9), fmt("median of %d; %s read; %.2f GB/s per CPU second, ×%d cores = %.2f GB/s on a "
                + "free machine", repeat, mb(bytes), bytes / t.cpu() / 1e9, cores, cores * bytes / t.cpu() / 1e9)));
        return e[0];
    }

    /** Random control changes (thresholds, weights, mode, margin among prepared levels); every metric of every class. */
    private void recompute(Engine e, Case c, List<String[]> rows, PrintWriter err) {
        err.println("timing control changes …");
        err.flush();
        int n = c.classCount();
        Settings base = Settings.defaults(n);
        int[] margins = {Settings.WHOLE_VOLUME, 0, 5, 20};
        for (int m : margins) {
            e.prepare(base.withMargin(m), Progress.NONE); // the one-off passes a new margin needs (Dice-optimal scan)
        }
        SplittableRandom rnd = new SplittableRandom(42);
        WeightScheme[] schemes = {WeightScheme.SQUARE, WeightScheme.SIMPLE, WeightScheme.UNIFORM};
        int warm = Math.min(500, changes);
        double[] ms = new double[changes];
        double sink = 0;
        for (int k = -warm; k < changes; k++) {
            int[] steps = new int[n];
            for (int ch = 0; ch < n; ch++) {
                steps[ch] = rnd.nextInt(Settings.STEPS + 1);
            }
            Settings s = base.withThresholdSteps(steps).withMargin(margins[rnd.nextInt(margins.length)])
                    .withWeights(schemes[rnd.nextInt(schemes.length)], null, base.emptyRule(), rnd.nextBoolean());
            long a = System.nanoTime();
            sink += e.evaluate(s).gdl();
            long b = System.nanoTime();
            if (k >= 0) {
                ms[k] = (b - a) / 1e6;
            }
        }
        java.util.Arrays.sort(ms);
        rows.add(row("control change → every metric of every class (Engine.evaluate)",
                fmt("median %.3f ms, p99 %.3f ms", ms[changes / 2], ms[(int) Math.min(changes - 1, Math.ceil(0.99 * changes) - 1)]),
                changes + " random changes of thresholds, margin, weights, background" + (sink == 42 ? " " : "")));
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
        for (int k = -50; k < frames; k++) {
            int slice = Math.floorMod(v.sliceCount() / 2 + k, v.sliceCount());
            long a = System.nanoTime();
            renderer.render(c, v, slice, s, o, SliceInputs.none(), out);
            long b = System.nanoTime();
            if (k >= 0) {
                ms[k] = (b - a) / 1e6;
            }
        }
        java.util.Arrays.sort(ms);
        rows.add(row("slice compose (SliceRenderer.render, axial " + v.width() + "×" + v.height() + ")",
                fmt("median %.2f ms, p99 %.2f ms", ms[frames / 2], ms[(int) Math.ceil(0.99 * frames) - 1]),
                frames + " slices; image, reference fill, probability, errors, hard contours"));
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
