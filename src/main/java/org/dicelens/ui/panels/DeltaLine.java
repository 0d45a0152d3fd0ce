package org.dicelens.ui.panels;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.dicelens.metrics.ClassMetrics;

/**
 * One class's ΔV line under the volume-bias bars, each number coloured by its own sign (red over, blue under): the
 * line used to take one colour from ΔV hard, so a negative ΔV soft beside a positive ΔV hard was printed red. The
 * text nodes are reused, so a threshold step changes texts and pseudo-classes only.
 */
final class DeltaLine extends TextFlow {
    private final List<Text> parts = new ArrayList<>();

    DeltaLine() {
        getStyleClass().add("delta-line");
    }

    /** Shows {@code c}'s differences against the reference and, when known, against Σq·v (mL). */
    void show(ClassMetrics c, Double expectedMl) {
        List<Object> p = new ArrayList<>();
        p.add(c.name() + ": ΔV soft ");
        p.add(c.deltaSoftMl());
        p.add(", hard ");
        p.add(c.deltaHardMl());
        p.add(" mL vs ref");
        if (expectedMl != null) {
            p.add("; vs Σq·v: soft ");
            p.add(c.softMl() - expectedMl);
            p.add(", hard ");
            p.add(c.hardMl() - expectedMl);
        }
        for (int i = 0; i < p.size(); i++) {
            Text t;
            if (i < parts.size()) {
                t = parts.get(i);
            } else {
                t = new Text();
                parts.add(t);
                getChildren().add(t);
            }
            t.setVisible(true);
            t.setManaged(true);
            if (p.get(i) instanceof Double d) {
                t.setText(Fmt.signed(d, 2));
                styleAs(t, "delta-num");
                SignStyle.apply(t, d);
            } else {
                t.setText((String) p.get(i));
                styleAs(t, "delta-word");
                SignStyle.clear(t);
            }
        }
        for (int i = p.size(); i < parts.size(); i++) {
            parts.get(i).setVisible(false);
            parts.get(i).setManaged(false);
        }
    }

    /**
     * Sets the part's one style class only when it differs: {@code setAll} fires a change even with the same class,
     * and a style-class change makes JavaFX rebuild the node's style helper on the next pulse (every threshold step).
     */
    private static void styleAs(Text t, String styleClass) {
        if (t.getStyleClass().size() != 1 || !t.getStyleClass().get(0).equals(styleClass)) {
            t.getStyleClass().setAll(styleClass);
        }
    }

    /** The line's text (tests). */
    String text() {
        StringBuilder sb = new StringBuilder();
        parts.stream().filter(Text::isVisible).forEach(t -> sb.append(t.getText()));
        return sb.toString();
    }

    /** The numbers' texts (tests), in order. */
    List<Text> numbers() {
        return parts.stream().filter(t -> t.isVisible() && t.getStyleClass().contains("delta-num")).toList();
    }
}
