package org.dicelens.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.lab.training.LogisticModel;
import org.dicelens.lab.training.ModelKind;
import org.dicelens.lab.training.TrainableModel;
import org.dicelens.lab.training.Trainer;
import org.dicelens.lab.training.TrainingListener;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.phantom.GeneratorCases;
import org.dicelens.phantom.LabCase;
import org.dicelens.phantom.Phantom;
import org.dicelens.phantom.PhantomSpec;
import org.dicelens.phantom.ProbabilityRounding;
import org.dicelens.phantom.TemplateBrain;
import org.dicelens.phantom.TemplateMaps;
import org.dicelens.volume.NiftiHeaders;

/**
 * The lab's models for a template case: logistic regression on local image features ({@link LogisticModel}), one per
 * loss (cross-entropy and soft Dice), trained on other cases of the same template with other lesions (seeds
 * 1001, 1002, …; rater 0 of each as the reference, as {@link GeneratorCases} does), then applied to the sample's case
 * and written as {@code prediction_lab_<loss>.nii.gz} with the case's four channels, so the viewer can show it against
 * the four-class reference: lesion p from the model, and the rest 1 − p split between background, white and grey
 * matter as q splits it outside lesions (the model says nothing about tissue). Values rounded as
 * {@link ProbabilityRounding} rounds them.
 */
public final class TemplateLabModels {
    static final long FIRST_TRAINING_SEED = 1001;
    static final Trainer.Options TRAINING = new Trainer.Options(400, 0.05);

    /** One trained model's numbers on the sample case. */
    public record Outcome(LabLoss loss, Path file, double softMl, double hardMl, double trainingVolumeRatio) {
    }

    private TemplateLabModels() {
    }

    public static List<Outcome> write(TemplateMaps maps, PhantomSpec spec, Phantom sample, int trainCases, Path out)
            throws InputException {
        List<LabCase> train = new ArrayList<>();
        for (int i = 0; i < trainCases; i++) {
            train.add(GeneratorCases.of(TemplateBrain.generate(maps, spec.withSeed(FIRST_TRAINING_SEED + i)), "train " + i));
        }
        LabCase target = GeneratorCases.of(sample, "sample");
        TrainableModel model = ModelKind.LOGISTIC.create(train);
        List<Outcome> outcomes = new ArrayList<>();
        for (LabLoss loss : List.of(LabLoss.CE, LabLoss.SOFT_DICE)) {
            Trainer.Result r = Trainer.train(model, loss, train, TRAINING, TrainingListener.NONE, Progress.NONE, 0, 1);
            float[] p = r.predictor().predict(target);
            Path f = out.resolve("prediction_lab_" + loss.id() + ".nii.gz");
            writeFourClass(f, sample, p, "DiceLens lab " + model.name() + " trained with " + loss.label());
            double soft = 0;
            long hard = 0;
            for (float v : p) {
                soft += v;
                hard += v >= 0.5f ? 1 : 0;
            }
            double ml = target.geometry().voxelMl();
            outcomes.add(new Outcome(loss, f, soft * ml, hard * ml, r.trainingVolumeRatio()));
        }
        return outcomes;
    }

    private static void writeFourClass(Path f, Phantom sample, float[] lesion, String description) throws InputException {
        float[][] q = sample.q();
        int n = lesion.length;
        float[][] out = new float[4][n];
        for (int i = 0; i < n; i++) {
            float p = lesion[i] < ProbabilityRounding.FLOOR ? 0f : lesion[i];
            double rest = 1 - q[3][i];
            for (int c = 0; c < 3; c++) {
                // the tissue split of q without its lesion; where q is all lesion, white matter (lesions lie in it)
                double share = rest > 0 ? q[c][i] / rest : c == 1 ? 1 : 0;
                out[c][i] = ProbabilityRounding.round((float) ((1 - p) * share));
            }
            out[3][i] = ProbabilityRounding.round(p);
        }
        NiftiWriter.write(f, NiftiHeaders.of(sample.geometry(), 4, description), NiftiDatatype.FLOAT32, (Object[]) out);
    }
}
