package org.dicelens.cli;

import java.util.List;
import java.util.Locale;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseOpener;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.PredictionKind;

/**
 * The engine as the commands use it: load a case, build the statistics, evaluate under settings. The one place where
 * the command line meets the volume and metrics packages, so every command computes through the same engine as the
 * viewer and none computes a number of its own.
 */
final class Backend {
    private Backend() {
    }

    /** Opens a case exactly as the viewer does (the application layer's {@link CaseOpener}). */
    static Case load(CaseFiles in, Progress progress) throws InputException {
        return CaseOpener.open(in, progress);
    }

    /** The case(s) as dataset.json describes them: one per region for a region model, else the one case. */
    static org.dicelens.app.cases.DatasetCases.Opened loadAll(CaseFiles in, Progress progress) throws InputException {
        return org.dicelens.app.cases.DatasetCases.open(in, progress);
    }

    static Engine engine(Case c, Progress progress) {
        return Engine.build(c, progress);
    }

    /** Every number under the settings, running the extra passes they need (focal/exp-log γ, Dice-optimal). */
    static CaseMetrics evaluate(Engine e, Settings settings, Progress progress) {
        e.prepare(settings, progress);
        return e.evaluate(settings);
    }

    static CaseMetrics evaluate(Case c, Settings settings, Progress progress) {
        return evaluate(engine(c, progress), settings, progress);
    }

    /** The same metrics under another case name (batch names come from the file pairing). */
    static CaseMetrics named(CaseMetrics m, String name) {
        if (name == null || name.equals(m.caseName())) {
            return m;
        }
        return m.withName(name);
    }

    static List<String> warnings(Case c) {
        return c.warnings() == null ? List.of() : c.warnings();
    }

    /** The --prediction-kind option's value. */
    static PredictionKind kind(String text) throws InputException {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> PredictionKind.AUTO;
            case "probabilities", "probability" -> PredictionKind.PROBABILITIES;
            case "logits-sigmoid", "sigmoid" -> PredictionKind.LOGITS_SIGMOID;
            case "logits-softmax", "softmax" -> PredictionKind.LOGITS_SOFTMAX;
            case "labels", "hard-labels" -> PredictionKind.HARD_LABELS;
            default -> throw SettingsOptions.bad("--prediction-kind", text,
                    "expected auto, probabilities, logits-sigmoid, logits-softmax or labels");
        };
    }
}
