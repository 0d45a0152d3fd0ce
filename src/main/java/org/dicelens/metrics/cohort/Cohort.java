package org.dicelens.metrics.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.dicelens.metrics.Bins;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;

/**
 * A cohort: the statistics of its cases and the summary of every class under any {@link Settings}, recomputed from
 * those statistics alone (no voxel is read). The cohort's classes are the union of the cases' labels in label order;
 * settings address them by that order (channel j = the j-th cohort class), whatever each case's channel order.
 * The hard segmentation follows the settings' mode (thresholds, or argmax with its floor) and margin; the curves
 * and the cohort thresholds are threshold sweeps (one class against the rest), as the engine's sweeps are.
 * Thread-safe: {@link #summarise} may be called from any thread.
 */
public final class Cohort {
    private final List<CohortCase> cases;
    private final ClassTable classes;
    /** [case][cohort class] → the case's channel of that label, or −1. */
    private final int[][] channel;
    private int cachedMargin = Integer.MIN_VALUE;
    /** [case][cohort class] → {tp[k], fp[k]} at the cached margin, or null where the case lacks the class. */
    private long[][][][] counts;

    public Cohort(List<CohortCase> cases) {
        this.cases = List.copyOf(cases);
        TreeMap<Integer, ClassInfo> byLabel = new TreeMap<>();
        for (CohortCase c : this.cases) {
            for (ClassInfo info : c.classes()) {
                byLabel.putIfAbsent(info.label(), info);
            }
        }
        this.classes = new ClassTable(new ArrayList<>(byLabel.values()));
        channel = new int[this.cases.size()][classes.size()];
        for (int i = 0; i < this.cases.size(); i++) {
            for (int j = 0; j < classes.size(); j++) {
                channel[i][j] = this.cases.get(i).channelOf(classes.get(j).label());
            }
        }
    }

    public List<CohortCase> cases() {
        return cases;
    }

    /** The cohort's classes: the settings' channel order. */
    public ClassTable classTable() {
        return classes;
    }

    /** Every summary number, curve and point of every class under these settings. */
    public synchronized CohortSummary summarise(Settings s) {
        validate(s);
        int nCases = cases.size();
        int[] lv = new int[nCases];
        for (int i = 0; i < nCases; i++) {
            lv[i] = cases.get(i).levelIndex(s.margin());
        }
        if (counts == null || cachedMargin != s.margin()) {
            counts = new long[nCases][][][];
            for (int i = 0; i < nCases; i++) {
                counts[i] = new long[classes.size()][][];
                for (int j = 0; j < classes.size(); j++) {
                    int c = channel[i][j];
                    counts[i][j] = c < 0 ? null : cases.get(i).thresholdCounts(c, lv[i]);
                }
            }
            cachedMargin = s.margin();
        }
        List<CohortClass> out = new ArrayList<>(classes.size());
        for (int j = 0; j < classes.size(); j++) {
            out.add(summariseClass(s, j, lv));
        }
        return new CohortSummary(s, List.copyOf(out));
    }

    private CohortClass summariseClass(Settings s, int j, int[] lv) {
        int nCases = cases.size();
        List<CasePoint> points = new ArrayList<>();
        double[] soft = new double[nCases];
        double[] hard = new double[nCases];
        double[] dSoft = new double[nCases];
        double[] dHard = new double[nCases];
        double[] vRef = new double[nCases];
        double[] vSoft = new double[nCases];
        double[] vHard = new double[nCases];
        int n = 0;
        double[] diceSum = new double[Bins.COUNT];
        double[] deltaSum = new double[Bins.COUNT];
        int[] counted = new int[Bins.COUNT];
        for (int i = 0; i < nCases; i++) {
            int c = channel[i][j];
            if (c < 0) {
                continue; // the case has no such class at all
            }
            CohortCase cc = cases.get(i);
            double v = cc.voxelMl();
            long[] tp = counts[i][j][0];
            long[] fp = counts[i][j][1];
            long r = tp[0];
            sweep(tp, fp, r, v, diceSum, deltaSum, counted);
            double inter = cc.sumP(c, lv[i], 1);
            double p = cc.sumP(c, lv[i], 0) + inter;
            long ht;
            long pred;
            if (s.mode() == HardMode.THRESHOLD) {
                int k = s.thresholdSteps()[j];
                ht = tp[k];
                pred = tp[k] + fp[k];
            } else {
                long[] h = cc.argmaxCounts(c, lv[i], s.confidenceFloorStep());
                ht = h[0];
                pred = h[1];
            }
            if (r == 0 && pred == 0) {
                continue; // absent from reference and prediction: left out of this class's means
            }
            double softDice = p + r == 0 ? 1.0 : 2 * inter / (p + r);
            double hardDice = 2.0 * ht / (pred + r);
            CasePoint pt = new CasePoint(cc.name(), r * v, p * v, pred * v, (p - r) * v, (pred - r) * v, softDice,
                    hardDice);
            points.add(pt);
            soft[n] = softDice;
            hard[n] = hardDice;
            dSoft[n] = pt.deltaSoftMl();
            dHard[n] = pt.deltaHardMl();
            vRef[n] = pt.refMl();
            vSoft[n] = pt.softMl();
            vHard[n] = pt.hardMl();
            n++;
        }
        double[] meanDice = new double[Bins.COUNT];
        double[] meanDelta = new double[Bins.COUNT];
        int best = -1;
        int zero = -1;
        for (int k = 0; k < Bins.COUNT; k++) {
            meanDice[k] = counted[k] == 0 ? Double.NaN : diceSum[k] / counted[k];
            meanDelta[k] = counted[k] == 0 ? Double.NaN : deltaSum[k] / counted[k];
            if (counted[k] > 0) {
                if (best < 0 || meanDice[k] > meanDice[best]) {
                    best = k;
                }
                if (zero < 0 || Math.abs(meanDelta[k]) < Math.abs(meanDelta[zero])) {
                    zero = k;
                }
            }
        }
        double mDh = CohortStats.mean(dHard, n);
        double sdDh = CohortStats.sd(dHard, n);
        double mDs = CohortStats.mean(dSoft, n);
        double sdDs = CohortStats.sd(dSoft, n);
        double z = CohortStats.LOA_Z;
        ClassInfo info = classes.get(j);
        ClassSummary summary = new ClassSummary(info.label(), info.name(), n, CohortStats.mean(soft, n),
                CohortStats.mean(hard, n), CohortStats.sd(hard, n), CohortStats.median(hard, n), mDs, mDh, sdDh,
                mDh - z * sdDh, mDh + z * sdDh, sdDs, mDs - z * sdDs, mDs + z * sdDs,
                best < 0 ? Double.NaN : ClassCurves.threshold(best), best < 0 ? Double.NaN : meanDice[best],
                zero < 0 ? Double.NaN : ClassCurves.threshold(zero), CohortStats.pearson(vSoft, vRef, n),
                CohortStats.pearson(vHard, vRef, n));
        return new CohortClass(summary, new ClassCurves(meanDice, meanDelta, counted), List.copyOf(points));
    }

    /** Adds one case's hard Dice and ΔV_hard at every step to the running sums (where the class is present at t). */
    private static void sweep(long[] tp, long[] fp, long r, double v, double[] diceSum, double[] deltaSum, int[] counted) {
        for (int k = 0; k < Bins.COUNT; k++) {
            long pred = tp[k] + fp[k];
            long den = pred + r; // = 2TP + FP + FN
            if (den > 0) {
                diceSum[k] += 2.0 * tp[k] / den;
                deltaSum[k] += (pred - r) * v;
                counted[k]++;
            }
        }
    }

    private void validate(Settings s) {
        int nc = classes.size();
        if (s.mode() == HardMode.THRESHOLD) {
            if (s.thresholdSteps() == null || s.thresholdSteps().length != nc) {
                throw new IllegalArgumentException("threshold steps need one value per cohort class (" + nc + ")");
            }
            for (int t : s.thresholdSteps()) {
                checkStep(t, "threshold step");
            }
        }
        checkStep(s.confidenceFloorStep(), "confidence floor step");
        if (s.margin() < 0 && s.margin() != Settings.WHOLE_VOLUME) {
            throw new IllegalArgumentException("margin must be >= 0 or Settings.WHOLE_VOLUME, got " + s.margin());
        }
    }

    private static void checkStep(int t, String what) {
        if (t < 0 || t > Settings.STEPS) {
            throw new IllegalArgumentException(what + " must be in 0.." + Settings.STEPS + ", got " + t);
        }
    }

    @Override
    public String toString() {
        return "Cohort[" + cases.size() + " cases, classes " + Arrays.toString(classes.all().stream()
                .mapToInt(ClassInfo::label).toArray()) + "]";
    }
}
