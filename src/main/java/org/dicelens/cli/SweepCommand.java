package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dicelens.app.report.Csv;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.ThresholdSweep;
import org.dicelens.volume.Case;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep}: hard Dice, Jaccard, precision, recall and hard volume at every threshold step (0.001) for each class,
 * as one tidy CSV (one row per class and step) with the special thresholds as columns, so pandas can plot
 * {@code df[df.label == 1].plot(x="t", y="hardDice")} and mark {@code tBest} directly.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sweep the threshold t over [0, 1] in steps of 0.001 and write a CSV: per class and t, hard Dice, "
            + "Jaccard, precision, recall, hard volume (mL) and TP/FP/FN, with the class's reference and soft volumes and "
            + "its special thresholds t_best (best hard Dice), t_vol (hard volume nearest the reference) and t_cal "
            + "(hard volume nearest the soft volume) on every row."},
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "1:internal error", "2:bad input or usage"})
public final class SweepCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("case", "label", "name", "t", "hardDice", "hardJaccard", "precision", "recall",
            "hardMl", "tp", "fp", "fn", "refMl", "softMl", "tBest", "tVol", "tCal");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CaseOptions input = new CaseOptions();

    @Option(names = "--class", paramLabel = "LABEL", split = ",",
            description = "Only these label values (default: every class).")
    List<Integer> only;

    @Option(names = "--margin", paramLabel = "M|inf", defaultValue = "inf",
            description = "Evaluation region margin in voxels (default: ${DEFAULT-VALUE}, the whole volume).")
    String margin = "inf";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (atomically) instead of stdout.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws InputException {
        SettingsOptions so = new SettingsOptions();
        so.margin = margin;
        so.validate();
        CaseFiles in = input.inputs(null);
        if (out != null) {
            AtomicOutput.checkNotInput(out, in.inputs());
        }
        ProgressBar bar = ProgressBar.forErr(spec.commandLine().getErr(), quiet);
        Case c;
        Engine e;
        try {
            c = Backend.load(in, bar);
            e = Backend.engine(c, bar);
        } finally {
            bar.finish();
        }
        Settings s = so.toSettings(c.classes());
        List<Integer> channels = new ArrayList<>();
        if (only == null) {
            for (int ch = 0; ch < c.classCount(); ch++) {
                channels.add(ch);
            }
        } else {
            for (int label : only) {
                int ch = c.classes().channelOf(label);
                if (ch < 0) {
                    throw SettingsOptions.bad("--class", Integer.toString(label), "is not a label of this case");
                }
                channels.add(ch);
            }
        }
        Csv csv = new Csv(HEADER);
        for (int ch : channels) {
            ThresholdSweep sw = e.sweep(s, ch);
            int label = c.classes().get(ch).label();
            String name = c.classes().get(ch).name();
            for (int k = 0; k <= Settings.STEPS; k++) {
                csv.row(in.name(), label, name, ThresholdSweep.threshold(k), sw.hardDice()[k], sw.hardJaccard()[k],
                        sw.precision()[k], sw.recall()[k], sw.hardMl()[k], sw.tp()[k], sw.fp()[k], sw.fn()[k], sw.refMl(),
                        sw.softMl(), sw.tBest(), sw.tVol(), sw.tCal());
            }
        }
        if (out != null) {
            AtomicOutput.write(out, csv.toString());
        } else {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
