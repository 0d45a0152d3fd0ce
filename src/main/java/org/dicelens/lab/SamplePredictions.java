package org.dicelens.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.phantom.GeneratorCases;
import org.dicelens.phantom.LabCase;
import org.dicelens.phantom.PhantomGenerator;
import org.dicelens.phantom.PhantomSpec;
import org.dicelens.phantom.ProbabilityRounding;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;

/**
 * The lab's trained models applied to the sample small-lesion case (the phantom generator's lesion preset, the case
 * in {@code sample-data/lesion}), written beside it as {@code prediction_lab_<loss>.nii.gz}: 4D float32 (x, y, z,
 * class: background 1 − p, lesion p), as the phantom's own predictions, so the viewer offers them as alternatives.
 */
public final class SamplePredictions {

    private SamplePredictions() {
    }

    /** The sample small-lesion case as a lab case. */
    public static LabCase sampleCase() {
        return GeneratorCases.of(PhantomGenerator.generate(PhantomSpec.lesion()), "sample lesion");
    }

    /** Writes one file per trained loss of the result into {@code dir}; returns the files. */
    public static List<Path> write(LabResult result, Path dir) throws InputException {
        LabCase sample = sampleCase();
        List<Path> out = new ArrayList<>();
        for (LabResult.LossResult r : result.losses()) {
            float[] p = r.predictor().predict(sample);
            Path f = dir.resolve("prediction_lab_" + r.loss().id() + ".nii.gz");
            write(f, sample.geometry(), p, "DiceLens lab " + r.model() + " trained with " + r.loss().label());
            out.add(f);
        }
        return out;
    }

    /**
     * Writes each trained model's predictions for the lesion preset with each of {@code seeds} (the cases of
     * {@code phantom --kind lesion --seed S}) as {@code dir/lab_<loss>/caseNN.nii.gz}, NN the seed's position from 01:
     * a cohort of predictions that {@code dicelens cohort} pairs with the phantoms' references by name.
     */
    public static List<Path> writeCohort(LabResult result, Path dir, long[] seeds) throws InputException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            LabCase c = GeneratorCases.of(PhantomGenerator.generate(PhantomSpec.lesion().withSeed(seeds[i])),
                    "seed " + seeds[i]);
            for (LabResult.LossResult r : result.losses()) {
                Path f = dir.resolve("lab_" + r.loss().id()).resolve(String.format(java.util.Locale.ROOT,
                        "case%02d.nii.gz", i + 1));
                try {
                    java.nio.file.Files.createDirectories(f.getParent());
                } catch (java.io.IOException e) {
                    throw new InputException(f.getParent(), "folder", "cannot create it: " + e.getMessage(), e);
                }
                write(f, c.geometry(), r.predictor().predict(c), "DiceLens lab " + r.model() + " trained with "
                        + r.loss().label() + ", lesion phantom seed " + seeds[i]);
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Writes p as a 4D two-class probability file (background 1 − p, lesion p), both rounded by
     * {@link ProbabilityRounding#round}, p below {@link ProbabilityRounding#FLOOR} as 0.
     */
    public static void write(Path file, Geometry g, float[] p, String description) throws InputException {
        float[] bg = new float[p.length];
        float[] fg = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            float v = p[i] < ProbabilityRounding.FLOOR ? 0f : p[i];
            fg[i] = ProbabilityRounding.round(v);
            bg[i] = ProbabilityRounding.round(1f - v);
        }
        NiftiHeader h = NiftiHeaders.of(g, 2, description);
        NiftiWriter.write(file, h, NiftiDatatype.FLOAT32, bg, fg);
    }
}
