package org.dicelens.ui.panels;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A node's tooltip, made when the mouse first enters the node. A Tooltip is a popup window with its own scene, skin
 * and CSS: made eagerly, the window's ~40 of them were about 30 % of building it (docs/perf/startup.md), and the
 * formula strip's were re-laid out on every threshold step although nobody was reading them.
 */
public final class LazyTip {
    private final Node node;
    private String text;
    private Tooltip tooltip;

    private LazyTip(Node node) {
        this.node = node;
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> create());
    }

    /** The node's tooltip text holder, created (and its hover handler added) on the first call for that node. */
    public static LazyTip of(Node n) {
        if (n.getProperties().get(LazyTip.class) instanceof LazyTip l) {
            return l;
        }
        LazyTip l = new LazyTip(n);
        n.getProperties().put(LazyTip.class, l);
        return l;
    }

    /** Sets the text; a tooltip already made shows it at once. */
    public void setText(String s) {
        text = s;
        if (tooltip != null && !tooltip.getText().equals(s)) {
            tooltip.setText(s);
        }
    }

    /** The current text (what the tooltip shows once made). */
    public String text() {
        return text;
    }

    /** Whether the tooltip has been made (the mouse has entered the node). */
    public boolean made() {
        return tooltip != null;
    }

    /** The made tooltip's text; null before the first hover. */
    public String tooltipText() {
        return tooltip == null ? null : tooltip.getText();
    }

    private void create() {
        if (tooltip == null && text != null) {
            tooltip = Help.tip(text);
            // installed while the mouse is inside: the tooltip's timer starts with the next mouse move
            Tooltip.install(node, tooltip);
        }
    }
}
