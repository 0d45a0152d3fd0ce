package org.dicelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dicelens.common.AtomicFiles;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.lab.LabConfig;
import org.dicelens.lab.LabResult;
import org.dicelens.lab.LabTables;
import org.dicelens.lab.SamplePredictions;
import org.dicelens.lab.VolumeBiasExperiment;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.lab.training.ModelKind;
import org.dicelens.lab.training.Trainer;
import org.dicelens.phantom.LabCaseSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Runs the volume-bias experiment headless: Markdown on stdout, CSV files on request, progress on stderr. */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the volume-bias experiment headless: train one model per loss on phantoms with known "
                + "uncertainty, evaluate on held-out phantoms, print the table as Markdown.",
            "Defaults: the standard small-lesion experiment (a few minutes on 2 cores); --quick runs a small one."})
public final class LabCommand implements Callable<Integer> {

    private static final String ND4J_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.nd4j";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Small volumes, fewer cases and steps: under a minute.")
    boolean quick;

    @Option(names = "--phantom", paramLabel = "KIND", description = "Cases from the lab's 'synthetic' lesions (default: "
            + "linear uncertain band, smooth rater) or the project's phantom 'generator' (lesions in a head, logistic "
            + "band, one rater level per lesion).")
    String phantom;

    @Option(names = "--losses", split = ",", paramLabel = "LOSS",
            description = "Losses to train, comma-separated, or 'all': ce, dice, dice2, gdl, tversky, focal-tversky, wce, "
                    + "focal (default: ce,dice,gdl,tversky).")
    List<String> losses;

    @Option(names = "--model", paramLabel = "KIND", description = "Model family: logistic (default).")
    String model;

    @Option(names = "--width", paramLabel = "MM", description = "Boundary uncertainty in mm: the band's width (synthetic, "
            + "default 4) or the logistic scale (generator, default 1.5).")
    Double width;

    @Option(names = "--lesions", paramLabel = "N", description = "Lesions per phantom (sets the class imbalance).")
    Integer lesions;

    @Option(names = "--radius", paramLabel = "MM", description = "Lesion radius in mm (sets the class imbalance).")
    Double radius;

    @Option(names = "--noise", paramLabel = "SD", description = "Image noise: sd in intensity (synthetic: tissue 100, "
            + "lesion +60) or a fraction of white matter's intensity (generator).")
    Double noise;

    @Option(names = "--dims", split = "x", paramLabel = "NX", description = "Phantom size in voxels, e.g. 48x48x24.")
    int[] dims;

    @Option(names = "--train", paramLabel = "N", description = "Training phantoms.")
    Integer train;

    @Option(names = "--test", paramLabel = "N", description = "Held-out phantoms.")
    Integer test;

    @Option(names = "--iterations", paramLabel = "N", description = "Adam steps per loss (full batch).")
    Integer iterations;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate.")
    Double lr;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the phantoms (default 1).")
    Long seed;

    @Option(names = "--theory-widths", split = ",", paramLabel = "MM", description = "Band widths of the theory curve.")
    double[] theoryWidths;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write the table as CSV, and beside it FILE-theory.csv and FILE-curves.csv.")
    Path out;

    @Option(names = "--sample-predictions", paramLabel = "DIR", description = "Apply each trained model to the phantom "
            + "generator's lesion preset (the case of sample-data/lesion) and write DIR/prediction_lab_<loss>.nii.gz.")
    Path samplePredictions;

    @Option(names = "--cohort-predictions", paramLabel = "DIR", description = "Apply each trained model to the lesion "
            + "preset with each --cohort-seeds seed and write DIR/lab_<loss>/caseNN.nii.gz (NN: 01 for the first seed).")
    Path cohortPredictions;

    @Option(names = "--cohort-seeds", split = ",", paramLabel = "SEED", description = "Seeds of the cohort's lesion "
            + "phantoms (as phantom --kind lesion --seed S; default 101,…,108).")
    long[] cohortSeeds = {101, 102, 103, 104, 105, 106, 107, 108};

    @Option(names = "--no-progress", description = "Do not print progress on stderr.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException, InputException {
        LabConfig config = config();
        if (System.getProperty(ND4J_LOG_LEVEL) == null) {
            // ND4J's start-up INFO lines and its TF-import WARN lines say nothing to a user of this command
            System.setProperty(ND4J_LOG_LEVEL, "error");
        }
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        LabResult result = VolumeBiasExperiment.run(config, new VolumeBiasExperiment.Listener() {
            @Override
            public void onIteration(LabLoss loss, String m, int iteration, int of, double value) {
            }

            @Override
            public void onResult(LabResult.LossResult r) {
                if (!noProgress) {
                    err.printf(Locale.ROOT, "%s trained (%.1f s): final loss %.4f, %s%n", r.loss().label(),
                            (System.nanoTime() - t0) / 1e9, r.finalLoss(), r.parameters());
                    err.flush();
                }
            }
        }, noProgress ? Progress.NONE : new StderrProgress(err));
        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.print(LabTables.markdown(result));
        outWriter.flush();
        if (out != null) {
            AtomicFiles.writeString(out, LabTables.csv(result));
            AtomicFiles.writeString(sibling(out, "-theory"), LabTables.theoryCsv(result.theory()));
            AtomicFiles.writeString(sibling(out, "-curves"), LabTables.curvesCsv(result));
        }
        if (samplePredictions != null) {
            for (Path p : SamplePredictions.write(result, samplePredictions)) {
                err.println("wrote " + p);
            }
            err.flush();
        }
        if (cohortPredictions != null) {
            err.println("wrote " + SamplePredictions.writeCohort(result, cohortPredictions, cohortSeeds).size()
                    + " cohort predictions under " + cohortPredictions);
            err.flush();
        }
        return 0;
    }

    /** The configuration from the options: --quick or the standard run, then each option given overrides. */
    LabConfig config() {
        try {
            boolean generator = phantom != null && switch (phantom.trim().toLowerCase(Locale.ROOT)) {
                case "synthetic" -> false;
                case "generator" -> true;
                default -> throw new IllegalArgumentException("unknown phantom '" + phantom + "'; synthetic or generator");
            };
            LabConfig c = generator ? (quick ? LabConfig.generatorQuick() : LabConfig.generator())
                    : quick ? LabConfig.quick() : LabConfig.standard();
            if (losses != null) {
                List<LabLoss> l = new ArrayList<>();
                for (String s : losses) {
                    if (s.equalsIgnoreCase("all")) {
                        l.addAll(List.of(LabLoss.values()));
                    } else {
                        l.add(LabLoss.parse(s));
                    }
                }
                c = c.withLosses(l.stream().distinct().toList());
            }
            if (model != null) {
                c = c.withModel(ModelKind.parse(model));
            }
            LabCaseSource p = c.phantom();
            if (width != null) {
                p = p.withWidth(width);
            }
            if (lesions != null || radius != null) {
                p = p.withLesions(lesions != null ? lesions : p.lesionCount(), radius != null ? radius : p.lesionRadiusMm());
            }
            if (noise != null) {
                p = p.withNoise(noise);
            }
            if (dims != null) {
                if (dims.length != 3) {
                    throw new IllegalArgumentException("--dims needs three sizes, e.g. 48x48x24");
                }
                p = p.withDims(dims[0], dims[1], dims[2]);
            }
            c = c.withPhantom(p);
            if (train != null || test != null) {
                c = c.withCases(train != null ? train : c.trainCases(), test != null ? test : c.testCases());
            }
            if (iterations != null || lr != null) {
                c = c.withTraining(new Trainer.Options(iterations != null ? iterations : c.training().iterations(),
                        lr != null ? lr : c.training().learningRate()));
            }
            if (seed != null) {
                c = c.withSeed(seed);
            }
            if (theoryWidths != null) {
                c = c.withTheoryWidths(theoryWidths);
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** FILE.csv → FILE-suffix.csv in the same folder. */
    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sib = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return file.resolveSibling(sib);
    }

    /** Prints a line when the task's message changes stage or every tenth of the way. */
    private static final class StderrProgress implements Progress {
        private final PrintWriter err;
        private int lastTenth = -1;
        private String lastStage = "";

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(double fraction, String message) {
            int tenth = (int) Math.floor(fraction * 10);
            String stage = message.contains(":") ? message.substring(0, message.indexOf(':')) : message;
            if (tenth != lastTenth || !stage.equals(lastStage)) {
                err.printf(Locale.ROOT, "[%3.0f%%] %s%n", fraction * 100, message);
                err.flush();
                lastTenth = tenth;
                lastStage = stage;
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
