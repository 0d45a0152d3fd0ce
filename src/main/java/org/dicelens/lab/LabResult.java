package org.dicelens.lab;

import java.util.List;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.lab.training.Predictor;
import org.dicelens.phantom.LabCase;
import org.dicelens.volume.Case;

/**
 * The outcome of one experiment: the held-out cases, per loss the trained model's evaluation, loss curve and
 * predictions, two rows needing no training (the calibrated map p = q and the Dice-optimal segmentation of q), and
 * the theory curve.
 *
 * @param referenceMl the sampled reference volume R·v over the held-out cases
 * @param expectedMl  the expected volume Σq·v over the held-out cases
 */
public record LabResult(LabConfig config, List<LabCase> testCases, Stats referenceMl, Stats expectedMl, Evaluation calibrated,
        Evaluation diceOptimal, List<LossResult> losses, List<DiceOptimalTheory.Point> theory) {

    /**
     * One loss's trained model. {@code predictions.get(i)} is p on {@code testCases.get(i)}; trainingVolumeRatio is
     * Σp/R on the training set; the predictor applies the model to any other case.
     */
    public record LossResult(LabLoss loss, String model, Predictor predictor, double[] lossCurve, double trainingVolumeRatio,
            Evaluation evaluation, List<float[]> predictions) {
        /** The trained parameters in one line. */
        public String parameters() {
            return predictor.describe();
        }

        public double finalLoss() {
            return lossCurve[lossCurve.length - 1];
        }
    }

    public LossResult result(LabLoss loss) {
        return losses.stream().filter(r -> r.loss() == loss).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(loss.label() + " was not trained in this run"));
    }

    /**
     * A trained model's prediction on held-out case {@code testIndex} as a viewer-ready {@link Case}: the phantom's
     * image and sampled reference, channels background (1 − p) and lesion (p).
     */
    public Case prediction(LabLoss loss, int testIndex) {
        LabCase c = testCases.get(testIndex);
        return c.toCase(c.name() + " " + loss.id(), result(loss).predictions().get(testIndex));
    }

    /** Held-out case {@code testIndex} with the calibrated prediction p = q. */
    public Case calibratedPrediction(int testIndex) {
        LabCase c = testCases.get(testIndex);
        return c.toCase(c.name() + " q", c.q());
    }
}
