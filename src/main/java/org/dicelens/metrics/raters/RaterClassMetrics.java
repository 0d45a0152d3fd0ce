package org.dicelens.metrics.raters;

/**
 * The numbers of one class against several raters or a soft reference (docs/FORMULAS.md, "Several raters and soft
 * references"). Component names are report keys. Volumes in mL; lists are per rater, in rater order (empty for a soft
 * reference); undefined values are NaN. Dice values whose two sides are both empty are 1, flagged.
 *
 * @param expectedMl            Σ q̂ · v, the expected reference volume
 * @param raterMl               Σ r_k · v per rater
 * @param raterMlMin            smallest rater volume (NaN without raters)
 * @param raterMlMax            largest rater volume (NaN without raters)
 * @param raterMlSd             sample standard deviation of the rater volumes (K − 1 in the denominator; NaN for K &lt; 2)
 * @param semimetricDice        (‖p‖₁ + ‖q̂‖₁ − ‖p − q̂‖₁) / (‖p‖₁ + ‖q̂‖₁): 1 for p = q̂, soft Dice on binary q̂
 * @param semimetricLoss        MONAI DiceLoss(soft_label=True): 1 − (‖p‖₁ + ‖q̂‖₁ − ‖p − q̂‖₁ + s_nr)/(‖p‖₁ + ‖q̂‖₁ + s_dr)
 * @param softDiceVsMean        classic soft Dice against q̂: 2Σpq̂ / (Σp + Σq̂)
 * @param softEmpty             Σp + Σq̂ = 0 (the two soft Dice values above are then 1)
 * @param raterDice             hard Dice of the prediction's hard mask against each rater
 * @param raterSoftDice         soft Dice of p against each rater
 * @param interRaterDice        mean hard Dice over the K(K − 1)/2 pairs of raters (NaN for K &lt; 2)
 * @param qubiq                 mean over τ = 0.1, …, 0.9 of the hard Dice between [p ≥ τ] and [q̂ ≥ τ]
 * @param qubiqEmpty            some τ had both sides empty (that τ counted 1)
 * @param consensusDice         hard Dice on the voxels where q̂ of this class is 0 or 1 (all raters agree)
 * @param consensusVoxels       how many voxels those are
 * @param deltaSoftVsExpectedMl Σp·v − Σq̂·v
 * @param deltaHardVsExpectedMl V_hard − Σq̂·v
 * @param eceVsMean             ECE with the observed frequency replaced by the mean q̂ of each bin of p
 * @param raterEce              per rater k, ECE with the observed frequency the fraction of the bin's voxels rater k marks
 */
public record RaterClassMetrics(int label, String name, double expectedMl, double[] raterMl, double raterMlMin,
        double raterMlMax, double raterMlSd, double semimetricDice, double semimetricLoss, double softDiceVsMean,
        boolean softEmpty, double[] raterDice, double[] raterSoftDice, double interRaterDice, double qubiq,
        boolean qubiqEmpty, double consensusDice, long consensusVoxels, double deltaSoftVsExpectedMl,
        double deltaHardVsExpectedMl, double eceVsMean, double[] raterEce) {
}
