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
        double meanSoft = 0;
        double meanHard = 0;
        int included = 0;
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
            double hardDice = Losses.hardDice(tp[c], fp, fn);
            softEmpty[c] = cs.p() + cs.r() == 0;
            hardEmpty[c] = 2 * tp[c] + fp + fn == 0;
            if (s.includeBackground() || c != st.backgroundChannel()) {
                meanSoft += softDice;
                meanHard += hardDice;
                included++;
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
            ClassInfo info = e.caseData().classes().get(c);
            double threshold = s.mode() == HardMode.THRESHOLD ? s.threshold(c) : s.confidenceFloor();
            out.add(new ClassMetrics(info.label(), info.name(), threshold, cs.r(), cs.p(), pred[c], cs.r() * v,
                    cs.p() * v, pred[c] * v, (cs.p() - cs.r()) * v, (pred[c] - cs.r()) * v, softDice, hardDice,
                    Losses.softJaccard(cs), Losses.hardJaccard(tp[c], fp, fn), Losses.ratio(tp[c], fp),
                    Losses.ratio(tp[c], fn), Losses.ratio(tn, fp), tp[c], fp, fn, tn, diceLoss,
                    Losses.diceSquaredLoss(cs, lp), Losses.jaccardLoss(cs, lp), Losses.tverskyLoss(cs, lp),
                    Losses.focalTverskyLoss(cs, lp), Losses.crossEntropy(n, lnPos, lnNeg),
                    Losses.weightedCrossEntropy(cs, lnPos, lnNeg, lp.wceWeightSource()),
                    Losses.sensitivitySpecificity(cs, d2Pos, d2Neg, lp.ssLambda()),
                    Losses.focal(n, focal[c][lv * 2 + 1], focal[c][lv * 2]), Losses.logCoshDice(diceLoss),
                    Losses.combo(n, lnPos, lnNeg, softDice, lp), rel.ece(), rel.brier(), gd.weights()[c],
                    gd.terms().share(c), ThresholdSweep.threshold(sp[0]) * (sp[0] < 0 ? Double.NaN : 1),
                    ThresholdSweep.threshold(sp[1]), ThresholdSweep.threshold(sp[2]), opt.k(), opt.expectedDice(),
                    opt.threshold(), opt.ml()));
        }
        double expLogValue = lp.expLogWDice() * diceTerm / nc + lp.expLogWCe() * ceTerm / n;
        return new CaseMetrics(e.caseData().name(), v, n, e.region().foregroundFraction(s.margin()),
                Engine.lower(s.mode()), List.copyOf(out), gd.loss(), gd.score(), Engine.lower(s.weightScheme()),
                Engine.lower(s.emptyRule()), included == 0 ? Double.NaN : meanSoft / included,
                included == 0 ? Double.NaN : meanHard / included, -ceMulti / n, expLogValue, softEmpty, hardEmpty,
                e.caseData().prediction().clampedCount() + st.clampedValues(), gd.terms());
    }

    static void validate(Settings s, int nc) {
        if (s.mode() == HardMode.THRESHOLD) {
            if (s.thresholdSteps() == null || s.thresholdSteps().length != nc) {
                throw new IllegalArgumentException("threshold steps need one value per class (" + nc + ")");
            }
            for (int t : s.thresholdSteps()) {
                checkStep(t, "threshold step");
            }
        }
        checkStep(s.confidenceFloorStep(), "confidence floor step");
        Reliability.checkBins(s.calibrationBins());
    }

    private static void checkStep(int t, String what) {
        if (t < 0 || t > Settings.STEPS) {
            throw new IllegalArgumentException(what + " must be in 0.." + Settings.STEPS + ", got " + t);
        }
    }
}
