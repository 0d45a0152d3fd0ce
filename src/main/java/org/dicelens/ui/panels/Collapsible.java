package org.dicelens.ui.panels;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

/**
 * A panel of the left column as a collapsible section: its own header (title and "?" button, {@link Help#header})
 * becomes the section's title bar, so closing what one does not use gives the class list room; the section hides
 * with the panel (the raters panel without raters).
 */
public final class Collapsible {
    private Collapsible() {
    }

    public static TitledPane of(Pane panel, boolean expanded) {
        TitledPane t = new TitledPane();
        HBox header = header(panel);
        if (header != null) {
            ((Pane) header.getParent()).getChildren().remove(header);
            t.setGraphic(header);
            t.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            // the "?" button at the right edge, as in the panel's own header (room left for the arrow)
            header.prefWidthProperty().bind(t.widthProperty().subtract(34));
            header.setMinWidth(0);
            // the title region's minimum is the header's preferred width, which follows the pane's width: without
            // this the section could grow but never shrink below its first width, and a narrower column clipped
            // the panels' right edge (the overlay sliders, the window slider)
            t.setMinWidth(0);
        }
        t.setContent(panel);
        t.setExpanded(expanded);
        t.setAnimated(false); // an animation repaints the column for every frame, slow in software rendering
        t.getStyleClass().add("collapsible");
        t.visibleProperty().bind(panel.visibleProperty());
        t.managedProperty().bind(panel.visibleProperty());
        if (header != null) {
            t.setId("section-" + ((Label) header.getChildren().get(0)).getText().replace(' ', '-'));
        }
        return t;
    }

    /** The first Help header inside the panel (depth first), or null. */
    static HBox header(Parent p) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof HBox h && !h.getChildren().isEmpty() && h.getChildren().get(0) instanceof Label l
                    && l.getStyleClass().contains("panel-title")) {
                return h;
            }
            if (n instanceof Pane child) {
                HBox found = header(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
