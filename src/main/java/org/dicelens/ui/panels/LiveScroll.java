package org.dicelens.ui.panels;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane for content that changes while a slider moves. Why: ScrollPane's skin caches its viewport as a bitmap
 * (right for scrolling static content); content redrawn on every threshold step was then painted twice, into the
 * cache and onto the window, which the profiler showed as a large share of each frame.
 */
public final class LiveScroll {
    private LiveScroll() {
    }

    public static ScrollPane of(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.skinProperty().addListener((o, was, skin) -> uncache(s));
        return s;
    }

    private static void uncache(ScrollPane s) {
        Node viewport = s.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
