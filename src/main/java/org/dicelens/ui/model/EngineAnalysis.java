package org.dicelens.ui.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.dicelens.app.slices.SliceAssembly;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.CaseStatistics;
import org.dicelens.metrics.ClassSums;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.metrics.PerSliceHistogram;
import org.dicelens.metrics.PerSliceMetrics;
import org.dicelens.metrics.Reliability;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.ThresholdSweep;
import org.dicelens.metrics.voxel.VoxelMetrics;
import org.dicelens.volume.Case;

/**
 * The viewer's {@link Analysis} on the metrics engine: every call is the engine's; this class only copies its results
 * into the charts' shapes and caches the per-slice statistics (one pass per axis and margin).
 */
public final class EngineAnalysis implements Analysis {
    /** Display bins of the p histogram: 50 groups of the engine's 1,001 exact bins. */
    public static final int HISTOGRAM_BINS = 50;

    private final Engine engine;
    private final Map<Long, PerSliceHistogram> perSlice = new HashMap<>();

    private final VoxelMetrics voxels;

    public EngineAnalysis(Engine engine) {
        this.engine = engine;
        this.voxels = new VoxelMetrics(engine.caseData(), engine.region());
    }

    @Override
    public VoxelMetrics voxels() {
        return voxels;
    }

    /** The factory the app uses: {@code Engine.build} with progress and cancellation. */
    public static AnalysisFactory factory() {
        return (c, progress) -> new EngineAnalysis(Engine.build(c, progress));
    }

    @Override
    public Analysis withData(Case c) {
        return new EngineAnalysis(engine.withData(c));
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public org.dicelens.metrics.raters.RaterMetrics raters(org.dicelens.metrics.raters.RaterReference raters,
            Settings s) {
        return org.dicelens.metrics.raters.RaterStatistics.compute(raters, engine.caseData().prediction().channels(),
                engine.caseData().classes(), engine.voxelMl(), s, engine.region());
    }

    @Override
    public Case data() {
        return engine.caseData();
    }

    @Override
    public IntPredicate region(Settings s) {
        if (SliceAssembly.region(engine.region(), s) == null) {
            return null;
        }
        // Ω_m is exactly a box: handed over as one, so the views can outline it on voxel boundaries
        int[] b = engine.region().bounds(s.margin());
        return new org.dicelens.render.RegionBox(b[0], b[1], b[2], b[3], b[4], b[5]).asPredicate(data().geometry());
    }

    @Override
    public CaseMetrics evaluate(Settings s) {
        return engine.evaluate(s);
    }

    @Override
    public ClassSums sums(Settings s, int channel) {
        return engine.sums(s, channel);
    }

    @Override
    public Curves.Sweep sweep(Settings s, int channel) {
        ThresholdSweep w = engine.sweep(s, channel);
        return new Curves.Sweep(channel, w.hardDice(), w.hardJaccard(), w.hardMl());
    }

    @Override
    public Reliability reliability(Settings s, int channel) {
        return engine.reliability(s, channel);
    }

    @Override
    public Curves.Histogram histogram(Settings s, int channel) {
        CaseStatistics st = engine.statistics();
        int lv = engine.region().levelIndex(s.margin());
        long[] with = new long[HISTOGRAM_BINS];
        long[] without = new long[HISTOGRAM_BINS];
        int per = Settings.STEPS / HISTOGRAM_BINS;
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            int k0 = b * per;
            // the last display bin also holds p = 1 (engine bin 1000)
            int k1 = b == HISTOGRAM_BINS - 1 ? Settings.STEPS + 1 : k0 + per;
            with[b] = st.count(channel, lv, 1, k0) - st.count(channel, lv, 1, k1);
            without[b] = st.count(channel, lv, 0, k0) - st.count(channel, lv, 0, k1);
        }
        return new Curves.Histogram(channel, with, without);
    }

    @Override
    public Curves.PerSlice perSlice(Settings s, int channel, int axis) {
        PerSliceMetrics m = perSliceHistogram(s, axis).metrics(s);
        return new Curves.PerSlice(channel, axis, m.hardDice()[channel], m.softDice()[channel], m.refMl()[channel],
                m.softMl()[channel], m.hardMl()[channel], m.hardEmpty()[channel]);
    }

    private PerSliceHistogram perSliceHistogram(Settings s, int axis) {
        long key = ((long) s.margin() << 2) | axis;
        synchronized (perSlice) {
            PerSliceHistogram h = perSlice.get(key);
            if (h != null) {
                return h;
            }
        }
        // the region walked as a box, row by row, rather than a per-voxel test
        PerSliceHistogram h = PerSliceHistogram.build(data(), engine.region(), s.margin(), axis);
        synchronized (perSlice) {
            if (perSlice.size() > 8) {
                perSlice.clear();
            }
            perSlice.put(key, h);
        }
        return h;
    }

    @Override
    public boolean gradientSlice(Settings s, double[] weights, int channel, GradientLoss gl, boolean wrtLogit, int axis,
            int index, float[] out) {
        return SliceAssembly.gradientSlice(engine, s, weights, channel, gl,
                wrtLogit ? GradientWrt.LOGIT : GradientWrt.PROBABILITY, axis, index, out);
    }

    @Override
    public double gradientScale(Settings s, double[] weights, int channel, GradientLoss gl, boolean wrtLogit,
            double percentile) {
        return SliceAssembly.gradientScale(engine, s, weights, channel, gl,
                wrtLogit ? GradientWrt.LOGIT : GradientWrt.PROBABILITY, percentile);
    }

    /** Runs the passes these settings need ahead of time (focal/exp-log γ, Dice-optimal scans). */
    public void prepare(Settings s, Progress p) {
        engine.prepare(s, p);
    }
}
