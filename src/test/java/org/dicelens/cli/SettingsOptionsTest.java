package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dicelens.common.InputException;
import org.dicelens.metrics.EmptyRule;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.WceWeightSource;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.volume.ClassTable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options become Settings: thresholds and weights given by label value land on the right channel. */
class SettingsOptionsTest {
    /** BraTS-like labels 0/1/2/4: channel c holds label {0,1,2,4}[c]. */
    private static final ClassTable BRATS = ClassTable.forLabels(0, 1, 2, 4);

    private static Settings parse(String... args) throws InputException {
        EvaluateCommand cmd = new EvaluateCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.settings.toSettings(BRATS);
    }

    @Test
    void defaultsAreTheFormulaSheets() throws Exception {
        Settings s = parse();
        assertEquals(HardMode.THRESHOLD, s.mode());
        assertArrayEquals(new int[] {500, 500, 500, 500}, s.thresholdSteps());
        assertEquals(Settings.WHOLE_VOLUME, s.margin());
        assertEquals(WeightScheme.SQUARE, s.weightScheme());
        assertEquals(EmptyRule.MAX, s.emptyRule());
        assertTrue(s.includeBackground());
        assertEquals(10, s.calibrationBins());
        assertEquals(0, s.confidenceFloorStep());
        // the sheet: s_nr = s_dr = 1e-5, α = β = 0.5, γ_FT = 4/3, λ = 0.05, γ_focal = 2, exp-log 0.3/0.8/0.2, combo 0.5/0.5
        assertEquals(new LossParams(1e-5, 1e-5, 0.5, 0.5, 4.0 / 3.0, WceWeightSource.REFERENCE, 0.05, 2, 0.3, 0.8, 0.2, 0.5, 0.5),
                s.losses());
    }

    @Test
    void perLabelThresholdsGoToTheChannelOfThatLabel() throws Exception {
        Settings s = parse("--threshold", "0.3", "--thresholds", "4=0.7,1=0.45");
        assertArrayEquals(new int[] {300, 450, 300, 700}, s.thresholdSteps());
    }

    @Test
    void everyControlIsPassedOn() throws Exception {
        Settings s = parse("--mode", "argmax", "--floor", "0.25", "--margin", "3", "--weights", "uniform", "--empty-rule", "zero",
                "--no-background", "--bins", "20", "--smooth-nr", "0", "--smooth-dr", "1", "--tversky-alpha", "0.3",
                "--tversky-beta", "0.7", "--focal-tversky-gamma", "2", "--wce-weight", "prediction", "--ss-lambda", "0.1",
                "--focal-gamma", "1.5", "--exp-log-gamma", "0.5", "--exp-log-w-dice", "0.6", "--exp-log-w-ce", "0.4",
                "--combo-alpha", "0.3", "--combo-beta", "0.6");
        assertEquals(HardMode.ARGMAX, s.mode());
        assertEquals(250, s.confidenceFloorStep());
        assertEquals(3, s.margin());
        assertEquals(WeightScheme.UNIFORM, s.weightScheme());
        assertEquals(EmptyRule.ZERO, s.emptyRule());
        assertFalse(s.includeBackground());
        assertEquals(20, s.calibrationBins());
        assertEquals(new LossParams(0, 1, 0.3, 0.7, 2, WceWeightSource.PREDICTION, 0.1, 1.5, 0.5, 0.6, 0.4, 0.3, 0.6), s.losses());
    }

    @Test
    void customWeightsByLabel() throws Exception {
        Settings s = parse("--custom-weights", "4=3,0=0.1,2=2,1=1");
        assertEquals(WeightScheme.CUSTOM, s.weightScheme());
        assertArrayEquals(new double[] {0.1, 1, 2, 3}, s.customWeights());
        assertNull(parse().customWeights());
        // background may be left out when it is excluded from the GDL
        assertArrayEquals(new double[] {0, 1, 2, 3}, parse("--no-background", "--custom-weights", "1=1,2=2,4=3").customWeights());
        InputException e = assertThrows(InputException.class, () -> parse("--custom-weights", "1=1,2=2"));
        assertTrue(e.getMessage().contains("[0, 4]"), e.getMessage());
    }

    @Test
    void badValuesNameTheOptionAndTheValue() {
        String[][] bad = {{"--threshold", "0.4005"}, {"--threshold", "1.2"}, {"--threshold", "x"}, {"--thresholds", "3=0.4"},
            {"--thresholds", "1:0.4"}, {"--thresholds", "1=0.4,1=0.5"}, {"--mode", "soft"}, {"--margin", "-1"},
            {"--weights", "cubic"}, {"--empty-rule", "one"}, {"--floor", "2"}, {"--bins", "0"}, {"--bins", "7"}, {"--ss-lambda", "1.5"}, {"--empty-classes", "ignore"},
            {"--focal-tversky-gamma", "0.0"},
            {"--custom-weights", "0=-1"}, {"--wce-weight", "both"}};
        for (String[] args : bad) {
            InputException e = assertThrows(InputException.class, () -> parse(args), String.join(" ", args));
            assertTrue(e.getMessage().contains(args[0]), e.getMessage());
            String value = args[1].contains(",") ? args[1].split(",")[1] : args[1];
            assertTrue(e.getMessage().contains(value), e.getMessage());
        }
    }

    @Test
    void marginInfIsTheWholeVolume() throws Exception {
        assertEquals(Settings.WHOLE_VOLUME, parse("--margin", "inf").margin());
        assertEquals(0, parse("--margin", "0").margin());
    }
}
