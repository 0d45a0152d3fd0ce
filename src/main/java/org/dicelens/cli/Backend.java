package org.dicelens.cli;

import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;

/**
 * The engine as the commands use it: load a case, evaluate it under settings. One place where the command line
 * meets the volume and metrics packages, so every command computes through the same engine as the viewer.
 */
final class Backend {
    private Backend() {
    }

    static Case load(CaseInputs in, Progress progress) throws InputException {
        throw new UnsupportedOperationException("case loading is not merged yet (volume.CaseLoader)");
    }

    static CaseMetrics evaluate(Case c, Settings settings, Progress progress) throws InputException {
        throw new UnsupportedOperationException("the metrics engine is not merged yet (metrics.Engine)");
    }

    /** The same metrics under another case name (batch names come from the file pairing). */
    static CaseMetrics named(CaseMetrics m, String name) {
        if (name == null || name.equals(m.caseName())) {
            return m;
        }
        return new CaseMetrics(name, m.voxelMl(), m.regionVoxels(), m.foregroundFraction(), m.mode(), m.classes(), m.gdl(),
                m.gdlScore(), m.gdlWeights(), m.emptyRule(), m.meanSoftDice(), m.meanHardDice(), m.ceMulticlass(), m.expLog(),
                m.softDiceEmpty(), m.hardDiceEmpty(), m.clampedValues());
    }

    static List<String> warnings(Case c) {
        return c.warnings() == null ? List.of() : c.warnings();
    }
}
