package org.dicelens.lab;

import java.util.List;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.lab.training.ModelKind;
import org.dicelens.lab.training.Trainer;
import org.dicelens.phantom.GeneratorCases;
import org.dicelens.phantom.LabCaseSource;
import org.dicelens.phantom.PhantomSpec;
import org.dicelens.phantom.SyntheticLesions;

/**
 * One run of the volume-bias experiment: which losses, which model, the phantoms (their lesions set the class
 * imbalance, their boundary band the uncertainty), how many training and held-out cases, the optimiser and the seed.
 *
 * @param theoryWidthsMm boundary widths of the no-training theory curve
 */
public record LabConfig(List<LabLoss> losses, ModelKind model, LabCaseSource phantom, int trainCases, int testCases,
        Trainer.Options training, double[] theoryWidthsMm, long seed) {

    public LabConfig {
        losses = List.copyOf(losses);
        if (losses.isEmpty()) {
            throw new IllegalArgumentException("choose at least one loss");
        }
        if (trainCases < 1 || testCases < 1) {
            throw new IllegalArgumentException("at least one training and one held-out case");
        }
        theoryWidthsMm = theoryWidthsMm.clone();
    }

    /** The four losses of the issue. */
    public static final List<LabLoss> MAIN_LOSSES = List.of(LabLoss.CE, LabLoss.SOFT_DICE, LabLoss.GDL, LabLoss.TVERSKY);

    /** Small lesions with a wide uncertain band: the case where soft Dice's bias shows. */
    public static SyntheticLesions.Spec smallLesions() {
        return new SyntheticLesions.Spec(48, 48, 24, 1, 1, 2, 6, 3, 4, 60, 15, 0.1, 1.5);
    }

    /**
     * The project's phantom generator's binary lesion case, smaller than its preset (64×64×32 voxels of 1.5×1.5×3 mm,
     * 8 lesions of 3.5 mm, logistic scale 1.5 mm) so that training stays within minutes.
     */
    public static GeneratorCases generatorLesions() {
        return new GeneratorCases(PhantomSpec.lesion().withSize(64, 64, 32).withLesions(8, 3.5));
    }

    /** The full experiment on {@link #generatorLesions()}; theory widths are logistic scales. */
    public static LabConfig generator() {
        return new LabConfig(MAIN_LOSSES, ModelKind.LOGISTIC, generatorLesions(), 8, 8, new Trainer.Options(400, 0.05),
                new double[] {0, 0.5, 1, 1.5, 2, 3}, 1);
    }

    /** A small, fast version of {@link #generator()}: 48×48×24 voxels, 4 lesions, fewer cases and steps. */
    public static LabConfig generatorQuick() {
        return new LabConfig(MAIN_LOSSES, ModelKind.LOGISTIC, generatorLesions().withDims(48, 48, 24).withLesions(4, 3.5), 4,
                4, new Trainer.Options(150, 0.08), new double[] {0, 0.5, 1, 1.5, 2}, 1);
    }

    /** The full experiment (a few minutes on 2 cores). */
    public static LabConfig standard() {
        return new LabConfig(MAIN_LOSSES, ModelKind.LOGISTIC, smallLesions(), 8, 8, new Trainer.Options(400, 0.05),
                new double[] {0, 1, 2, 3, 4, 5, 6, 8}, 1);
    }

    /** A small, fast version (under a minute): smaller volumes, fewer cases and steps. */
    public static LabConfig quick() {
        return new LabConfig(MAIN_LOSSES, ModelKind.LOGISTIC, smallLesions().withDims(40, 40, 16).withLesions(4, 3), 4, 4,
                new Trainer.Options(150, 0.08), new double[] {0, 2, 4, 6}, 1);
    }

    public LabConfig withLosses(List<LabLoss> l) {
        return new LabConfig(l, model, phantom, trainCases, testCases, training, theoryWidthsMm, seed);
    }

    public LabConfig withPhantom(LabCaseSource p) {
        return new LabConfig(losses, model, p, trainCases, testCases, training, theoryWidthsMm, seed);
    }

    public LabConfig withCases(int train, int test) {
        return new LabConfig(losses, model, phantom, train, test, training, theoryWidthsMm, seed);
    }

    public LabConfig withTraining(Trainer.Options t) {
        return new LabConfig(losses, model, phantom, trainCases, testCases, t, theoryWidthsMm, seed);
    }

    public LabConfig withSeed(long s) {
        return new LabConfig(losses, model, phantom, trainCases, testCases, training, theoryWidthsMm, s);
    }

    public LabConfig withModel(ModelKind m) {
        return new LabConfig(losses, m, phantom, trainCases, testCases, training, theoryWidthsMm, seed);
    }

    public LabConfig withTheoryWidths(double[] w) {
        return new LabConfig(losses, model, phantom, trainCases, testCases, training, w, seed);
    }
}
