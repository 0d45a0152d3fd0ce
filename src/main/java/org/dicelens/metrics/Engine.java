package org.dicelens.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/**
 * The metrics engine both faces use. {@link #build} makes the passes over the voxels (statistics, then log sums);
 * after that every number of the formula sheet for any {@link Settings} is read from the statistics without touching
 * the voxels, except where a parameter sits inside a per-voxel non-linearity (focal γ, exp-log γ: one exact parallel
 * pass per new value, cached). The Dice-optimal results of every margin are computed at build (a class whose
 * candidates would exceed {@link #CANDIDATE_CAP} falls back to one scan per margin, cached). {@link #prepare} runs
 * whatever a setting still needs ahead of time off the UI thread; {@link #isPrepared} says whether {@link #evaluate}
 * will be instant. Thread-safe: caches are filled under a lock, computations run outside it.
 */
public final class Engine {
    private static final int CACHE = 32;
    /** Largest number of Dice-optimal candidates collected for one class at build (8 bytes each). */
    static final int CANDIDATE_CAP = 1 << 22;

    private final Case data;
    private final EvaluationRegion region;
    private final CaseStatistics stats;
    private final LogStatistics logs;
    private final double voxelMl;
    private final Map<Double, double[][]> focal = lru();
    private final Map<Double, double[][]> expLog = lru();
    /** [c][level], computed at build for every margin; a null row falls back to the per-margin scan, cached. */
    private final DiceOptimal[][] optimal;
    private final Map<Long, DiceOptimal> diceOptimal = new LinkedHashMap<>();
    private final Map<Long, int[]> special = new LinkedHashMap<>();

    private Engine(Case data, EvaluationRegion region, CaseStatistics stats, LogStatistics logs, DiceOptimal[][] optimal) {
        this.data = data;
        this.region = region;
        this.stats = stats;
        this.logs = logs;
        this.optimal = optimal;
        this.voxelMl = data.geometry().voxelMl();
        focal.put(logs.focalGamma(), logs.focal());
        expLog.put(logs.expLogGamma(), logs.expLog());
    }

    /**
     * The passes over the voxels: the statistics (histograms), then the log sums with the default focal and
     * exponential-logarithmic γ, which also collects the values the Dice-optimal search needs at every margin.
     *
     * @throws CancellationException when the progress is cancelled
     */
    public static Engine build(Case c, Progress progress) {
        return build(c, progress, CANDIDATE_CAP);
    }

    /** As {@link #build(Case, Progress)} with another candidate cap (tests use 0 to exercise the per-margin scans). */
    static Engine build(Case c, Progress progress, long candidateCap) {
        progress.update(0, "evaluation region");
        EvaluationRegion region = EvaluationRegion.of(c);
        CaseStatistics stats = CaseStatistics.compute(c, region, progress, 0.0, 0.3);
        int nc = stats.classCount();
        int levels = stats.levelCount();
        DiceOptimal.Plan[][] plans = new DiceOptimal.Plan[nc][levels];
        boolean[][] wanted = new boolean[nc][];
        for (int k = 0; k < nc; k++) {
            wanted[k] = new boolean[Bins.COUNT];
            for (int lv = 0; lv < levels; lv++) {
                plans[k][lv] = DiceOptimal.plan(stats, k, lv);
                if (!plans[k][lv].empty()) {
                    for (int b = plans[k][lv].lo(); b <= plans[k][lv].hi(); b++) {
                        wanted[k][b] = true;
                    }
                }
            }
            long count = 0;
            int last = levels - 1;
            for (int b = 0; b < Bins.COUNT; b++) {
                count += wanted[k][b] ? stats.predicted(k, last, b) - stats.predicted(k, last, b + 1) : 0;
            }
            if (count > candidateCap) {
                wanted[k] = null; // pathological spread: scan per margin instead, on demand
            }
        }
        LossParams d = LossParams.defaults();
        LogStatistics logs = LogStatistics.compute(c, region, true, d.focalGamma(), d.expLogGamma(), wanted, progress,
                0.3, 0.95);
        DiceOptimal[][] optimal = new DiceOptimal[nc][];
        for (int k = 0; k < nc; k++) {
            if (logs.candidates()[k] != null) {
                optimal[k] = DiceOptimal.computeAll(plans[k], logs.candidates()[k], c.geometry().voxelMl());
            }
        }
        LogStatistics kept = new LogStatistics(logs.ln(), logs.d2(), logs.focalGamma(), logs.focal(), logs.expLogGamma(),
                logs.expLog(), null);
        progress.update(1, "statistics ready");
        return new Engine(c, region, stats, kept, optimal);
    }

    /**
     * These statistics for {@code c}, a case holding this one's reference and prediction arrays and class labels (the
     * viewer adding an image or naming the classes): no pass over the voxels. Metrics then carry c's names.
     *
     * @throws IllegalArgumentException when c holds other voxels, grid or labels
     */
    public Engine withData(Case c) {
        boolean same = c.referenceClass() == data.referenceClass() && c.prediction() == data.prediction()
                && c.geometry().equals(data.geometry()) && c.classCount() == data.classCount();
        for (int k = 0; same && k < c.classCount(); k++) {
            same = c.classes().get(k).label() == data.classes().get(k).label();
        }
        if (!same) {
            throw new IllegalArgumentException("not the same reference, prediction and labels: " + c.name());
        }
        return new Engine(c, region, stats, logs, optimal);
    }

    public Case caseData() {
        return data;
    }

    public EvaluationRegion region() {
        return region;
    }

    public CaseStatistics statistics() {
        return stats;
    }

    public double voxelMl() {
        return voxelMl;
    }

    public int classCount() {
        return stats.classCount();
    }

    /** Every number of the sheet for every class under these settings. */
    public CaseMetrics evaluate(Settings s) {
        return MetricsAssembler.assemble(this, s);
    }

    /** The sums of one class inside the settings' region. */
    public ClassSums sums(Settings s, int channel) {
        return sums(region.levelIndex(s.margin()), channel);
    }

    ClassSums sums(int lv, int c) {
        double n = stats.voxels(lv);
        double i = stats.sumP(c, lv, 1);
        double p = stats.sumP(c, lv, 0) + i;
        double r = stats.reference(c, lv);
        // Σp² where r = 1 from Σ(1 − p)² = R − 2I + Σp²: no cancellation against the stored form
        double p2 = logs.d2(c, lv, 0) + (logs.d2(c, lv, 1) - r + 2 * i);
        return new ClassSums(n, i, p, r, p2, r);
    }

    /** The threshold sweep (step 0.001) of one class inside the settings' region. */
    public ThresholdSweep sweep(Settings s, int channel) {
        checkChannel(channel);
        return ThresholdSweep.of(stats, channel, region.levelIndex(s.margin()), s.margin(), voxelMl);
    }

    /** The reliability diagram (settings' bins, a divisor of 1000), ECE and Brier of one class inside the region. */
    public Reliability reliability(Settings s, int channel) {
        checkChannel(channel);
        int lv = region.levelIndex(s.margin());
        return Reliability.of(stats, channel, lv, s.margin(), s.calibrationBins(), logs.d2(channel, lv, 1),
                logs.d2(channel, lv, 0));
    }

    /** The Dice-optimal segmentation of one class inside Ω_margin (computed at build for every margin). */
    public DiceOptimal diceOptimal(int channel, int margin) {
        checkChannel(channel);
        int lv = region.levelIndex(margin);
        if (optimal[channel] != null) {
            return optimal[channel][lv];
        }
        long key = (long) channel << 32 | lv;
        synchronized (diceOptimal) {
            DiceOptimal d = diceOptimal.get(key);
            if (d != null) {
                return d;
            }
        }
        DiceOptimal d = DiceOptimal.compute(data, region, stats, channel, lv, voxelMl);
        synchronized (diceOptimal) {
            diceOptimal.put(key, d);
        }
        return d;
    }

    /** {t_best, t_vol, t_cal} as steps (t_best −1 when the class has no reference voxel), cached per class and region. */
    int[] specialSteps(int channel, int lv) {
        long key = (long) channel << 32 | lv;
        synchronized (special) {
            int[] s = special.get(key);
            if (s != null) {
                return s;
            }
        }
        int[] s = ThresholdSweep.specialSteps(stats, channel, lv);
        synchronized (special) {
            special.put(key, s);
        }
        return s;
    }

    /** Σ (1 − p_t)^γ ln q_t per (class, level, r) for this γ: one pass when γ is new. */
    public double[][] focalSums(double gamma, Progress progress) {
        return cached(focal, gamma, () -> LogStatistics.compute(data, region, false, gamma, Double.NaN, progress, 0, 1)
                .focal());
    }

    /** Σ_{ref = l} (−ln q_l)^γ per (class, level) for this γ: one pass when γ is new. */
    public double[][] expLogSums(double gamma, Progress progress) {
        return cached(expLog, gamma, () -> LogStatistics.compute(data, region, false, Double.NaN, gamma, progress, 0, 1)
                .expLog());
    }

    LogStatistics logs() {
        return logs;
    }

    /** Whether {@link #evaluate} needs no pass over the voxels for these settings. */
    public boolean isPrepared(Settings s) {
        int lv = region.levelIndex(s.margin());
        synchronized (focal) {
            if (!focal.containsKey(s.losses().focalGamma())) {
                return false;
            }
        }
        synchronized (expLog) {
            if (!expLog.containsKey(s.losses().expLogGamma())) {
                return false;
            }
        }
        synchronized (diceOptimal) {
            for (int c = 0; c < classCount(); c++) {
                if (optimal[c] == null && !diceOptimal.containsKey((long) c << 32 | lv)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Runs the passes these settings need (focal/exp-log γ, Dice-optimal scans), so {@link #evaluate} is instant. */
    public void prepare(Settings s, Progress progress) {
        focalSums(s.losses().focalGamma(), progress);
        expLogSums(s.losses().expLogGamma(), progress);
        for (int c = 0; c < classCount(); c++) {
            progress.checkCancelled();
            diceOptimal(c, s.margin());
        }
    }

    private interface Compute {
        double[][] get();
    }

    private static double[][] cached(Map<Double, double[][]> map, double key, Compute compute) {
        synchronized (map) {
            double[][] v = map.get(key);
            if (v != null) {
                return v;
            }
        }
        double[][] v = compute.get();
        synchronized (map) {
            map.put(key, v);
        }
        return v;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> e) {
                return size() > CACHE;
            }
        };
    }

    void checkChannel(int c) {
        if (c < 0 || c >= classCount()) {
            throw new IllegalArgumentException("channel " + c + " outside 0.." + (classCount() - 1));
        }
    }
}
