package org.dicelens.ui;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps only the selected tab's content in the scene graph. Why: a tab pane keeps every tab's content as an invisible
 * child, and each scene pulse walks every node's bounds (JavaFX's {@code Parent.updateBounds}, a third of the FX
 * thread's samples during a threshold drag), visible or not; the five unselected tabs held ~840 of the window's
 * ~2,000 nodes. Content taken out keeps its state and listeners and comes back when its tab is selected; panels that
 * refresh only while shown ({@code WhileShown}) see that as being hidden.
 */
final class SelectedTabOnly {
    private SelectedTabOnly() {
    }

    /** From now on, for the tabs {@code pane} has at this call. */
    static void apply(TabPane pane) {
        Map<Tab, Node> contents = new IdentityHashMap<>();
        for (Tab t : pane.getTabs()) {
            contents.put(t, t.getContent());
        }
        Runnable sync = () -> {
            Tab selected = pane.getSelectionModel().getSelectedItem();
            for (Map.Entry<Tab, Node> e : contents.entrySet()) {
                Node want = e.getKey() == selected ? e.getValue() : null;
                if (e.getKey().getContent() != want) {
                    e.getKey().setContent(want);
                }
            }
        };
        pane.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> sync.run());
        sync.run();
    }
}
