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
        out.printf(Locale.ROOT, "Java %s, %d cores, max heap %s%n%n", System.getProperty("java.version"),
                rt.availableProcessors(), mb(rt.maxMemory()));
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
            double[] load = new double[repeat];
            double[] inflate = new double[repeat];
            double[] gzip = new double[repeat];
            boolean haveGzip = true;
            for (int r = 0; r < repeat; r++) {
                long a = System.nanoTime();
                NiftiReader.read(file, Progress.NONE);
                load[r] = seconds(System.nanoTime() - a);
                long b = System.nanoTime();
                inflateAll(file);
                inflate[r] = seconds(System.nanoTime() - b);
                gzip[r] = haveGzip ? systemGzip(file) : Double.NaN;
                haveGzip = !Double.isNaN(gzip[r]);
            }
            double l = median(load);
            double i = median(inflate);
            double g = median(gzip);
            rows.add(row("write .nii.gz (NiftiWriter, atomic)", fmt("%.2f s", writeS), mb(fileBytes) + " file"));
            rows.add(row("load .nii.gz (NiftiReader.read)", fmt("%.2f s", l), "median of " + repeat + "; "
                    + mb(fileBytes) + " → " + mb(4L * c.voxelCount() * c.classCount())));
            rows.add(row("gzip -dc equivalent (JDK GZIPInputStream to nothing)", fmt("%.2f s", i), fmt("load / this = %.2f×",
                    l / i)));
            if (!Double.isNaN(g)) {
                rows.add(row("`gzip -dc FILE > /dev/null` (system gzip)", fmt("%.2f s", g), fmt("load / this = %.2f×", l / g)));
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

    /** Seconds for the system's {@code gzip -dc FILE > /dev/null}, or NaN when there is no gzip. */
    private static double systemGzip(Path file) throws InterruptedException {
        try {
            long a = System.nanoTime();
            Process p = new ProcessBuilder("gzip", "-dc", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Double.NaN;
            }
            return seconds(System.nanoTime() - a);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private Engine statistics(Case c, long bytes, List<String[]> rows, PrintWriter err) {
        err.println("timing the statistics pass …");
        err.flush();
        double[] t = new double[repeat];
        Engine e = null;
        for (int r = 0; r < repeat; r++) {
            e = null; // let the previous statistics go before building the next
            long a = System.nanoTime();
            e = Engine.build(c, Progress.NONE);
            t[r] = seconds(System.nanoTime() - a);
        }
        double s = median(t);
        rows.add(row("statistics pass (Engine.build: histograms + log sums)", fmt("%.2f s = %.2f GB/s", s, bytes / s / 1e9),
                "median of " + repeat + "; " + mb(bytes) + " of probabilities read"));
        return e;
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
