package org.dicelens.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicelens.phantom.LabCaseSource;

/**
 * The experiment's results as text: a Markdown table for people and CSV files pandas reads as they are (one header
 * row, plain numbers, NaN for undefined values).
 */
public final class LabTables {

    private LabTables() {
    }

    /** A table row: a name, the model and an evaluation, with the final training loss when trained (else NaN). */
    record Row(String name, String model, Evaluation e, double finalLoss, double trainingRatio) {
    }

    static List<Row> rows(LabResult r) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("calibrated p = q (no training)", "-", r.calibrated(), Double.NaN, Double.NaN));
        rows.add(new Row("Dice-optimal segmentation of q (no training)", "-", r.diceOptimal(), Double.NaN, Double.NaN));
        for (LabResult.LossResult l : r.losses()) {
            rows.add(new Row(l.loss().label(), l.model(), l.evaluation(), l.finalLoss(), l.trainingVolumeRatio()));
        }
        return rows;
    }

    public static String markdown(LabResult r) {
        LabConfig c = r.config();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Volume bias on %d held-out cases (%s); %s trained on %d cases, %d full-batch "
                + "Adam steps (lr %s); seed %d.%n", c.testCases(), c.phantom().describe(), c.model().id(), c.trainCases(),
                c.training().iterations(), g(c.training().learningRate()), c.seed()));
        sb.append("Reference volume R·v ").append(r.referenceMl().format(3)).append(" mL, expected volume Σq·v ")
                .append(r.expectedMl().format(3)).append(" mL (mean ± sd over cases). ΔV signed, positive = over-estimation;")
                .append(" hard = p ≥ ").append(Evaluation.THRESHOLD).append(".\n\n");
        sb.append("| prediction | model | ΔV_soft vs ref (mL) | ΔV_hard vs ref (mL) | ΔV_soft vs Σq (mL) | ΔV_hard vs Σq (mL)"
                + " | Dice (hard) | soft Dice | final loss | Σp/R (training) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows(r)) {
            Evaluation e = row.e;
            sb.append("| ").append(row.name).append(" | ").append(row.model).append(" | ")
                    .append(e.deltaSoftRefMl().format(3)).append(" | ").append(e.deltaHardRefMl().format(3)).append(" | ")
                    .append(e.deltaSoftExpectedMl().format(3)).append(" | ").append(e.deltaHardExpectedMl().format(3))
                    .append(" | ").append(e.hardDice().format(3)).append(" | ").append(e.softDice().format(3)).append(" | ")
                    .append(Double.isNaN(row.finalLoss) ? "-" : String.format(Locale.ROOT, "%.4f", row.finalLoss))
                    .append(" | ")
                    .append(Double.isNaN(row.trainingRatio) ? "-" : String.format(Locale.ROOT, "%.3f", row.trainingRatio))
                    .append(" |\n");
        }
        sb.append("\nTheory (no training): bias of the Dice-optimal segmentation of q, k*·v − Σq·v, as the uncertain band widens.\n\n");
        sb.append("| band width (mm) | bias (mL) | relative bias | expected Dice D* | threshold q_(k*) |\n");
        sb.append("|---|---|---|---|---|\n");
        for (DiceOptimalTheory.Point p : r.theory()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", g(p.widthMm()), p.biasMl().format(4),
                    p.relativeBias().format(3), p.expectedDice().format(3), p.threshold().format(3)));
        }
        return sb.toString();
    }

    /** The main table, one row per prediction, mean and sd in separate columns. */
    public static String csv(LabResult r) {
        StringBuilder sb = new StringBuilder("prediction,model,cases,delta_soft_ref_ml_mean,delta_soft_ref_ml_sd,"
                + "delta_hard_ref_ml_mean,delta_hard_ref_ml_sd,delta_soft_expected_ml_mean,delta_soft_expected_ml_sd,"
                + "delta_hard_expected_ml_mean,delta_hard_expected_ml_sd,hard_dice_mean,hard_dice_sd,soft_dice_mean,"
                + "soft_dice_sd,soft_ml_mean,hard_ml_mean,reference_ml_mean,expected_ml_mean,final_loss,training_volume_ratio\n");
        for (Row row : rows(r)) {
            Evaluation e = row.e;
            sb.append(quote(row.name)).append(',').append(quote(row.model)).append(',').append(e.hardDice().n());
            for (Stats s : List.of(e.deltaSoftRefMl(), e.deltaHardRefMl(), e.deltaSoftExpectedMl(), e.deltaHardExpectedMl(),
                    e.hardDice(), e.softDice())) {
                sb.append(',').append(num(s.mean())).append(',').append(num(s.sd()));
            }
            sb.append(',').append(num(e.softMl().mean())).append(',').append(num(e.hardMl().mean())).append(',')
                    .append(num(r.referenceMl().mean())).append(',').append(num(r.expectedMl().mean())).append(',')
                    .append(num(row.finalLoss)).append(',').append(num(row.trainingRatio)).append('\n');
        }
        return sb.toString();
    }

    /** The theory curve. */
    public static String theoryCsv(List<DiceOptimalTheory.Point> theory) {
        StringBuilder sb = new StringBuilder("width_mm,cases,bias_ml_mean,bias_ml_sd,relative_bias_mean,relative_bias_sd,"
                + "expected_dice_mean,threshold_mean,expected_ml_mean\n");
        for (DiceOptimalTheory.Point p : theory) {
            sb.append(num(p.widthMm())).append(',').append(p.biasMl().n()).append(',').append(num(p.biasMl().mean()))
                    .append(',').append(num(p.biasMl().sd())).append(',').append(num(p.relativeBias().mean())).append(',')
                    .append(num(p.relativeBias().sd())).append(',').append(num(p.expectedDice().mean())).append(',')
                    .append(num(p.threshold().mean())).append(',').append(num(p.expectedMl().mean())).append('\n');
        }
        return sb.toString();
    }

    /** Loss curves, one column per loss (the training loss before each Adam step, then after the last). */
    public static String curvesCsv(LabResult r) {
        StringBuilder sb = new StringBuilder("iteration");
        int len = 0;
        for (LabResult.LossResult l : r.losses()) {
            sb.append(',').append(l.loss().id());
            len = Math.max(len, l.lossCurve().length);
        }
        sb.append('\n');
        for (int i = 0; i < len; i++) {
            sb.append(i);
            for (LabResult.LossResult l : r.losses()) {
                sb.append(',').append(i < l.lossCurve().length ? num(l.lossCurve()[i]) : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A parameter as people write it: 1, 0.05, 4.5. */
    static String g(double v) {
        return LabCaseSource.plain(v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
