package org.dicelens.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.common.Progress;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.lab.training.TrainableModel;
import org.dicelens.lab.training.Trainer;
import org.dicelens.lab.training.TrainingListener;
import org.dicelens.phantom.LabCase;
import org.dicelens.phantom.LabCaseSource;

/**
 * Bertels et al.'s experiment on phantoms with known uncertainty: train one model per loss on the same training
 * cases, evaluate each on the same held-out cases, and set beside them the calibrated map q and the Dice-optimal
 * segmentation of q (no training), and the theory curve. Deterministic for a given {@link LabConfig}.
 *
 * <p>Runs for seconds to minutes and starts ND4J on first use: call it off any UI thread.
 */
public final class VolumeBiasExperiment {

    /** Hears the theory curve, training iterations (the live loss curve) and each loss's result when ready. */
    public interface Listener extends TrainingListener {
        Listener NONE = (loss, model, iteration, of, value) -> {
        };

        default void onResult(LabResult.LossResult result) {
        }

        /** The theory curve, computed first (no training). */
        default void onTheory(List<DiceOptimalTheory.Point> theory) {
        }
    }

    private VolumeBiasExperiment() {
    }

    /** The part [from, to] of a progress: fractions are mapped into it, cancellation passes through. */
    static Progress slice(Progress p, double from, double to) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                p.update(from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    /** The training cases of a configuration (seeded apart from the held-out ones). */
    public static List<LabCase> trainingCases(LabConfig c) {
        return cases(c.phantom(), c.trainCases(), c.seed(), 1, "train");
    }

    /** The held-out cases of a configuration. */
    public static List<LabCase> testCases(LabConfig c) {
        return cases(c.phantom(), c.testCases(), c.seed(), 2, "test");
    }

    private static List<LabCase> cases(LabCaseSource source, int n, long seed, int stream, String prefix) {
        SplittableRandom seeds = new SplittableRandom(seed * 1_000_003L + stream);
        List<LabCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(source.generate(seeds.nextLong(), prefix + "-" + (i + 1)));
        }
        return out;
    }

    /**
     * Runs the experiment.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public static LabResult run(LabConfig config, Listener listener, Progress progress) {
        progress.update(0, "theory curve");
        // first: it needs no training, fails fast on a phantom that cannot be built, and is ready at once
        List<DiceOptimalTheory.Point> theory = DiceOptimalTheory.curve(config.phantom(), config.theoryWidthsMm(),
                config.testCases(), config.seed(), slice(progress, 0, 0.04));
        listener.onTheory(theory);
        progress.update(0.04, "generating cases");
        List<LabCase> train = trainingCases(config);
        List<LabCase> test = testCases(config);
        progress.checkCancelled();

        double[] ref = new double[test.size()];
        double[] exp = new double[test.size()];
        List<float[]> qs = new ArrayList<>();
        List<float[]> optimal = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            LabCase c = test.get(i);
            ref[i] = c.referenceVoxels() * c.geometry().voxelMl();
            exp[i] = c.expectedVoxels() * c.geometry().voxelMl();
            qs.add(c.q());
            optimal.add(DiceOptimalTheory.segmentation(c.q(), DiceOptimalTheory.of(c)));
        }
        Evaluation calibrated = Evaluation.of(test, qs);
        Evaluation diceOptimal = Evaluation.of(test, optimal);

        progress.update(0.045, "computing features");
        TrainableModel model = config.model().create(train);
        progress.update(0.05, "starting ND4J");
        Trainer.initialise();
        List<LabResult.LossResult> results = new ArrayList<>();
        int k = config.losses().size();
        for (int j = 0; j < k; j++) {
            LabLoss loss = config.losses().get(j);
            double from = 0.05 + 0.95 * j / k;
            double to = 0.05 + 0.95 * (j + 1) / k;
            Trainer.Result tr = Trainer.train(model, loss, train, config.training(), listener, progress, from, to);
            List<float[]> preds = new ArrayList<>();
            for (LabCase c : test) {
                preds.add(tr.predictor().predict(c));
            }
            LabResult.LossResult r = new LabResult.LossResult(loss, model.name(), tr.predictor(), tr.lossCurve(),
                    tr.trainingVolumeRatio(), Evaluation.of(test, preds), List.copyOf(preds));
            results.add(r);
            listener.onResult(r);
        }
        progress.update(1, "done");
        return new LabResult(config, List.copyOf(test), Stats.of(ref), Stats.of(exp), calibrated, diceOptimal,
                List.copyOf(results), theory);
    }
}
