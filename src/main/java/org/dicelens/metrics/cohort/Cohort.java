package org.dicelens.metrics.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.dicelens.metrics.Bins;
import org.dicelens.metrics.EmptyClasses;
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
    /** Per case its dense counts at the cached margin; the curves depend on the margin only, so they are cached. */
    private final CaseCounts[] counts;
    private int cachedMargin = Integer.MIN_VALUE;
    private boolean cachedExclude;
    private ClassCurves[] curves;

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
        counts = new CaseCounts[this.cases.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new CaseCounts(this.cases.get(i));
        }
    }

    public List<CohortCase> cases() {
        return cases;
    }

    /**
     * True when the cases are a region model's ({@link CohortCase#ofRegions}): the classes are regions, judged in
     * threshold mode only.
     */
    public boolean regions() {
        return cases.stream().anyMatch(CohortCase::isRegions);
    }

    /** The cohort's classes: the settings' channel order. */
    public ClassTable classTable() {
        return classes;
    }

    /** Every summary number, curve and point of every class under these settings. */
    public synchronized CohortSummary summarise(Settings s) {
        validate(s);
        boolean exclude = s.emptyClasses() == EmptyClasses.EXCLUDE;
        if (curves == null || cachedMargin != s.margin() || cachedExclude != exclude) {
            for (int i = 0; i < cases.size(); i++) {
                counts[i].moveTo(cases.get(i).levelIndex(s.margin()));
            }
            curves = new ClassCurves[classes.size()];
            for (int j = 0; j < classes.size(); j++) {
                curves[j] = sweep(j, exclude);
            }
            cachedMargin = s.margin();
            cachedExclude = exclude;
        }
        List<CohortClass> out = new ArrayList<>(classes.size());
        for (int j = 0; j < classes.size(); j++) {
            out.add(summariseClass(s, j));
        }
        return new CohortSummary(s, List.copyOf(out));
    }

    /**
     * The threshold sweep of cohort class j: per step the mean over cases of hard Dice and ΔV_hard. With {@code exclude}
     * (MONAI's ignore_empty) a case whose reference lacks the class is left out at every step.
     */
    private ClassCurves sweep(int j, boolean exclude) {
        double[] diceSum = new double[Bins.COUNT];
        double[] deltaSum = new double[Bins.COUNT];
        int[] counted = new int[Bins.COUNT];
        for (int i = 0; i < cases.size(); i++) {
            int c = channel[i][j];
            if (c < 0) {
                continue; // the case has no such class at all
            }
            double v = cases.get(i).voxelMl();
            long[] tp = counts[i].tp[c];
            long[] fp = counts[i].fp[c];
            long r = tp[0];
            if (exclude && r == 0) {
                continue;
            }
            for (int k = 0; k < Bins.COUNT; k++) {
                long pred = tp[k] + fp[k];
                long den = pred + r; // = 2TP + FP + FN
                if (den > 0) { // else absent from reference and prediction at this t: left out
                    diceSum[k] += 2.0 * tp[k] / den;
                    deltaSum[k] += (pred - r) * v;
                    counted[k]++;
                }
            }
        }
        for (int k = 0; k < Bins.COUNT; k++) {
            diceSum[k] = counted[k] == 0 ? Double.NaN : diceSum[k] / counted[k];
            deltaSum[k] = counted[k] == 0 ? Double.NaN : deltaSum[k] / counted[k];
        }
        return new ClassCurves(diceSum, deltaSum, counted);
    }

    private CohortClass summariseClass(Settings s, int j) {
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
        for (int i = 0; i < nCases; i++) {
            int c = channel[i][j];
            if (c < 0) {
                continue; // the case has no such class at all
            }
            CohortCase cc = cases.get(i);
            CaseCounts cn = counts[i];
            double v = cc.voxelMl();
            long r = cn.tp[c][0];
            double inter = cc.sumP(c, cn.level(), 1);
            double p = cc.sumP(c, cn.level(), 0) + inter;
            long ht;
            long pred;
            if (s.mode() == HardMode.THRESHOLD) {
                int k = s.thresholdSteps()[j];
                ht = cn.tp[c][k];
                pred = cn.tp[c][k] + cn.fp[c][k];
            } else {
                long[] h = cn.argmaxCounts(c, s.confidenceFloorStep());
                ht = h[0];
                pred = h[1];
            }
            if (r == 0 && (pred == 0 || s.emptyClasses() == EmptyClasses.EXCLUDE)) {
                // absent from reference and prediction, or (EXCLUDE, MONAI's ignore_empty) from the reference: left out
                continue;
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
        ClassCurves cv = curves[j];
        int best = -1;
        int zero = -1;
        for (int k = 0; k < Bins.COUNT; k++) {
            if (cv.cases()[k] > 0) {
                if (best < 0 || cv.meanHardDice()[k] > cv.meanHardDice()[best]) {
                    best = k; // strict: the lowest step among ties
                }
                if (zero < 0 || Math.abs(cv.meanDeltaHardMl()[k]) < Math.abs(cv.meanDeltaHardMl()[zero])) {
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
                best < 0 ? Double.NaN : ClassCurves.threshold(best), best < 0 ? Double.NaN : cv.meanHardDice()[best],
                zero < 0 ? Double.NaN : ClassCurves.threshold(zero), CohortStats.pearson(vSoft, vRef, n),
                CohortStats.pearson(vHard, vRef, n));
        return new CohortClass(summary, cv, List.copyOf(points));
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
        if (s.mode() == HardMode.ARGMAX && regions()) {
            throw new IllegalArgumentException("a region model's channels are independent sigmoids: threshold mode only");
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
