package org.dicelens.lab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.common.Progress;
import org.dicelens.lab.Evaluation;
import org.dicelens.lab.LabConfig;
import org.dicelens.lab.LabResult;
import org.dicelens.lab.VolumeBiasExperiment;
import org.dicelens.phantom.LabCase;
import org.dicelens.phantom.SyntheticLesions;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training with SameDiff on tiny phantoms (24x24x12 voxels, two lesions of radius 3 mm with a 4 mm uncertain band).
 * One class, one experiment run shared by most tests, so ND4J's start and the training are paid once.
 */
class TrainingTest {

    static final SyntheticLesions.Spec TINY = new SyntheticLesions.Spec(24, 24, 12, 1, 1, 2, 2, 3, 4, 60, 15, 0.05, 1.5);
    static final LabConfig CONFIG = new LabConfig(List.of(LabLoss.CE, LabLoss.SOFT_DICE), ModelKind.LOGISTIC, TINY, 4, 12,
            new Trainer.Options(150, 0.1), new double[] {0, 4}, 3);

    static LabResult result;
    static final List<double[]> heard = new ArrayList<>();
    static final List<LabResult.LossResult> announced = new ArrayList<>();

    @BeforeAll
    static void runTheExperimentOnce() {
        result = VolumeBiasExperiment.run(CONFIG, new VolumeBiasExperiment.Listener() {
            @Override
            public void onIteration(LabLoss loss, String model, int iteration, int of, double value) {
                heard.add(new double[] {loss.ordinal(), iteration, of, value});
            }

            @Override
            public void onResult(LabResult.LossResult r) {
                announced.add(r);
            }
        }, Progress.NONE);
    }

    @Test
    void trainingLowersTheLoss() {
        for (LabResult.LossResult r : result.losses()) {
            double[] c = r.lossCurve();
            assertEquals(CONFIG.training().iterations() + 1, c.length);
            assertTrue(r.finalLoss() < 0.8 * c[0], r.loss() + ": " + c[0] + " → " + r.finalLoss());
        }
    }

    /**
     * Cross-entropy's optimum is calibrated: on the training set a logistic model with a bias ends with Σp = R
     * (∂L/∂b = mean(p − r) = 0, to 3 % after 150 steps), and on 12 held-out phantoms the mean Σp lies within 20 % of
     * the mean Σq (the stated tolerance: a 6-feature logistic model cannot draw q's linear ramp exactly, and four
     * training phantoms carry sampling noise of their own).
     */
    @Test
    void crossEntropyVolumeIsNearTheExpectedVolume() {
        LabResult.LossResult ce = result.result(LabLoss.CE);
        assertEquals(1, ce.trainingVolumeRatio(), 0.03);
        double expected = result.expectedMl().mean();
        assertTrue(expected > 0);
        double softMl = ce.evaluation().softMl().mean();
        assertEquals(expected, softMl, 0.2 * expected, "CE Σp·v against Σq·v");
        assertEquals(softMl - expected, ce.evaluation().deltaSoftExpectedMl().mean(), 1e-9);
    }

    /** Bertels et al.: soft Dice over-estimates small uncertain structures, cross-entropy does not. */
    @Test
    void softDiceOverEstimatesAndMoreThanCrossEntropy() {
        Evaluation dice = result.result(LabLoss.SOFT_DICE).evaluation();
        Evaluation ce = result.result(LabLoss.CE).evaluation();
        double expected = result.expectedMl().mean();
        assertTrue(dice.deltaSoftExpectedMl().mean() > 0.2 * expected, "soft Dice ΔV_soft " + dice.deltaSoftExpectedMl());
        assertTrue(dice.deltaSoftExpectedMl().mean() > ce.deltaSoftExpectedMl().mean() + 0.2 * expected);
        assertTrue(dice.deltaHardExpectedMl().mean() > 0);
        assertTrue(dice.deltaSoftRefMl().mean() > ce.deltaSoftRefMl().mean());
        assertTrue(result.result(LabLoss.SOFT_DICE).trainingVolumeRatio() > 1.2, "over-estimates its own training set");
    }

    @Test
    void listenerHearsEveryIterationAndEachResult() {
        assertEquals(2 * (CONFIG.training().iterations() + 1), heard.size());
        double[] ceCurve = result.result(LabLoss.CE).lossCurve();
        for (int i = 0; i <= CONFIG.training().iterations(); i++) {
            double[] h = heard.get(i);
            assertEquals(LabLoss.CE.ordinal(), (int) h[0]);
            assertEquals(i, (int) h[1]);
            assertEquals(ceCurve[i], h[3]);
        }
        assertEquals(result.losses(), announced);
    }

    @Test
    void predictionsAreViewerReadyCases() {
        Case c = result.prediction(LabLoss.SOFT_DICE, 1);
        LabCase t = result.testCases().get(1);
        assertEquals(2, c.classCount());
        assertEquals(t.geometry(), c.geometry());
        assertArrayEquals(t.reference(), c.referenceClass());
        float[] p = result.result(LabLoss.SOFT_DICE).predictions().get(1);
        for (int i = 0; i < c.voxelCount(); i++) {
            assertEquals(p[i], c.probability(1, i));
            assertEquals(1, c.probability(0, i) + c.probability(1, i), 1e-6);
        }
        assertEquals(1, c.classes().channelOf(1));
        assertEquals(t.q()[5], result.calibratedPrediction(1).probability(1, 5));
    }

    /** The Java predictor reproduces the graph: the final CE loss of the curve from Predictor.predict on the training set. */
    @Test
    void javaPredictionMatchesTheTrainedGraph() {
        List<LabCase> train = VolumeBiasExperiment.trainingCases(CONFIG);
        Trainer.Result tr = Trainer.train(new LogisticModel(train), LabLoss.CE, train, new Trainer.Options(15, 0.1),
                TrainingListener.NONE, Progress.NONE, 0, 1);
        double sum = 0;
        long n = 0;
        for (LabCase c : train) {
            float[] p = tr.predictor().predict(c);
            for (int i = 0; i < p.length; i++) {
                double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
                sum += c.reference()[i] == 1 ? Math.log(q) : Math.log(1 - q);
                n++;
            }
        }
        assertEquals(-sum / n, tr.finalLoss(), 1e-6 * tr.finalLoss());
    }

    @Test
    void trainingIsDeterministic() {
        List<LabCase> train = VolumeBiasExperiment.trainingCases(CONFIG);
        LogisticModel m = new LogisticModel(train);
        Trainer.Result a = Trainer.train(m, LabLoss.SOFT_DICE, train, new Trainer.Options(10, 0.1), TrainingListener.NONE,
                Progress.NONE, 0, 1);
        Trainer.Result b = Trainer.train(m, LabLoss.SOFT_DICE, train, new Trainer.Options(10, 0.1), TrainingListener.NONE,
                Progress.NONE, 0, 1);
        assertArrayEquals(a.lossCurve(), b.lossCurve());
        assertEquals(a.predictor().describe(), b.predictor().describe());
    }

    /** Every loss of the sheet that the lab offers trains: 20 steps lower it. */
    @Test
    void everyLossTrains() {
        List<LabCase> train = VolumeBiasExperiment.trainingCases(CONFIG.withCases(1, 1));
        LogisticModel m = new LogisticModel(train);
        for (LabLoss loss : LabLoss.values()) {
            Trainer.Result r = Trainer.train(m, loss, train, new Trainer.Options(20, 0.1), TrainingListener.NONE,
                    Progress.NONE, 0, 1);
            assertTrue(r.finalLoss() < r.lossCurve()[0], loss + ": " + r.lossCurve()[0] + " → " + r.finalLoss());
        }
    }

    @Test
    void cancellationStopsTraining() {
        AtomicInteger updates = new AtomicInteger();
        Progress cancelAfterFive = new Progress() {
            @Override
            public void update(double fraction, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 5;
            }
        };
        List<LabCase> train = VolumeBiasExperiment.trainingCases(CONFIG.withCases(1, 1));
        assertThrows(CancellationException.class, () -> Trainer.train(new LogisticModel(train), LabLoss.CE, train,
                new Trainer.Options(1000, 0.1), TrainingListener.NONE, cancelAfterFive, 0, 1));
        assertEquals(5, updates.get());
        assertThrows(CancellationException.class, () -> VolumeBiasExperiment.run(CONFIG, VolumeBiasExperiment.Listener.NONE,
                cancelAfterFive));
    }
}
