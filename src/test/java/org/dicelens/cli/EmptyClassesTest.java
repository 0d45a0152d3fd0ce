package org.dicelens.cli;

import static org.dicelens.cli.EvaluateCommandTest.json;
import static org.dicelens.cli.EvaluateCommandTest.near;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --empty-classes} on a six-voxel case whose class 2 is predicted but absent from the reference, worked out by
 * hand (t = 0.5 for every class):
 * <pre>
 * voxel        0    1    2    3    4    5
 * reference    0    0    1    1    0    0
 * p0          0.9  0.3  0.2  0.4  0.8  0.7   hard: 0,4,5      TP 3 FP 0 FN 1  HD 6/7   SD 2·2.7/(3.3+4)
 * p1          0.1  0    0.8  0.6  0    0.3   hard: 2,3        TP 2 FP 0 FN 0  HD 1     SD 2·1.4/(1.8+2)
 * p2          0    0.7  0    0    0.2  0     hard: 1  (R = 0) TP 0 FP 1 FN 0  HD 0     SD 0
 * </pre>
 * zero (today's rule): the means count class 2 as 0; exclude (MONAI's ignore_empty): its hard Dice is null and both
 * means leave it out.
 */
class EmptyClassesTest {
    private static final double SD0 = 5.4 / 7.3;
    private static final double SD1 = 2.8 / 3.8;
    private static final double HD0 = 6.0 / 7.0;

    @TempDir
    Path dir;
    Path refFile;
    Path predFile;

    @BeforeEach
    void writeCase() throws Exception {
        double[] spacing = {1, 1, 1};
        refFile = TinyNifti.write(dir.resolve("c.nii.gz"), 3, 2, 1, spacing, TinyNifti.UINT8, new float[] {0, 0, 1, 1, 0, 0});
        predFile = TinyNifti.write(dir.resolve("c_prob.nii.gz"), 3, 2, 1, spacing, TinyNifti.FLOAT32,
                new float[] {0.9f, 0.3f, 0.2f, 0.4f, 0.8f, 0.7f}, new float[] {0.1f, 0f, 0.8f, 0.6f, 0f, 0.3f},
                new float[] {0f, 0.7f, 0f, 0f, 0.2f, 0f});
    }

    private JsonNode run(String... extra) throws Exception {
        String[] args = {"evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(), "-q"};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return json(Cli.run(all));
    }

    @Test
    void zeroCountsTheAbsentClassAsZeroInEveryMean() throws Exception {
        JsonNode o = run();
        assertEquals("zero", o.get("emptyClasses").asText());
        near(0, o.get("classes").get(2).get("hardDice"), 0, "hard Dice of the absent class with one false positive");
        near((HD0 + 1 + 0) / 3, o.get("meanHardDice"), 1e-12, "meanHardDice over 0, 1, 2");
        near((SD0 + SD1 + 0) / 3, o.get("meanSoftDice"), 1e-6, "meanSoftDice over 0, 1, 2");
        assertEquals("[0,1,2]", o.get("meanClasses").toString());
        near((1 + 0) / 2.0, o.get("meanHardDiceForeground"), 1e-12, "foreground mean over 1, 2");
        near((SD1 + 0) / 2, o.get("meanSoftDiceForeground"), 1e-6, "foreground soft mean over 1, 2");
        assertEquals("[1,2]", o.get("meanForegroundClasses").toString());
    }

    @Test
    void excludeGivesNoHardDiceAndLeavesTheClassOutOfTheMeans() throws Exception {
        JsonNode o = run("--empty-classes", "exclude");
        assertEquals("exclude", o.get("emptyClasses").asText());
        assertTrue(o.get("classes").get(2).get("hardDice").isNull(), "MONAI: NaN hard Dice without a reference");
        near(HD0, o.get("classes").get(0).get("hardDice"), 1e-12, "classes with a reference keep their hard Dice");
        near((HD0 + 1) / 2, o.get("meanHardDice"), 1e-12, "meanHardDice over 0, 1");
        near((SD0 + SD1) / 2, o.get("meanSoftDice"), 1e-6, "meanSoftDice over 0, 1");
        assertEquals("[0,1]", o.get("meanClasses").toString());
        near(1, o.get("meanHardDiceForeground"), 1e-12, "foreground mean over class 1 alone");
        near(SD1, o.get("meanSoftDiceForeground"), 1e-6, "foreground soft mean over class 1 alone");
        assertEquals("[1]", o.get("meanForegroundClasses").toString());
        // the loss values do not depend on the rule
        assertEquals(run().get("classes").get(2).get("diceLoss").asDouble(), o.get("classes").get(2).get("diceLoss").asDouble());
    }

    @Test
    void theCsvSaysWhichLabelsEachMeanCovers() {
        Cli r = Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(), "--format", "csv",
                "--empty-classes", "exclude", "-q");
        assertEquals(0, r.exit(), r.err());
        String row = r.out().lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.contains(",0 1,") && row.contains(",1,exclude,"), row);
    }

    @Test
    void aMistypedRuleIsRefusedNamingTheOption() {
        Cli r = Cli.run("evaluate", "--reference", refFile.toString(), "--prediction", predFile.toString(), "--empty-classes",
                "ignore");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--empty-classes") && r.err().contains("ignore"), r.err());
    }
}
