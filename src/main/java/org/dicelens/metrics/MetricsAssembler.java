package org.dicelens.metrics;

import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.volume.ClassInfo;

/** Puts every number of the sheet for one {@link Settings} into a {@link CaseMetrics}, reading only statistics. */
final class MetricsAssembler {
    private MetricsAssembler() {
    }

    static CaseMetrics assemble(Engine e, Settings s) {
        CaseStatistics st = e.statistics();
        int nc = st.classCount();
        validate(s, nc);
        int lv = e.region().levelIndex(s.margin());
        double v = e.voxelMl();
        LossParams lp = s.losses();
        LogStatistics logs = e.logs();
        double[][] focal = e.focalSums(lp.focalGamma(), Progress.NONE);
        double[][] expLog = e.expLogSums(lp.expLogGamma(), Progress.NONE);

        long n = st.voxels(lv);
        ClassSums[] sums = new ClassSums[nc];
        long[] tp = new long[nc];
        long[] pred = new long[nc];
        for (int c = 0; c < nc; c++) {
            sums[c] = e.sums(lv, c);
            long[] h = HardCounts.of(st, s, c, lv);
            tp[c] = h[0];
            pred[c] = h[1];
        }
        GeneralisedDice gd = GeneralisedDice.compute(sums, tp, pred, s, st.backgroundChannel());

        List<ClassMetrics> out = new ArrayList<>(nc);
        boolean[] softEmpty = new boolean[nc];
        boolean[] hardEmpty = new boolean[nc];
        boolean exclude = s.emptyClasses() == EmptyClasses.EXCLUDE;
        int bg = st.backgroundChannel();
        Mean all = new Mean();
        Mean fg = new Mean();
        double ceMulti = 0;
        double diceTerm = 0;
        double sumR = 0;
        for (ClassSums cs : sums) {
            sumR += cs.r();
        }
        double ceTerm = 0;
        for (int c = 0; c < nc; c++) {
            ClassSums cs = sums[c];
            long r = (long) cs.r();
            long fp = pred[c] - tp[c];
            long fn = r - tp[c];
            long tn = n - tp[c] - fp - fn;
            double softDice = Losses.softDice(cs);
            boolean absent = exclude && cs.r() == 0; // MONAI's ignore_empty: no reference, no hard Dice
            double hardDice = absent ? Double.NaN : Losses.hardDice(tp[c], fp, fn);
            softEmpty[c] = cs.p() + cs.r() == 0;
            hardEmpty[c] = 2 * tp[c] + fp + fn == 0;
            ClassInfo info = e.caseData().classes().get(c);
            if (!absent && (s.includeBackground() || c != bg)) {
                all.add(info.label(), softDice, hardDice);
            }
            if (!absent && c != bg) {
                fg.add(info.label(), softDice, hardDice);
            }
            double lnPos = logs.ln(c, lv, 1);
            double lnNeg = logs.ln(c, lv, 0);
            ceMulti += lnPos;
            double diceLoss = Losses.diceLoss(cs, lp);
            double d2Pos = logs.d2(c, lv, 1);
            double d2Neg = logs.d2(c, lv, 0);
            Reliability rel = Reliability.of(st, c, lv, s.margin(), s.calibrationBins(), d2Pos, d2Neg);
            int[] sp = e.specialSteps(c, lv);
            DiceOptimal opt = e.diceOptimal(c, s.margin());
            double dl = (2 * cs.i() + 1) / (cs.p() + cs.r() + 1);
            diceTerm += Math.pow(-Math.log(dl), lp.expLogGamma());
            if (cs.r() > 0) {
                ceTerm += Math.sqrt(sumR / cs.r()) * expLog[c][lv];
            }
            double threshold = s.mode() == HardMode.THRESHOLD ? s.threshold(c) : s.confidenceFloor();
            out.add(new ClassMetricsBuilder().label(info.label()).name(info.name()).threshold(threshold)
                    .refVoxels(cs.r()).softVoxels(cs.p()).hardVoxels(pred[c])
                    .refMl(cs.r() * v).softMl(cs.p() * v).hardMl(pred[c] * v)
                    .deltaSoftMl((cs.p() - cs.r()) * v).deltaHardMl((pred[c] - cs.r()) * v)
                    .softDice(softDice).hardDice(hardDice)
                    .softJaccard(Losses.softJaccard(cs)).hardJaccard(Losses.hardJaccard(tp[c], fp, fn))
                    .precision(Losses.ratio(tp[c], fp)).recall(Losses.ratio(tp[c], fn)).specificity(Losses.ratio(tn, fp))
                    .tp(tp[c]).fp(fp).fn(fn).tn(tn)
                    .diceLoss(diceLoss).diceSquaredLoss(Losses.diceSquaredLoss(cs, lp)).jaccardLoss(Losses.jaccardLoss(cs, lp))
                    .tverskyLoss(Losses.tverskyLoss(cs, lp)).focalTverskyLoss(Losses.focalTverskyLoss(cs, lp))
                    .ce(Losses.crossEntropy(n, lnPos, lnNeg))
                    .wce(Losses.weightedCrossEntropy(cs, lnPos, lnNeg, lp.wceWeightSource()))
                    .ss(Losses.sensitivitySpecificity(cs, d2Pos, d2Neg, lp.ssLambda()))
                    .focal(Losses.focal(n, focal[c][lv * 2 + 1], focal[c][lv * 2])).logCoshDice(Losses.logCoshDice(diceLoss))
                    .combo(Losses.combo(n, lnPos, lnNeg, softDice, lp)).ece(rel.ece()).brier(rel.brier())
                    .gdlWeight(gd.weights()[c]).gdlShare(gd.terms().share(c))
                    .tBest(ThresholdSweep.threshold(sp[0]) * (sp[0] < 0 ? Double.NaN : 1))
                    .tVol(ThresholdSweep.threshold(sp[1])).tCal(ThresholdSweep.threshold(sp[2]))
                    .diceOptimalK(opt.k()).diceOptimalExpectedDice(opt.expectedDice())
                    .diceOptimalThreshold(opt.threshold()).diceOptimalMl(opt.ml()).build());
        }
        double expLogValue = lp.expLogWDice() * diceTerm / nc + lp.expLogWCe() * ceTerm / n;
        return new CaseMetrics(e.caseData().name(), v, n, e.region().foregroundFraction(s.margin()),
                s.mode(), List.copyOf(out), gd.loss(), gd.score(), s.weightScheme(), s.emptyRule(), all.soft(), all.hard(), -ceMulti / n, expLogValue, softEmpty, hardEmpty,
                e.caseData().prediction().clampedCount() + st.clampedValues(), gd.terms(), s.emptyClasses(),
                all.labels(), fg.soft(), fg.hard(), fg.labels());
    }

    /** A mean of soft and hard Dice over the classes added, with their labels (NaN over none). */
    private static final class Mean {
        private final List<Integer> labels = new ArrayList<>();
        private double soft;
        private double hard;

        void add(int label, double softDice, double hardDice) {
            labels.add(label);
            soft += softDice;
            hard += hardDice;
        }

        double soft() {
            return labels.isEmpty() ? Double.NaN : soft / labels.size();
        }

        double hard() {
            return labels.isEmpty() ? Double.NaN : hard / labels.size();
        }

        int[] labels() {
            return labels.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    static void validate(Settings s, int nc) {
        List<SettingsCheck.Problem> problems = SettingsCheck.problems(s, nc);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("settings out of range: " + problems);
        }
    }
}
