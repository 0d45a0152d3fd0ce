package org.dicelens.ui.panels;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.dicelens.render.ColourBar;
import org.dicelens.render.Colormap;
import org.dicelens.render.OverlayColours;
import org.dicelens.render.SpatialLayer;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.OverlayModel.Layer;

/**
 * A compact key to what is drawn: one row per visible overlay with its colours (taken from the renderer's own
 * constants and colormaps, so key and picture cannot disagree); a hidden overlay's row is hidden with it.
 */
public final class OverlayLegend extends VBox {
    private final Map<Layer, HBox> rows = new EnumMap<>(Layer.class);
    /** Held here so the weak registrations on the model live as long as this legend. */
    private final javafx.beans.InvalidationListener gradientListener;

    public OverlayLegend(OverlayModel o) {
        setSpacing(2);
        setId("overlayLegend");
        getStyleClass().add("overlay-legend");
        ImageView probabilityBar = new ImageView();
        Runnable drawBar = () -> probabilityBar.setImage(bar(org.dicelens.ui.slices.FrameBuilder.colormap(o.colormap.get())));
        o.colormap.addListener(x -> drawBar.run());
        drawBar.run();
        row(o, Layer.REFERENCE, swatchOutline(Color.gray(0.85)), text("reference, class colours"));
        row(o, Layer.PROBABILITY, text("p  0"), probabilityBar, text("1"));
        row(o, Layer.HARD, swatchOutline(Color.gray(0.85)), text("hard mask p ≥ t, class colours"));
        row(o, Layer.ERRORS, swatch(OverlayColours.TP), text("TP"), swatch(OverlayColours.FP), text("FP"),
                swatch(OverlayColours.FN), text("FN"));
        Label gradName = text("");
        gradName.setId("legend-gradient-name");
        Label gradLow = text("");
        gradLow.setId("legend-gradient-low");
        Label gradHigh = text("");
        gradHigh.setId("legend-gradient-high");
        Runnable gradText = () -> {
            String[] t = gradientScaleText(o.gradientScale.get(), o.gradientWrtLogit.get());
            gradName.setText(t[0]);
            gradLow.setText(t[1]);
            gradHigh.setText(t[2]);
        };
        // weak: an exported figure builds its own legend on the window's model and must not stay attached to it
        gradientListener = x -> gradText.run();
        o.gradientScale.addListener(new javafx.beans.WeakInvalidationListener(gradientListener));
        o.gradientWrtLogit.addListener(new javafx.beans.WeakInvalidationListener(gradientListener));
        gradText.run();
        HBox gradBar = new HBox(4, gradLow, new ImageView(bar(Colormap.BLUE_WHITE_RED, 72)), gradHigh);
        gradBar.setAlignment(Pos.CENTER_LEFT);
        // two lines: the quantity and its unit, then the bar between the volume's scale (the column is narrow)
        row(o, Layer.GRADIENT, new VBox(1, gradName, gradBar));
        row(o, Layer.DICE_OPTIMAL, swatchOutline(argb(OverlayColours.DICE_OPTIMAL)), text("p ≥ t_opt (Dice-optimal)"));
        row(o, Layer.REGION, swatchOutline(argb(OverlayColours.REGION)), text("evaluation region"));
        row(o, Layer.AGREEMENT, text("raters  few"), new ImageView(bar(org.dicelens.render.AgreementLayer.COLOURS)),
                text("all"));
        row(o, Layer.CONSENSUS, swatchOutline(argb(org.dicelens.render.AgreementLayer.CONSENSUS_ARGB)), text("all raters"),
                swatchOutline(argb(org.dicelens.render.AgreementLayer.ANY_RATER_ARGB)), text("any rater"));
        row(o, Layer.LESIONS, swatchOutline(argb(SpatialLayer.DETECTED_ARGB)), text("found"),
                swatchOutline(argb(SpatialLayer.MISSED_ARGB)), text("missed"),
                swatchOutline(argb(SpatialLayer.FALSE_POSITIVE_ARGB)), text("false +"), status(o));
        Label limit = text("");
        limit.setId("legend-distance-limit");
        limit.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Double.isNaN(
                o.distanceLimitMm.get()) ? "— mm" : Fmt.num(o.distanceLimitMm.get(), 1) + " mm", o.distanceLimitMm));
        row(o, Layer.BOUNDARY_DISTANCE, text("to ref. border  0"), new ImageView(bar(SpatialLayer.DISTANCE_COLOURS)),
                limit, status(o));
    }

    /** The spatial overlays' status ("updating…", or why nothing is drawn), shown only when there is one. */
    private static Label status(OverlayModel o) {
        Label l = text("");
        l.getStyleClass().add("note");
        l.textProperty().bind(o.spatialStatus);
        l.visibleProperty().bind(o.spatialStatus.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** The row of a layer (for tests): visible exactly while the layer is. */
    public HBox row(Layer l) {
        return rows.get(l);
    }

    private void row(OverlayModel o, Layer l, Node... items) {
        HBox r = new HBox(4, items);
        r.setId("legend-" + l.name());
        r.setAlignment(Pos.CENTER_LEFT);
        r.visibleProperty().bind(o.layer(l).enabled);
        r.managedProperty().bind(r.visibleProperty());
        javafx.scene.control.Tooltip.install(r, Help.tip(detail(l)));
        rows.put(l, r);
        getChildren().add(r);
    }

    /**
     * The gradient key: its name with the unit ("∂L/∂p per unit p, one scale (99th pct)") and the colour bar's ends
     * −s and +s, s the volume's scale (larger |values| are drawn at full colour); bare signs before s is known.
     */
    public static String[] gradientScaleText(double scale, boolean logit) {
        String name = logit ? "∂L/∂z per logit unit" : "∂L/∂p per unit p";
        if (!(scale > 0)) {
            return new String[] {name, "−", "+"};
        }
        String s = String.format(java.util.Locale.ROOT, "%.3g", scale);
        return new String[] {name + ", one scale (99th pct)", "−" + s, "+" + s};
    }

    private static String detail(Layer l) {
        return switch (l) {
            case REFERENCE -> "The reference labels in their class colours, filled or outlined";
            case PROBABILITY -> "p of the chosen class through the colour map; p below 0.05 is not drawn";
            case HARD -> "Outline of each class's hard mask (p ≥ t, or the argmax class) in its class colour";
            case ERRORS -> "The chosen class's hard mask against the reference: true positive, false positive, false "
                    + "negative (Okabe-Ito colours, distinct under colour-vision deficiencies)";
            case GRADIENT -> "∂L/∂p of the chosen loss: blue negative (raising p lowers the loss), red positive, white 0. "
                    + "One scale for the whole volume, the 99th percentile of |∂L/∂p| over the evaluation region: the "
                    + "bar's ends; larger values are drawn at full colour. The loss has no unit, so ∂L/∂p is per unit "
                    + "of p (∂L/∂z per unit of logit)";
            case DICE_OPTIMAL -> "Outline of p ≥ t_opt, the threshold with the best hard Dice on this case";
            case REGION -> "The evaluation region: the reference's bounding box grown by the margin, outlined on voxel "
                    + "boundaries";
            case AGREEMENT -> "How many raters label each voxel with the chosen class (or q̂, their mean): the Raters "
                    + "panel's colour bar gives the counts";
            case CONSENSUS -> "Outlines of the voxels every rater labels (consensus) and of those any rater labels; "
                    + "between them lies the raters' dissensus";
            case LESIONS -> "The chosen class's reference lesions (26-connected) outlined bluish green when the prediction "
                    + "overlaps them and sky blue when it misses them; predicted components touching no reference "
                    + "lesion outlined vermillion (Boundary & lesions tab: the table)";
            case BOUNDARY_DISTANCE -> "The prediction's border voxels of the chosen class coloured by their distance in mm "
                    + "to the reference's border: 0 mm cyan, the largest distance (printed) red";
        };
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("legend-text");
        return l;
    }

    private static Color argb(int v) {
        return Color.rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    private static Rectangle swatch(int argb) {
        Rectangle r = new Rectangle(11, 11, argb(argb));
        r.setStroke(Color.gray(0.3));
        return r;
    }

    private static Rectangle swatchOutline(Color c) {
        Rectangle r = new Rectangle(11, 11, Color.TRANSPARENT);
        r.setStroke(c.equals(Color.gray(0.85)) ? Color.gray(0.35) : c);
        r.setStrokeWidth(2);
        return r;
    }

    private static WritableImage bar(Colormap map) {
        return bar(map, 96);
    }

    private static WritableImage bar(Colormap map, int w) {
        int h = 9;
        int[] px = ColourBar.image(map, w, h, false);
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return img;
    }
}
