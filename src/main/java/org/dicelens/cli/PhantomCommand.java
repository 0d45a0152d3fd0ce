package org.dicelens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dicelens.common.InputException;
import org.dicelens.lab.TemplateLabModels;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.phantom.Phantom;
import org.dicelens.phantom.PhantomDiceOptimal;
import org.dicelens.phantom.PhantomGenerator;
import org.dicelens.phantom.PhantomKind;
import org.dicelens.phantom.PhantomPrediction;
import org.dicelens.phantom.PhantomSpec;
import org.dicelens.phantom.PhantomWriter;
import org.dicelens.phantom.TemplateSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code phantom}: generate a case whose true posterior q is known and write it as NIfTI files. */
@Command(name = "phantom", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a phantom case with known uncertainty: image.nii.gz, reference.nii.gz (one rater's sample "
            + "of q, rater 0), rater_1.nii.gz … rater_<K-1>.nii.gz with --raters K (further raters' samples, for evaluate "
            + "--raters), prediction_<kind>.nii.gz (4D probabilities), labels.txt (ITK-SNAP) and phantom.json.",
            "Options left out take the preset of --kind (brain: 96x96x64 at 1.5x1.5x2.5 mm, 6 lesions of 4 mm, width 1 mm, "
                + "seed 1; lesion: 96x96x48 at 1.5x1.5x3 mm, 12 lesions of 3.5 mm, width 1.5 mm, seed 2; both: noise 0.08, "
                + "bias 0.15, sharpness 4, 1 rater)."},
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "1:internal error", "2:bad input or usage"})
public final class PhantomCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created when missing).")
    Path out;

    @Option(names = "--kind", paramLabel = "brain|lesion", defaultValue = "brain",
            description = "brain: background, white matter, grey matter, lesion; lesion: background, lesion (default: ${DEFAULT-VALUE}).")
    String kind = "brain";

    @Option(names = "--size", paramLabel = "X,Y,Z", split = ",", description = "Grid size in voxels.")
    List<Integer> size;

    @Option(names = "--spacing", paramLabel = "SX,SY,SZ", split = ",", description = "Voxel spacing in mm (may be anisotropic).")
    List<Double> spacing;

    @Option(names = "--lesions", paramLabel = "N", description = "Number of lesions (sets the class imbalance).")
    Integer lesions;

    @Option(names = "--lesion-radius", paramLabel = "MM", description = "Mean lesion radius in mm.")
    Double lesionRadius;

    @Option(names = "--width", paramLabel = "MM",
            description = "Boundary uncertainty: q = 1/(1+exp(d/width)), d the signed distance in mm (0: sharp).")
    Double width;

    @Option(names = "--noise", paramLabel = "SD", description = "Image noise sd as a fraction of the white-matter intensity.")
    Double noise;

    @Option(names = "--bias", paramLabel = "A", description = "Bias-field amplitude in [0, 1).")
    Double bias;

    @Option(names = "--sharpness", paramLabel = "K", description = "Over-confident p ∝ q^K, under-confident p ∝ q^(1/K).")
    Double sharpness;

    @Option(names = "--raters", paramLabel = "K",
            description = "Raters to sample and write: reference.nii.gz is rater 0, rater_<r>.nii.gz the others (1 to "
                    + RaterReference.MAX_RATERS + ").")
    Integer raters;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed: the same options always give the same files.")
    Long seed;

    @Option(names = "--predictions", paramLabel = "KIND[,KIND…]", split = ",",
            defaultValue = "calibrated,overconfident,underconfident,diceoptimal",
            description = "Predictions to write (default: ${DEFAULT-VALUE}).")
    List<String> predictions = new ArrayList<>();

    @Option(names = "--from-template", paramLabel = "DIR",
            description = "Build the case on a tissue template instead (a folder with *_t1_*, *_gm_* and *_wm_* NIfTI maps on "
                + "one grid and its LICENSE): q = background 1 - gm - wm, white and grey matter, plus the lesions; "
                + "--size, --spacing, --noise and --bias do not apply.")
    Path template;

    @Option(names = "--block", paramLabel = "N", defaultValue = "2",
            description = "With --from-template: average the maps over NxNxN voxels (default: ${DEFAULT-VALUE}).")
    int block = 2;

    @Option(names = "--lab-models", paramLabel = "N", defaultValue = "0",
            description = "With --from-template: also train the lab's logistic models (cross-entropy, soft Dice) on N other "
                + "template cases and write prediction_lab_ce/dice.nii.gz (minutes; default: ${DEFAULT-VALUE}, none).")
    int labModels;

    @Override
    public Integer call() throws InputException {
        PhantomSpec s = spec();
        Set<PhantomPrediction> kinds = new LinkedHashSet<>();
        for (String p : predictions) {
            try {
                kinds.add(PhantomPrediction.parse(p));
            } catch (IllegalArgumentException e) {
                throw new InputException(null, "--predictions", e.getMessage());
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException(out, "--out", "exists and is not a folder");
        }
        Phantom p;
        List<Path> written = new ArrayList<>();
        if (template != null) {
            if (size != null || spacing != null || noise != null || bias != null) {
                throw new InputException(template, "--from-template", "the template sets the grid and the image: leave out "
                        + "--size, --spacing, --noise and --bias");
            }
            if (labModels < 0) {
                throw new InputException(null, "--lab-models", "must be 0 or more, not " + labModels);
            }
            TemplateSample.Written t = TemplateSample.write(template, block, s, out, kinds);
            List<TemplateLabModels.Outcome> lab = labModels > 0
                    ? TemplateLabModels.write(t.maps(), s, t.phantom(), labModels, out) : List.of();
            p = t.phantom();
            s = p.spec();
            written.addAll(t.files().all());
            written.addAll(t.notices());
            for (var m : lab) {
                spec.commandLine().getOut().printf(Locale.ROOT, "lab %s: lesion Σp·v %.3f mL, V_hard(0.5) %.3f mL, Σp/R on its "
                        + "training cases %.3f%n", m.loss().label(), m.softMl(), m.hardMl(), m.trainingVolumeRatio());
                written.add(m.file());
            }
        } else {
            p = PhantomGenerator.generate(s);
            written.addAll(PhantomWriter.write(p, out, kinds).all());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "phantom %s %dx%dx%d at %sx%sx%s mm, %d lesions, width %s mm, seed %d%n",
                s.kind().name().toLowerCase(Locale.ROOT), s.nx(), s.ny(), s.nz(), s.sx(), s.sy(), s.sz(), p.lesions().size(),
                s.widthMm(), s.seed());
        o.println("class\tname\texpected mL (Σq·v)\tDice-optimal mL\tDice-optimal t");
        for (int c = 0; c < p.classes().size(); c++) {
            PhantomDiceOptimal.Result r = PhantomDiceOptimal.of(p.q()[c]);
            o.printf(Locale.ROOT, "%d\t%s\t%.3f\t%.3f\t%.3f%n", p.classes().get(c).label(), p.classes().get(c).name(),
                    p.expectedVolumeMl(c), r.k() * p.geometry().voxelMl(), r.threshold());
        }
        for (Path f : written) {
            o.println("wrote " + f);
        }
        o.flush();
        return 0;
    }

    PhantomSpec spec() throws InputException {
        PhantomKind k;
        try {
            k = PhantomKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--kind", "must be brain or lesion, not '" + kind + "'");
        }
        PhantomSpec s = k == PhantomKind.BRAIN ? PhantomSpec.brain() : PhantomSpec.lesion();
        try {
            if (size != null) {
                need(size.size() == 3, "--size", "give three sizes X,Y,Z, not " + size);
                s = s.withSize(size.get(0), size.get(1), size.get(2));
            }
            if (spacing != null) {
                need(spacing.size() == 3, "--spacing", "give three spacings SX,SY,SZ, not " + spacing);
                s = s.withSpacing(spacing.get(0), spacing.get(1), spacing.get(2));
            }
            if (lesions != null || lesionRadius != null) {
                s = s.withLesions(lesions != null ? lesions : s.lesions(), lesionRadius != null ? lesionRadius : s.lesionRadiusMm());
            }
            if (width != null) {
                s = s.withWidth(width);
            }
            if (noise != null || bias != null) {
                s = s.withImage(noise != null ? noise : s.noise(), bias != null ? bias : s.bias());
            }
            if (sharpness != null) {
                s = s.withSharpness(sharpness);
            }
            if (raters != null) {
                need(raters <= RaterReference.MAX_RATERS, "--raters", "at most " + RaterReference.MAX_RATERS
                        + " raters, not " + raters);
                s = s.withRaters(raters);
            }
            if (seed != null) {
                s = s.withSeed(seed);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "options", e.getMessage());
        }
        return s;
    }

    private static void need(boolean ok, String field, String problem) throws InputException {
        if (!ok) {
            throw new InputException(null, field, problem);
        }
    }
}
