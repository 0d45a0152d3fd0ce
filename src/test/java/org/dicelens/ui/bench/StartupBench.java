package org.dicelens.ui.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.WindowEvent;
import org.dicelens.Main;
import org.dicelens.ui.DiceLensApp;
import org.dicelens.ui.model.ViewerModel;

/**
 * How long a user waits from launching the viewer to seeing the first numbers on the bundled sample case. Not a unit
 * test: run by hand (see docs/perf/startup.md). The parent spawns fresh JVMs that each start the app through
 * {@link Main#main} exactly as {@code java -jar target/dicelens.jar} does, watching it through
 * {@link DiceLensApp#setStartListener}; each child prints one line of milestones in ms since JVM start, the parent
 * prints median/min/max over the runs, then times the command line's {@code evaluate} on the same case for comparison.
 *
 * <p>Arguments: [runs] (default 5). System properties: {@code bench.cp} (the children's class path, default this
 * JVM's), {@code bench.jar} (default target/dicelens.jar), {@code bench.maxload} (wait before a run while the 1-minute
 * load average is above it, default 1.5, for at most {@code bench.maxwait} s), {@code bench.cli=false} skips the command-line runs, {@code bench.childopts}
 * adds JVM options to the children (space-separated), {@code bench.sample=true} adds the sampled breakdown.
 */
public final class StartupBench {
    /** Milestones in the order they are printed. */
    static final String[] KEYS = {"main", "fxStart", "shown", "firstPulse", "loaded", "metrics", "pulseAfterMetrics", "sweep", "perSlice", "sweepSelected", "perSliceSelected",
        "pulseAfterCurves"};
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("spawnToJvm", "process spawned → JVM start (not in the figures below)");
        LABELS.put("main", "Main.main entered");
        LABELS.put("fxStart", "JavaFX up, window built (start listener)");
        LABELS.put("shown", "(a) window shown (WINDOW_SHOWN)");
        LABELS.put("firstPulse", "first scene pulse (empty window laid out)");
        LABELS.put("loaded", "(b) case loaded (currentProperty set)");
        LABELS.put("metrics", "(c) first metrics bound (metricsProperty)");
        LABELS.put("pulseAfterMetrics", "(d) first scene pulse after (c)");
        LABELS.put("sweep", "(e) first threshold sweep (sweepProperty)");
        LABELS.put("perSlice", "(e) first per-slice strip (perSliceProperty)");
        LABELS.put("sweepSelected", "sweep of the auto-selected class");
        LABELS.put("perSliceSelected", "per-slice of the auto-selected class");
        LABELS.put("pulseAfterCurves", "first scene pulse after both of those");
        LABELS.put("cpuProcess", "CPU time of the whole process until the pulse after the curves");
        LABELS.put("cpuFx", "  of which FX thread");
        LABELS.put("cpuRender", "  of which Prism render thread (QuantumRenderer-0)");
        LABELS.put("cpuLoad", "  of which load thread (NIfTI read + Engine.build)");
        LABELS.put("cpuMetrics", "  of which metrics thread");
        LABELS.put("cpuCharts", "  of which charts thread");
        LABELS.put("cpuPerSlice", "  of which per-slice thread");
        LABELS.put("cpuMain", "  of which main thread");
        LABELS.put("cpuLauncher", "  of which JavaFX-Launcher thread");
        LABELS.put("cpuJit", "  of which JIT compiler threads (/proc, 10 ms ticks)");
        LABELS.put("cpuGc", "  of which GC threads and VM Thread (/proc, 10 ms ticks)");
        // with -Dbench.sample=true: where the FX and load threads were (stack samples every 2 ms), first…last sample
        for (String[] ph : Sampler.PHASES) {
            LABELS.put(ph[0] + "First", "[sampled] " + ph[1] + ": first");
            LABELS.put(ph[0] + "Last", "[sampled] " + ph[1] + ": last");
        }
    }

    /** Threads whose CPU time is reported, by name. */
    static final Map<String, String> CPU_KEYS = Map.of("JavaFX Application Thread", "cpuFx", "QuantumRenderer-0",
            "cpuRender", "dicelens-load", "cpuLoad", "dicelens-metrics", "cpuMetrics", "dicelens-charts", "cpuCharts",
            "dicelens-per-slice", "cpuPerSlice", "main", "cpuMain", "JavaFX-Launcher", "cpuLauncher");

    private StartupBench() {
    }

    /** Entry point for both faces: no {@code --child} → the parent that spawns the runs. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) throws Exception {
            if (args.length > 0 && args[0].equals("--child")) {
                Child.run();
            } else {
                parent(args.length > 0 ? Integer.parseInt(args[0]) : 5);
            }
        }
    }

    // ---------------------------------------------------------------- child: one launch of the real app

    /** One fresh JVM: installs the listener, then starts the app by its own start path. */
    static final class Child {
        private static long wall0;
        private static long nano0;
        private static final Map<String, Double> AT = new LinkedHashMap<>();
        private static boolean metricsSeen;
        private static boolean exiting;

        private Child() {
        }

        /** Time since main in ms (nanoTime); converted to "since JVM start" once at the end. */
        static synchronized void mark(String key) {
            AT.putIfAbsent(key, (System.nanoTime() - nano0) / 1e6);
        }

        static void run() {
            // no java.lang.management here: loading it would add to the path being measured; asked at the end
            wall0 = System.currentTimeMillis();
            nano0 = System.nanoTime();
            mark("main");
            if (Boolean.getBoolean("bench.sample")) {
                Sampler.start();
            }
            DiceLensApp.setStartListener(s -> watch(s.stage().getScene(), s.stage(), s.vm()));
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("TIMEOUT " + AT);
                System.exit(1);
            }, "startup-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            Main.main(new String[0]); // what `java -jar target/dicelens.jar` runs
        }

        private static void watch(Scene scene, javafx.stage.Stage stage, ViewerModel vm) {
            mark("fxStart");
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> mark("shown"));
            boolean[] pulseWanted = {false, false}; // after metrics, after curves
            scene.addPostLayoutPulseListener(() -> {
                mark("firstPulse");
                if (pulseWanted[0]) {
                    pulseWanted[0] = false;
                    mark("pulseAfterMetrics");
                }
                if (pulseWanted[1]) {
                    pulseWanted[1] = false;
                    mark("pulseAfterCurves");
                    finish();
                }
            });
            vm.currentProperty().addListener((o, a, c) -> {
                if (c != null) {
                    mark("loaded");
                }
            });
            // the first curves may be for class 0: the rarest class is chosen once the first metrics arrive, and its
            // curves follow; both are recorded
            Runnable curves = () -> {
                var sw = vm.sweepProperty().get();
                var ps = vm.perSliceProperty().get();
                if (sw != null) {
                    mark("sweep");
                }
                if (ps != null) {
                    mark("perSlice");
                }
                int sel = vm.selectedChannel();
                if (metricsSeen && sw != null && sw.channel() == sel) {
                    mark("sweepSelected");
                }
                if (metricsSeen && ps != null && ps.channel() == sel) {
                    mark("perSliceSelected");
                }
                if (AT.containsKey("sweepSelected") && AT.containsKey("perSliceSelected")
                        && !AT.containsKey("pulseAfterCurves")) {
                    pulseWanted[1] = true;
                    Platform.requestNextPulse();
                }
            };
            vm.metricsProperty().addListener((o, a, m) -> {
                if (m != null && !metricsSeen) {
                    metricsSeen = true;
                    mark("metrics");
                    pulseWanted[0] = true;
                    Platform.requestNextPulse();
                    Platform.runLater(curves); // after the app has chosen the class to show
                }
            });
            vm.sweepProperty().addListener(x -> curves.run());
            vm.perSliceProperty().addListener(x -> curves.run());
        }

        /**
         * CPU time (ms) of the JVM's own threads, which ThreadMXBean does not list: the JIT compilers and the garbage
         * collector, from /proc/self/task/N/stat (utime + stime, in clock ticks of 10 ms); empty off Linux.
         */
        static Map<String, Double> nativeThreadCpu() {
            Map<String, Double> out = new LinkedHashMap<>(Map.of("cpuJit", 0.0, "cpuGc", 0.0));
            File[] tasks = new File("/proc/self/task").listFiles();
            if (tasks == null) {
                return Map.of();
            }
            for (File t : tasks) {
                try {
                    String comm = Files.readString(t.toPath().resolve("comm")).trim();
                    String stat = Files.readString(t.toPath().resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // fields 14, 15 of stat
                    String key = comm.contains("Compiler") ? "cpuJit"
                            : comm.startsWith("GC ") || comm.startsWith("G1 ") || comm.startsWith("VM Thread") ? "cpuGc"
                            : null;
                    if (key != null) {
                        out.merge(key, ms, Double::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
            return out;
        }

        private static void finish() {
            if (exiting) {
                return;
            }
            exiting = true;
            var rt = java.lang.management.ManagementFactory.getRuntimeMXBean();
            double mainSinceJvm = wall0 - rt.getStartTime(); // ms, the clock of getStartTime
            StringBuilder out = new StringBuilder("RESULT");
            out.append(" jvmStartEpoch=").append(rt.getStartTime());
            AT.putAll(Sampler.results());
            for (String k : KEYS) {
                Double v = AT.get(k);
                out.append(String.format(Locale.ROOT, " %s=%.1f", k, v == null ? Double.NaN : v + mainSinceJvm));
            }
            // CPU time per thread until now: depends much less on other processes sharing the machine than wall time
            var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                String key = CPU_KEYS.get(t.getName());
                if (key != null) {
                    out.append(String.format(Locale.ROOT, " %s=%.1f", key, cpu.getThreadCpuTime(t.getId()) / 1e6));
                }
            }
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                out.append(String.format(Locale.ROOT, " cpuProcess=%.1f", os.getProcessCpuTime() / 1e6));
            }
            for (Map.Entry<String, Double> e : nativeThreadCpu().entrySet()) {
                out.append(String.format(Locale.ROOT, " %s=%.1f", e.getKey(), e.getValue()));
            }
            for (String[] ph : Sampler.PHASES) {
                for (String k : new String[] {ph[0] + "First", ph[0] + "Last"}) {
                    if (AT.containsKey(k)) {
                        out.append(String.format(Locale.ROOT, " %s=%.1f", k, AT.get(k) + mainSinceJvm));
                    }
                }
            }
            out.append(String.format(Locale.ROOT, " load=%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            System.out.println(out);
            System.out.flush();
            Platform.exit();
            System.exit(0);
        }
    }

    /**
     * A poor man's profiler for the breakdown: every 2 ms it takes the stacks of the FX thread and the load thread and
     * notes which phase each is in (the outermost matching frame), keeping the first and last sample of each phase.
     * The FX thread's progress messages cannot serve as markers: the FX thread is busy showing the window while the
     * case loads, so they arrive late and all together.
     */
    static final class Sampler {
        /** key, label, thread name, frame (class.method prefix) that marks the phase. */
        static final String[][] PHASES = {
            {"fxInit", "FX thread: toolkit start → DiceLensApp.start", "JavaFX Application Thread", "-"},
            {"build", "FX thread: building the window (DiceLensApp.build)", "JavaFX Application Thread",
                "org.dicelens.ui.DiceLensApp.build"},
            {"show", "FX thread: Stage.show (first CSS, layout)", "JavaFX Application Thread", "javafx.stage.Window.show"},
            {"pulse", "FX thread: scene pulses (CSS, layout, sync)", "JavaFX Application Thread",
                "javafx.scene.Scene$ScenePulseListener.pulse"},
            {"paint", "FX thread: slice composition (render package)", "JavaFX Application Thread", "org.dicelens.render."},
            {"read", "load thread: reading the NIfTI files (CaseLoader)", "dicelens-load",
                "org.dicelens.volume.CaseLoader.load"},
            {"stats", "load thread: Engine.build (statistics pass)", "dicelens-load", "org.dicelens.metrics.Engine.build"},
            {"evaluate", "metrics thread: first evaluate", "dicelens-metrics", "org.dicelens.ui.model.EngineAnalysis"},
        };
        private static final Map<String, Double> OUT = new LinkedHashMap<>();

        private Sampler() {
        }

        static void start() {
            Thread t = new Thread(Sampler::loop, "startup-sampler");
            t.setDaemon(true);
            t.start();
        }

        static synchronized Map<String, Double> results() {
            return new LinkedHashMap<>(OUT);
        }

        private static void loop() {
            Map<String, Thread> threads = new LinkedHashMap<>();
            while (true) {
                for (String[] ph : PHASES) {
                    if (!threads.containsKey(ph[2])) {
                        for (Thread t : Thread.getAllStackTraces().keySet()) {
                            if (t.getName().equals(ph[2])) {
                                threads.put(ph[2], t);
                            }
                        }
                    }
                }
                double now = (System.nanoTime() - Child.nano0) / 1e6;
                for (Map.Entry<String, Thread> e : threads.entrySet()) {
                    StackTraceElement[] st = e.getValue().getStackTrace();
                    String phase = null;
                    boolean started = false;
                    for (int i = st.length - 1; i >= 0 && phase == null; i--) { // outermost first
                        String f = st[i].getClassName() + "." + st[i].getMethodName();
                        started |= f.startsWith("org.dicelens.ui.DiceLensApp.start");
                        for (String[] ph : PHASES) {
                            if (ph[2].equals(e.getKey()) && !ph[3].equals("-") && f.startsWith(ph[3])) {
                                phase = ph[0];
                                break;
                            }
                        }
                    }
                    if (e.getKey().equals("JavaFX Application Thread") && !started && phase == null
                            && !OUT.containsKey("buildFirst")) {
                        phase = "fxInit";
                    }
                    if (phase != null) {
                        synchronized (Sampler.class) {
                            OUT.putIfAbsent(phase + "First", now);
                            OUT.put(phase + "Last", now);
                        }
                    }
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- parent: the runs and the table

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Waits (up to bench.maxwait seconds, default 180) until the machine is quiet enough, so another engineer's benchmark does not skew ours. */
    private static double waitQuiet() throws InterruptedException {
        double max = Double.parseDouble(System.getProperty("bench.maxload", "1.5"));
        long until = System.currentTimeMillis() + 1000L * Integer.getInteger("bench.maxwait", 180);
        double l = loadAverage();
        while (l > max && System.currentTimeMillis() < until) {
            Thread.sleep(5000);
            l = loadAverage();
        }
        return l;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void parent(int runs) throws Exception {
        String cp = System.getProperty("bench.cp", System.getProperty("java.class.path"));
        System.out.printf(Locale.ROOT, "%d cores, %s %s, DISPLAY=%s, prism.order=%s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getenv("DISPLAY"), System.getProperty("prism.order", "(default)"));
        List<Map<String, Double>> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double before = waitQuiet();
            List<String> cmd = new ArrayList<>(List.of(java(), "-cp", cp));
            String opts = System.getProperty("bench.childopts", "").trim(); // e.g. a CDS archive, for comparison
            if (!opts.isEmpty()) {
                cmd.addAll(1, List.of(opts.split("\\s+")));
            }
            cmd.addAll(List.of(StartupBench.Launcher.class.getName(), "--child"));
            for (String p : new String[] {"prism.order", "prism.verbose", "bench.sample"}) {
                if (System.getProperty(p) != null && !cmd.contains("-D" + p + "=" + System.getProperty(p))) {
                    cmd.add(1, "-D" + p + "=" + System.getProperty(p));
                }
            }
            long spawnEpoch = System.currentTimeMillis();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Map<String, Double> m = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    if (line.startsWith("RESULT")) {
                        m = parse(line);
                    } else if (line.startsWith("TIMEOUT") || line.contains("Exception")) {
                        System.out.println("  child: " + line);
                    }
                }
            }
            p.waitFor();
            double exitMs = (System.nanoTime() - t0) / 1e6;
            if (m == null) {
                System.out.println("run " + (r + 1) + ": no result (exit " + p.exitValue() + ")");
                continue;
            }
            System.out.printf(Locale.ROOT, "run %d: load before %.2f, (a) %.0f  (b) %.0f  (c) %.0f  (d) %.0f  (e) %.0f/%.0f ms"
                    + "  [spawn → child exit %.0f ms]%n", r + 1, before, m.get("shown"), m.get("loaded"),
                    m.get("metrics"), m.get("pulseAfterMetrics"), m.get("sweep"), m.get("perSlice"), exitMs);
            m.put("spawnToJvm", m.get("jvmStartEpoch") - spawnEpoch);
            results.add(m);
            Thread.sleep(3000);
        }
        table(results);
        if (!"false".equals(System.getProperty("bench.cli"))) {
            cli(runs);
        }
    }

    static Map<String, Double> parse(String line) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String kv : line.substring("RESULT".length()).trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
        }
        return m;
    }

    private static void table(List<Map<String, Double>> results) {
        if (results.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n%d launches of the viewer on sample-data/brain, ms since JVM start (CPU rows: ms of CPU time):%n",
                results.size());
        System.out.printf(Locale.ROOT, "| %-72s | %7s | %7s | %7s |%n", "milestone", "median", "min", "max");
        for (Map.Entry<String, String> e : LABELS.entrySet()) {
            if (!results.get(0).containsKey(e.getKey())) {
                continue;
            }
            double[] v = results.stream().mapToDouble(m -> m.getOrDefault(e.getKey(), Double.NaN)).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %-72s | %7.0f | %7.0f | %7.0f |%n", e.getValue(), median(v), v[0],
                    v[v.length - 1]);
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The command line on the same case: wall time from process start to exit. */
    private static void cli(int runs) throws Exception {
        String jar = System.getProperty("bench.jar", "target/dicelens.jar");
        if (!new File(jar).isFile()) {
            System.out.println("no " + jar + ": skipping the command-line runs (mvn -q -o -B package -DskipTests)");
            return;
        }
        Path out = Files.createTempFile("startup-cli", ".txt");
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            waitQuiet();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java(), "-jar", jar, "evaluate", "--reference",
                    "sample-data/brain/reference.nii.gz", "--prediction", "sample-data/brain/prediction_calibrated.nii.gz")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            int code = p.waitFor();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (code != 0) {
                System.out.println("evaluate exited with " + code + ": " + Files.readString(out));
            }
            Thread.sleep(2000);
        }
        Files.deleteIfExists(out);
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%njava -jar %s evaluate (sample-data/brain, calibrated), process start → exit: "
                + "median %.0f ms, min %.0f, max %.0f (%d runs)%n", jar, median(ms), ms[0], ms[ms.length - 1], runs);
    }
}
