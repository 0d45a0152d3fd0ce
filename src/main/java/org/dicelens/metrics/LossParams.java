package org.dicelens.metrics;

/** Loss parameters of the formula sheet; {@link #defaults()} gives the sheet's defaults. */
public record LossParams(double smoothNr, double smoothDr, double tverskyAlpha, double tverskyBeta, double focalTverskyGamma,
        WceWeightSource wceWeightSource, double ssLambda, double focalGamma, double expLogGamma, double expLogWDice,
        double expLogWCe, double comboAlpha, double comboBeta) {

    public static LossParams defaults() {
        return new LossParams(1e-5, 1e-5, 0.5, 0.5, 4.0 / 3.0, WceWeightSource.REFERENCE, 0.05, 2.0, 0.3, 0.8, 0.2, 0.5, 0.5);
    }
}
