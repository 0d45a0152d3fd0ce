package org.dicelens.metrics.raters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.ThresholdSweep;
import org.dicelens.volume.Case;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/**
 * With one rater every multi-rater number is the engine's single-reference number (that rater as the reference), in
 * every mode, margin and setting: q̂ = r, the semimetric is the soft Dice, the QUBIQ score is the mean of the threshold
 * sweep's hard Dice at t = 0.1..0.9, the consensus is the whole region.
 */
class SingleRaterReductionTest {
    private static final double EPS = 1e-12;

    @Test
    void oneRaterIsTheSingleReference() {
        Random rnd = new Random(118);
        for (int round = 0; round < 300; round++) {
            RaterStatisticsTest.Setup su = RaterStatisticsTest.setup(rnd);
            int nc = su.classes().size();
            byte[] rater = RaterStatisticsTest.labelMaps(rnd, 1, su.n(), nc, round % 4 == 3 ? 3 : 0).get(0);
            Case cs = new Case("k1", su.g(), null, rater, new ProbabilityMaps(su.g(), su.p(), 0, List.of("p")), su.classes(),
                    List.of());
            Engine e = Engine.build(cs, Progress.NONE);
            CaseMetrics cm = e.evaluate(su.s());
            RaterMetrics rm = RaterStatistics.compute(RaterReference.ofLabelMaps(List.of(rater), nc), su.p(), su.classes(),
                    e.voxelMl(), su.s(), e.region());
            assertEquals(cm.regionVoxels(), rm.regionVoxels());
            assertEquals(rm.regionVoxels(), rm.consensusVoxels(), "one rater agrees with itself everywhere");
            for (int c = 0; c < nc; c++) {
                ClassMetrics k = cm.classes().get(c);
                RaterClassMetrics r = rm.classes().get(c);
                String ctx = "round " + round + " class " + c + " " + su.s().mode();
                assertEquals(k.refMl(), r.expectedMl(), EPS, ctx + " expectedMl");
                assertEquals(1, r.raterMl().length);
                assertEquals(k.refMl(), r.raterMl()[0], EPS, ctx + " raterMl");
                assertEquals(k.refMl(), r.raterMlMin(), EPS, ctx);
                assertEquals(k.refMl(), r.raterMlMax(), EPS, ctx);
                assertTrue(Double.isNaN(r.raterMlSd()) && Double.isNaN(r.interRaterDice()), ctx + " no spread, no pairs");
                assertEquals(k.softDice(), r.semimetricDice(), 1e-12, ctx + " semimetricDice");
                assertEquals(k.diceLoss(), r.semimetricLoss(), 1e-12, ctx + " semimetricLoss");
                assertEquals(k.softDice(), r.softDiceVsMean(), EPS, ctx + " softDiceVsMean");
                assertEquals(k.softDice(), r.raterSoftDice()[0], EPS, ctx + " raterSoftDice");
                assertEquals(k.hardDice(), r.raterDice()[0], EPS, ctx + " raterDice");
                assertEquals(k.hardDice(), r.consensusDice(), EPS, ctx + " consensusDice");
                assertEquals(k.deltaSoftMl(), r.deltaSoftVsExpectedMl(), EPS, ctx + " deltaSoft");
                assertEquals(k.deltaHardMl(), r.deltaHardVsExpectedMl(), EPS, ctx + " deltaHard");
                assertEquals(k.ece(), r.eceVsMean(), EPS, ctx + " ece");
                assertEquals(k.ece(), r.raterEce()[0], EPS, ctx + " raterEce");
                ThresholdSweep sw = e.sweep(su.s(), c);
                double qubiq = 0;
                for (int j = 1; j <= 9; j++) {
                    qubiq += sw.hardDice()[100 * j];
                }
                assertEquals(qubiq / 9, r.qubiq(), EPS, ctx + " qubiq");
            }
        }
    }
}
