package org.dicelens.ui.panels;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.GdlTerms;

/**
 * The formula strip's Generalised Dice part, LOSSES.md's GDL = 1 − (2 Σ_l w_l I_l + s_nr) / (Σ_l w_l (P_l + R_l) + s_dr)
 * with the engine's sums substituted, e.g. {@code 1 − (2·0.8123 + 1e-5) / (2.0456 + 1e-5) = 0.2058}. Every number is
 * the engine's ({@link CaseMetrics#gdlTerms()}, from which the engine's GDL itself is computed); nothing is computed
 * here. The nodes are made once; an update only sets texts.
 */
final class GdlFormula {
    private final Text wi = FormulaStrip.term("", "");
    private final Text snr = FormulaStrip.term("", "");
    private final Text wpr = FormulaStrip.term("", "");
    private final Text sdr = FormulaStrip.term("", "");
    private final Text result = FormulaStrip.result();
    private final Text weightsTerm = FormulaStrip.term("w", "");
    private final List<Node> nodes = List.of(FormulaStrip.bold("GDL "), FormulaStrip.plain("1 − (2·"),
            FormulaStrip.term("Σ", "Σ_l: summed over the included classes before dividing"), weightsTerm,
            FormulaStrip.plain("·"), FormulaStrip.term("I", "I_l = Σ p·r: class l's probability mass on its reference"),
            FormulaStrip.plain(" + "), FormulaStrip.term("s", "s_nr: numerator smoothing (a loss control)"),
            FormulaStrip.plain(") / ("), FormulaStrip.term("Σ", "Σ_l: summed over the included classes"),
            FormulaStrip.term("w", "w_l: the class weight"), FormulaStrip.plain("·("),
            FormulaStrip.term("P+R", "P_l + R_l = Σ p + Σ r: class l's soft volume plus its reference volume, in voxels"),
            FormulaStrip.plain(") + "), FormulaStrip.term("s", "s_dr: denominator smoothing (a loss control)"),
            FormulaStrip.plain(") = 1 − (2·"), wi, FormulaStrip.plain(" + "), snr, FormulaStrip.plain(") / ("), wpr,
            FormulaStrip.plain(" + "), sdr, FormulaStrip.plain(") = "), result);

    List<Node> nodes() {
        return nodes;
    }

    void show(CaseMetrics m) {
        GdlTerms t = m.gdlTerms();
        String weights = "w_l: class weight, scheme " + CaseMetrics.key(m.gdlWeights()) + ", absent-class rule "
                + CaseMetrics.key(m.emptyRule())
                + " (an absent class, R = 0, would get an infinite weight)";
        tip(weightsTerm).setText(weights);
        StringBuilder perClass = new StringBuilder();
        for (int c = 0; c < t.channels() && c < m.classes().size(); c++) {
            perClass.append('\n').append(m.classes().get(c).name()).append(": ");
            if (Double.isNaN(t.weights()[c])) {
                perClass.append("left out (background excluded)");
            } else {
                perClass.append("w = ").append(Fmt.sci(t.weights()[c])).append(", I = ").append(voxels(t.intersections()[c]))
                        .append(", P + R = ").append(voxels(t.masses()[c])).append(", share ")
                        .append(String.format(Locale.ROOT, "%.1f %%", 100 * t.share(c)));
            }
        }
        String list = perClass.toString();
        set(wi, num(t.numeratorSum()), "Σ_l w_l I_l = " + t.numeratorSum()
                + ": the weighted overlap (times 2 in the formula)" + list);
        set(wpr, num(t.denominatorSum()), "Σ_l w_l (P_l + R_l) = " + t.denominatorSum()
                + ": the weighted sizes; share = w_l (P_l + R_l) / this sum, who dominates the loss" + list);
        set(snr, smoothing(t.smoothNr()), "s_nr = " + t.smoothNr() + ": numerator smoothing (Losses panel)");
        set(sdr, smoothing(t.smoothDr()), "s_dr = " + t.smoothDr() + ": denominator smoothing (Losses panel)");
        result.setText(Fmt.num(m.gdl(), 4));
    }

    private static Tooltip tip(Text t) {
        return (Tooltip) t.getProperties().get("tip");
    }

    private static void set(Text t, String text, String tip) {
        t.setText(text);
        tip(t).setText(tip);
    }

    /**
     * A sum as the strip writes it: four decimals for magnitudes in [0.1, 10⁴), four significant digits in [0.001, 0.1)
     * (0.09469: square weights make the sums small), else d.ddde±x (7.123e-5, 3.355e7).
     */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Fmt.num(v, 4);
        }
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e-3 && a < 1e4) {
            int decimals = Math.max(4, 3 - (int) Math.floor(Math.log10(a)));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        return exponent(String.format(Locale.ROOT, "%.3e", v));
    }

    /** A per-class sum in voxels: one decimal from 100 on (145.8, 837194.5), else as {@link #num}. */
    static String voxels(double v) {
        return Math.abs(v) >= 100 && !Double.isInfinite(v) ? String.format(Locale.ROOT, "%.1f", v) : num(v);
    }

    /** A smoothing constant in its shortest form: 1e-5, 0, 1, 0.5. */
    static String smoothing(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v == 0 ? "0" : Fmt.num(v, 4);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e4) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.6e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return exponent(mantissa + s.substring(e));
    }

    /** "7.123e-02" → "7.123e-2", "3.355e+07" → "3.355e7". */
    private static String exponent(String s) {
        return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }
}
