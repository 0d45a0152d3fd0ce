package org.dicelens.metrics.raters;

/**
 * One pass of sums for one class against a rater reference (see {@link RaterStatistics}); every field is a plain sum
 * over the evaluated voxels, in double for the soft terms and long for counts.
 */
final class RaterSums {
    static final int TAUS = 9; // τ = 0.1, …, 0.9

    final int raters;
    long n;
    double p; // Σp
    double q; // Σq̂
    double absDiff; // Σ|p − q̂|
    double pq; // Σp·q̂
    long hard; // voxels of the prediction's hard mask
    final long[] raterVoxels; // R_k
    final long[] raterTp; // |hard ∧ r_k|
    final double[] raterP; // Σ p·r_k
    final long[][] pairs; // |r_a ∧ r_b|, a < b
    final long[] tauP = new long[TAUS]; // #[p ≥ τ]
    final long[] tauQ = new long[TAUS]; // #[q̂ ≥ τ]
    final long[] tauBoth = new long[TAUS];
    long consensus; // voxels with q̂ ∈ {0, 1}
    long consensusTp;
    long consensusFp;
    long consensusFn;
    final long[] binN;
    final double[] binP;
    final double[] binQ;
    final long[][] binRater; // [k][bin]: voxels of the bin rater k marks

    RaterSums(int raters, int bins) {
        this.raters = raters;
        raterVoxels = new long[raters];
        raterTp = new long[raters];
        raterP = new double[raters];
        pairs = new long[raters][raters];
        binN = new long[bins];
        binP = new double[bins];
        binQ = new double[bins];
        binRater = new long[raters][bins];
    }

    /**
     * Adds one voxel: probability pv (clamped), its hard-mask bit, the raters' votes (bit k = rater k marks it; 0 for a
     * soft reference), q̂, and whether q̂ ≥ τ_j for j = 1..9 ({@code qAtLeast} bit j − 1).
     */
    void add(float pv, boolean predicted, long votes, double qv, int qAtLeast) {
        n++;
        p += pv;
        q += qv;
        absDiff += Math.abs(pv - qv);
        pq += pv * qv;
        hard += predicted ? 1 : 0;
        int step = EngineHardRule.stepOf(pv);
        int bins = binN.length;
        int bin = Math.min(step / (1000 / bins), bins - 1);
        for (long bits = votes; bits != 0; bits &= bits - 1) {
            int k = Long.numberOfTrailingZeros(bits);
            raterVoxels[k]++;
            binRater[k][bin]++;
            raterP[k] += pv;
            raterTp[k] += predicted ? 1 : 0;
            for (long rest = bits & (bits - 1); rest != 0; rest &= rest - 1) {
                pairs[k][Long.numberOfTrailingZeros(rest)]++;
            }
        }
        for (int j = 0; j < TAUS; j++) {
            boolean a = step >= 100 * (j + 1);
            boolean b = (qAtLeast >> j & 1) != 0;
            tauP[j] += a ? 1 : 0;
            tauQ[j] += b ? 1 : 0;
            tauBoth[j] += a && b ? 1 : 0;
        }
        if (qv == 0 || qv == 1) {
            consensus++;
            boolean ref = qv == 1;
            consensusTp += predicted && ref ? 1 : 0;
            consensusFp += predicted && !ref ? 1 : 0;
            consensusFn += !predicted && ref ? 1 : 0;
        }
        binN[bin]++;
        binP[bin] += pv;
        binQ[bin] += qv;
    }
}
