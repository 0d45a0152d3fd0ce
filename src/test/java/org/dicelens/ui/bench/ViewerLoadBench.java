package org.dicelens.ui.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ObservableValue;

/**
 * The viewer's load of a case, headless, as a user experiences it (docs/perf/load.md; not a test): the app's view
 * model ({@code ViewerModel} with {@code AppWiring}'s reader and engine factory, results delivered on one "FX"
 * thread) opens case folder A in a fresh JVM (cold), then case folder B in the same JVM (warm). Prints, per case, the
 * ms from {@code open} to the case installed ({@code currentProperty}: read + checks + {@code Engine.build}) and to the
 * first metrics ({@code metricsProperty}: the numbers on screen), and the process CPU over that span.
 *
 * <p>Everything version-dependent is reached by reflection so that one build of this class runs against the jar of
 * a8dc5aa (CaseFiles in {@code ui.model}) and of today (CaseFiles in {@code app.cases}) alike:
 * {@code java -cp OLD_OR_NEW.jar:bench.jar org.dicelens.ui.bench.ViewerLoadBench A [B]}.
 */
public final class ViewerLoadBench {
    private ViewerLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fx");
            t.setDaemon(true);
            return t;
        });
        Object vm = onFx(fx, () -> newModel(fx));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            out.append(open(fx, vm, Path.of(args[i]), i == 0 ? "cold" : "warm"));
        }
        out.append(String.format(Locale.ROOT, "jvm-start-to-end %d ms%n", System.currentTimeMillis() - jvmStart));
        if (Boolean.getBoolean("bench.threads")) {
            out.append(threadCpu());
        }
        System.out.print(out);
        System.exit(0);
    }

    private static Object newModel(ExecutorService fx) throws Exception {
        Class<?> wiring = Class.forName("org.dicelens.ui.AppWiring");
        Object reader = wiring.getMethod("reader").invoke(null);
        Object factory = wiring.getMethod("factory").invoke(null);
        for (Constructor<?> c : Class.forName("org.dicelens.ui.model.ViewerModel").getConstructors()) {
            if (c.getParameterCount() == 3 && c.getParameterTypes()[0] == java.util.concurrent.Executor.class) {
                return c.newInstance(fx, reader, factory);
            }
        }
        throw new IllegalStateException("no ViewerModel(Executor, CaseReader, AnalysisFactory)");
    }

    private static Class<?> caseFiles() throws ClassNotFoundException {
        try {
            return Class.forName("org.dicelens.app.cases.CaseFiles");
        } catch (ClassNotFoundException e) {
            return Class.forName("org.dicelens.ui.model.CaseFiles"); // a8dc5aa
        }
    }

    /** Opens {@code folder} and waits for its first metrics; one line of figures. */
    private static String open(ExecutorService fx, Object vm, Path folder, String label) throws Exception {
        Class<?> cf = caseFiles();
        Object files = cf.getMethod("ofFolder", Path.class).invoke(null, folder);
        Method open = vm.getClass().getMethod("open", cf);
        ObservableValue<?> current = (ObservableValue<?>) vm.getClass().getMethod("currentProperty").invoke(vm);
        ObservableValue<?> metrics = (ObservableValue<?>) vm.getClass().getMethod("metricsProperty").invoke(vm);
        ObservableValue<?> problem = (ObservableValue<?>) vm.getClass().getMethod("problemProperty").invoke(vm);
        Object before = current.getValue();
        CountDownLatch done = new CountDownLatch(1);
        long[] at = new long[2];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[2];
        onFx(fx, () -> {
            current.addListener((o, was, now) -> {
                if (now != null && now != before && at[0] == 0) {
                    at[0] = System.nanoTime();
                    cpu[0] = os.getProcessCpuTime();
                }
            });
            // the first metrics of the new case: set after currentProperty (finishLoad submits them)
            metrics.addListener((o, was, now) -> {
                if (now != null && at[0] != 0 && at[1] == 0) {
                    at[1] = System.nanoTime();
                    cpu[1] = os.getProcessCpuTime();
                    done.countDown();
                }
            });
            problem.addListener((o, was, now) -> {
                if (now != null) {
                    System.err.println("problem: " + now);
                    done.countDown();
                }
            });
            return null;
        });
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        fx.submit(() -> {
            open.invoke(vm, files);
            return null;
        }).get();
        if (!done.await(10, TimeUnit.MINUTES) || at[1] == 0) {
            throw new IllegalStateException("no metrics for " + folder);
        }
        return String.format(Locale.ROOT, "%s loaded %.0f ms metrics %.0f ms cpu-loaded %.0f ms cpu-metrics %.0f ms%n",
                label, (at[0] - t0) / 1e6, (at[1] - t0) / 1e6, (cpu[0] - c0) / 1e6, (cpu[1] - c0) / 1e6);
    }

    /** CPU ms per thread group since JVM start, from /proc (10 ms ticks): where a cold load's CPU goes. */
    private static String threadCpu() throws java.io.IOException {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat = java.nio.file.Files.readString(t.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                String group = name.startsWith("C2 Compiler") ? "C2" : name.startsWith("C1 Compiler") ? "C1"
                        : name.startsWith("GC") || name.startsWith("G1") || name.equals("VM Thread") ? "GC+VM"
                        : name.startsWith("ForkJoinPool") ? "common pool" : name.startsWith("dicelens-") ? name : "other";
                byName.merge(group, ticks * 10, Long::sum);
            }
        }
        return "thread-cpu-ms " + byName + System.lineSeparator();
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(ExecutorService fx, Call<T> c) throws Exception {
        return fx.submit(c::call).get();
    }
}
