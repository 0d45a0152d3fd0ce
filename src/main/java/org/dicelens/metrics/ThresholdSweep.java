package org.dicelens.metrics;

/**
 * One class against the rest, t = step/1000 for step 0…1000, inside one evaluation region: hard Dice, Jaccard,
 * precision, recall and hard volume, exact at every step (read from the cumulative histogram), and the special
 * thresholds. Arrays are indexed by step; callers must not modify them.
 *
 * @param bestStep argmax of hard Dice (lowest step among ties); −1 when the class has no reference voxel (t_best needs
 *                 the reference)
 * @param volStep  the step whose hard volume is nearest V_ref (lowest among ties)
 * @param calStep  the step whose hard volume is nearest V_soft (lowest among ties; needs no reference)
 */
public record ThresholdSweep(int channel, int margin, double[] hardDice, double[] hardJaccard, double[] precision,
        double[] recall, double[] hardMl, long[] tp, long[] fp, long[] fn, double refMl, double softMl, int bestStep,
        int volStep, int calStep) {

    public static final int STEPS = Settings.STEPS;

    public static double threshold(int step) {
        return step / (double) STEPS;
    }

    public double tBest() {
        return bestStep < 0 ? Double.NaN : threshold(bestStep);
    }

    public double tVol() {
        return threshold(volStep);
    }

    public double tCal() {
        return threshold(calStep);
    }

    static ThresholdSweep of(CaseStatistics st, int c, int lv, int margin, double voxelMl) {
        int n = STEPS + 1;
        double[] hd = new double[n];
        double[] hj = new double[n];
        double[] pr = new double[n];
        double[] rc = new double[n];
        double[] ml = new double[n];
        long[] tp = new long[n];
        long[] fp = new long[n];
        long[] fn = new long[n];
        long r = st.reference(c, lv);
        for (int k = 0; k < n; k++) {
            tp[k] = st.count(c, lv, 1, k);
            fp[k] = st.count(c, lv, 0, k);
            fn[k] = r - tp[k];
            hd[k] = Losses.hardDice(tp[k], fp[k], fn[k]);
            hj[k] = Losses.hardJaccard(tp[k], fp[k], fn[k]);
            pr[k] = Losses.ratio(tp[k], fp[k]);
            rc[k] = Losses.ratio(tp[k], fn[k]);
            ml[k] = (tp[k] + fp[k]) * voxelMl;
        }
        int[] special = specialSteps(st, c, lv);
        double soft = st.sumP(c, lv, 0) + st.sumP(c, lv, 1);
        return new ThresholdSweep(c, margin, hd, hj, pr, rc, ml, tp, fp, fn, r * voxelMl, soft * voxelMl, special[0],
                special[1], special[2]);
    }

    /** {bestStep, volStep, calStep} without allocating the sweep arrays (the engine caches these per region). */
    static int[] specialSteps(CaseStatistics st, int c, int lv) {
        long r = st.reference(c, lv);
        double soft = st.sumP(c, lv, 0) + st.sumP(c, lv, 1);
        int best = -1;
        double bestDice = -1;
        int vol = 0;
        double volErr = Double.POSITIVE_INFINITY;
        int cal = 0;
        double calErr = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= STEPS; k++) {
            long tp = st.count(c, lv, 1, k);
            long pred = tp + st.count(c, lv, 0, k);
            if (r > 0) {
                double d = Losses.hardDice(tp, pred - tp, r - tp);
                if (d > bestDice) {
                    bestDice = d;
                    best = k;
                }
            }
            double ev = Math.abs(pred - (double) r);
            if (ev < volErr) {
                volErr = ev;
                vol = k;
            }
            double ec = Math.abs(pred - soft);
            if (ec < calErr) {
                calErr = ec;
                cal = k;
            }
        }
        return new int[] {best, vol, cal};
    }
}
