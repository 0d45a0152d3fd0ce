package org.dicelens.ui.panels;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javafx.scene.Node;

/**
 * Runs a panel's refresh only while the panel is on screen. A panel in a tab that is not selected keeps the latest
 * refresh and runs it once when it is shown. Why: every threshold drag delivers new metrics, and re-laying out the
 * bar charts and labels of hidden tabs cost as much FX-thread time as the visible ones.
 */
public final class WhileShown {
    private final Node node;
    private final Set<Node> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private Runnable pending;

    public WhileShown(Node node) {
        this.node = node;
        node.sceneProperty().addListener((o, a, s) -> watchAncestors());
        node.parentProperty().addListener((o, a, p) -> watchAncestors());
    }

    /** Runs {@code refresh} now if the panel is shown, otherwise when it is next shown (only the latest is kept). */
    public void run(Runnable refresh) {
        if (shown()) {
            pending = null;
            refresh.run();
        } else {
            pending = refresh;
        }
    }

    /** In a scene, and neither the panel nor any ancestor is invisible (a tab pane hides unselected tabs' content). */
    boolean shown() {
        if (node.getScene() == null) {
            return false;
        }
        for (Node a = node; a != null; a = a.getParent()) {
            if (!a.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void watchAncestors() {
        for (Node a = node; a != null; a = a.getParent()) {
            if (watched.add(a)) {
                a.visibleProperty().addListener((o, was, now) -> flush());
                if (a != node) {
                    a.parentProperty().addListener((o, was, now) -> watchAncestors());
                }
            }
        }
        flush();
    }

    private void flush() {
        if (pending != null && shown()) {
            Runnable r = pending;
            pending = null;
            r.run();
        }
    }
}
