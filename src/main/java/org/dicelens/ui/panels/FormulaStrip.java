package org.dicelens.ui.panels;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.ClassSums;
import org.dicelens.ui.model.ViewerModel;

/**
 * The chosen class's soft Dice, hard Dice and GDL with the engine's current sums substituted, e.g.
 * {@code 2·Σp·r / (Σp + Σr) = 2·1234.5 / (1500.2 + 1400) = 0.851}; GDL over all classes in {@link GdlFormula}.
 * Every term has a tooltip saying what it is. The results are the engine's values; the strip only writes the numbers
 * into the formula.
 */
public final class FormulaStrip extends HBox {
    private final ViewerModel vm;
    private final TextFlow flow = new TextFlow();

    public FormulaStrip(ViewerModel vm) {
        this.vm = vm;
        setId("formulaStrip");
        setPadding(new Insets(3, 8, 3, 8));
        getStyleClass().add("formula-strip");
        getChildren().addAll(flow, Help.button("Formula strip", HelpText.FORMULA));
        javafx.scene.layout.HBox.setHgrow(flow, javafx.scene.layout.Priority.ALWAYS);
        vm.metricsProperty().addListener(x -> show());
        vm.controls().selectedClassProperty().addListener(x -> show());
        show();
    }

    private final Text name = bold("");
    private final Text i = term("", "I = Σ p·r");
    private final Text p = term("", "P = Σ p");
    private final Text r = term("", "R = Σ r");
    private final Text sd = result();
    private final Text counts = plain("");
    private final Text hd = result();
    private final GdlFormula gdl = new GdlFormula();
    private final Text empty = plain("The formulas appear with their numbers when a case is loaded.");
    private boolean built;

    private void build() {
        flow.getChildren().setAll(name, bold("soft Dice "),
                term("2·Σp·r", "I = Σ p·r: the probability mass that falls on the reference"), plain(" / ("),
                term("Σp", "P = Σ p: the soft volume in voxels (expected size when p is calibrated)"), plain(" + "),
                term("Σr", "R = Σ r: the reference volume in voxels"), plain(") = 2·"), i, plain(" / ("), p,
                plain(" + "), r, plain(") = "), sd, plain("      "), bold("hard Dice "),
                term("2TP", "true positives: hard mask and reference"), plain(" / (2TP + "),
                term("FP", "false positives: hard mask, not reference"), plain(" + "),
                term("FN", "false negatives: reference missed by the hard mask"), plain(")"), counts, hd,
                plain("      "));
        flow.getChildren().addAll(gdl.nodes());
        built = true;
    }

    private void show() {
        CaseMetrics m = vm.metricsProperty().get();
        ClassSums[] sums = vm.sumsProperty().get();
        int c = vm.selectedChannel();
        if (m == null || m.gdlTerms() == null || sums == null || c >= m.classes().size() || c >= sums.length
                || sums[c] == null) {
            flow.getChildren().setAll(empty);
            built = false;
            return;
        }
        if (!built) {
            build();
        }
        ClassMetrics k = m.classes().get(c);
        ClassSums s = sums[c];
        // only the numbers change from one slider position to the next: the nodes stay
        name.setText(k.name() + "   ");
        set(i, num(s.i()), "I = " + s.i());
        set(p, num(s.p()), "P = " + s.p());
        set(r, num(s.r()), "R = " + s.r());
        sd.setText(Fmt.num(k.softDice(), 4));
        counts.setText(" = 2·" + k.tp() + " / (2·" + k.tp() + " + " + k.fp() + " + " + k.fn() + ") = ");
        hd.setText(Fmt.num(k.hardDice(), 4));
        gdl.show(m);
    }

    private static void set(Text t, String text, String tip) {
        t.setText(text);
        ((Tooltip) t.getProperties().get("tip")).setText(tip);
    }

    private static String num(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    static Text plain(String s) {
        return new Text(s);
    }

    static Text bold(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("formula-name");
        return t;
    }

    static Text term(String s, String tip) {
        Text t = new Text(s);
        t.getStyleClass().add("formula-term");
        Tooltip tt = Help.tip(tip);
        Tooltip.install(t, tt);
        t.getProperties().put("tip", tt);
        return t;
    }

    static Text result() {
        Text t = new Text();
        t.getStyleClass().add("formula-result");
        return t;
    }

    public TextFlow flow() {
        return flow;
    }
}
