package org.dicelens.ui.charts;

import javafx.scene.paint.Color;

/** Colours shared by the charts so a marker means the same everywhere (Okabe–Ito, readable by colour-blind users). */
public final class ChartColours {
    private ChartColours() {
    }

    public static final Color DICE = Color.web("#0072B2");
    public static final Color JACCARD = Color.web("#56B4E9");
    public static final Color VOLUME = Color.web("#009E73");
    public static final Color SOFT = Color.web("#CC79A7");
    public static final Color REF = Color.web("#333333");
    public static final Color T = Color.web("#000000");
    public static final Color T_BEST = Color.web("#D55E00");
    public static final Color T_VOL = Color.web("#E69F00");
    public static final Color T_CAL = Color.web("#009E73");
    public static final Color T_OPT = Color.web("#CC79A7");
    public static final Color WITH_REF = Color.web("#D55E00", 0.75);
    public static final Color WITHOUT_REF = Color.web("#0072B2", 0.55);
}
