package org.dicelens.ui.panels;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Colours a signed volume difference through pseudo-classes (:delta-pos red, :delta-neg blue). Why pseudo-classes:
 * swapping style classes on every slider step makes JavaFX rebuild the node's style helper; a pseudo-class change
 * only switches state.
 */
final class SignStyle {
    private static final PseudoClass POS = PseudoClass.getPseudoClass("delta-pos");
    private static final PseudoClass NEG = PseudoClass.getPseudoClass("delta-neg");

    private SignStyle() {
    }

    static void apply(Node n, double v) {
        n.pseudoClassStateChanged(POS, v > 0);
        n.pseudoClassStateChanged(NEG, v < 0);
    }

    static void clear(Node n) {
        n.pseudoClassStateChanged(POS, false);
        n.pseudoClassStateChanged(NEG, false);
    }
}
