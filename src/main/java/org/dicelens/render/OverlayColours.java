package org.dicelens.render;

/**
 * Fixed overlay colours from the Okabe-Ito palette, chosen to stay distinct under the common colour-vision
 * deficiencies.
 */
public final class OverlayColours {
    /** True positive: bluish green. */
    public static final int TP = 0xFF009E73;
    /** False positive: vermillion. */
    public static final int FP = 0xFFD55E00;
    /** False negative: sky blue. */
    public static final int FN = 0xFF56B4E9;
    /** Dice-optimal segmentation's contour: reddish purple. */
    public static final int DICE_OPTIMAL = 0xFFCC79A7;
    /** Evaluation region's outline: yellow. */
    public static final int REGION = 0xFFF0E442;
    /** Crosshair: light grey. */
    public static final int CROSSHAIR = 0xFFDDDDDD;

    private OverlayColours() {
    }
}
