package org.dicelens.metrics;

/**
 * Reliability diagram of one class (one against the rest) inside one evaluation region, with equal-width bins of p:
 * bin j holds j/B &le; p &lt; (j+1)/B (the last bin also holds p = 1). B must divide 1000 so that each bin is a union of
 * the statistics' exact bins. Arrays are indexed by bin; callers must not modify them.
 *
 * @param confidence per bin, mean p (NaN for an empty bin)
 * @param observed   per bin, fraction of voxels whose reference is the class (NaN for an empty bin)
 * @param count      per bin, voxels
 * @param n          voxels in the region
 * @param ece        Σ_b (n_b/N) |observed_b − confidence_b| (empty bins contribute 0)
 * @param brier      (1/N) Σ (p − r)²
 */
public record Reliability(int channel, int margin, int bins, double[] confidence, double[] observed, long[] count, long n,
        double ece, double brier) {

    /** Checks B divides 1000 (else no exact answer exists from the statistics). */
    public static void checkBins(int bins) {
        if (bins < 1 || Settings.STEPS % bins != 0) {
            throw new IllegalArgumentException("calibration bins must divide " + Settings.STEPS + ", got " + bins);
        }
    }

    static Reliability of(CaseStatistics st, int c, int lv, int margin, int bins, double d2Pos, double d2Neg) {
        checkBins(bins);
        int width = Settings.STEPS / bins;
        double[] conf = new double[bins];
        double[] obs = new double[bins];
        long[] cnt = new long[bins];
        long n = st.voxels(lv);
        double ece = 0;
        for (int j = 0; j < bins; j++) {
            int lo = j * width;
            int hi = j == bins - 1 ? Bins.COUNT : (j + 1) * width; // exclusive; the last bin keeps p = 1
            long all = st.predicted(c, lv, lo) - st.predicted(c, lv, hi);
            long pos = st.count(c, lv, 1, lo) - st.count(c, lv, 1, hi);
            double sum = st.sumInBins(c, lv, lo, hi);
            cnt[j] = all;
            conf[j] = all == 0 ? Double.NaN : sum / all;
            obs[j] = all == 0 ? Double.NaN : pos / (double) all;
            if (all > 0) {
                ece += all / (double) n * Math.abs(obs[j] - conf[j]);
            }
        }
        double brier = Losses.brier(n, d2Pos, d2Neg);
        return new Reliability(c, margin, bins, conf, obs, cnt, n, ece, brier);
    }
}
