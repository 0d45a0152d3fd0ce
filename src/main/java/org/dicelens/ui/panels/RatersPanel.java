package org.dicelens.ui.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.render.AgreementLayer;
import org.dicelens.render.ColourBar;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;

/**
 * Several raters (shown only when the case has them): which reference the engine compares with (the majority vote or
 * one rater), the agreement overlay's mode and legend, and the raters' spread for the chosen class.
 */
public final class RatersPanel extends VBox {
    static final String MAJORITY = "majority vote";
    static final String SOFT = "the reference (q̂ soft)";
    static final String HELP = "Several raters (File ▸ Open raters: label maps, per-class masks named like task01_seg02, "
            + "or one soft map q̂; or a case folder with rater_N / segNN files). "
            + "q̂ is the fraction of raters labelling a voxel: the agreement overlay colours it (or the number of "
            + "raters), the green outline surrounds the voxels all raters mark and the magenta one those any rater "
            + "marks; between them the raters disagree. The usual numbers compare with the chosen reference.";

    private final ViewerModel vm;
    private final OverlayModel overlays;
    private final ChoiceBox<String> reference = new ChoiceBox<>();
    private final CheckBox qHat = new CheckBox("q̂ (not rater counts)");
    private final ImageView bar = new ImageView();
    private final Label low = new Label();
    private final Label high = new Label();
    private final Label summary = new Label();
    private boolean updating;

    public RatersPanel(ViewerModel vm, DisplayModel display) {
        this.vm = vm;
        this.overlays = display.overlays();
        setSpacing(4);
        setId("ratersPanel");
        getStyleClass().add("panel");
        reference.setId("raterChoice");
        reference.setTooltip(Help.tip("The reference every number and overlay uses: the raters' majority vote, or one "
                + "rater. The multi-rater numbers (Σq̂, spread, semimetric Dice) do not depend on this choice."));
        reference.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!updating && i.intValue() >= 0) {
                vm.chooseRater(i.intValue());
            }
        });
        qHat.setId("agreementAsQHat");
        qHat.selectedProperty().bindBidirectional(overlays.agreementAsQHat);
        qHat.setTooltip(Help.tip("Colour the agreement overlay by q̂ = fraction of raters (continuous) instead of "
                + "the number of raters"));
        HBox choose = new HBox(6, new Label("Compare with"), reference);
        choose.setAlignment(Pos.CENTER_LEFT);
        HBox barRow = new HBox(4, low, bar, high);
        barRow.setAlignment(Pos.CENTER_LEFT);
        barRow.setId("agreementLegend");
        HBox outlines = new HBox(4, swatch(AgreementLayer.CONSENSUS_ARGB), new Label("all raters"),
                swatch(AgreementLayer.ANY_RATER_ARGB), new Label("any rater"));
        outlines.setAlignment(Pos.CENTER_LEFT);
        summary.setId("raterSummary");
        getChildren().addAll(Help.header("Raters", HELP), choose, qHat, barRow, outlines, summary);
        vm.currentProperty().addListener((o, was, now) -> {
            // a case that brings raters shows them at once (a session restores its own overlays after this)
            if (now != null && now.raters() != null && (was == null || was.raters() == null)) {
                overlays.layer(OverlayModel.Layer.AGREEMENT).enabled.set(true);
                overlays.layer(OverlayModel.Layer.CONSENSUS).enabled.set(true);
            }
            refresh();
        });
        vm.raterMetricsProperty().addListener(x -> refreshSummary());
        vm.controls().selectedClassProperty().addListener(x -> refreshSummary());
        overlays.agreementAsQHat.addListener(x -> drawLegend());
        refresh();
    }

    private static Rectangle swatch(int argb) {
        Rectangle r = new Rectangle(14, 4);
        r.setFill(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
        return r;
    }

    private void refresh() {
        LoadedCase lc = vm.current();
        boolean has = lc != null && lc.raters() != null;
        setVisible(has);
        setManaged(has);
        if (!has) {
            return;
        }
        updating = true;
        try {
            List<String> items = new ArrayList<>();
            items.add(lc.raters().reference().isSoft() ? SOFT : MAJORITY); // a soft map keeps the case's reference
            for (int k = 1; k <= lc.raters().labels().size(); k++) {
                items.add("rater " + k);
            }
            reference.setItems(FXCollections.observableArrayList(items));
            reference.getSelectionModel().select(lc.files().raterChoice());
        } finally {
            updating = false;
        }
        qHat.setDisable(lc.raters().reference().isSoft());
        drawLegend();
        refreshSummary();
    }

    /** The colour bar with the ends the overlay uses: 1..K raters, or q̂ from just above 0 to 1. */
    private void drawLegend() {
        LoadedCase lc = vm.current();
        if (lc == null || lc.raters() == null) {
            return;
        }
        int k = lc.raters().reference().raterCount();
        boolean counts = !overlays.agreementAsQHat.get() && k > 0;
        int w = 160;
        int h = 10;
        int[] px = ColourBar.image(AgreementLayer.COLOURS, w, h, false);
        if (counts) { // K steps, as the overlay paints them: m raters at q̂ = m/K
            for (int x = 0; x < w; x++) {
                int m = Math.min(k, 1 + x * k / w);
                int argb = AgreementLayer.COLOURS.argb(m / (double) k);
                for (int y = 0; y < h; y++) {
                    px[y * w + x] = argb;
                }
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        bar.setImage(img);
        low.setText(counts ? "1" : "q̂ 0");
        high.setText(counts ? k + " raters" : "1");
    }

    private void refreshSummary() {
        RaterMetrics m = vm.raterMetricsProperty().get();
        int c = vm.selectedChannel();
        if (m == null || c >= m.classes().size()) {
            summary.setText("");
            return;
        }
        RaterClassMetrics r = m.classes().get(c);
        if (m.soft()) { // no raters: no volumes to spread, no pairs
            summary.setText(String.format(Locale.ROOT, "%s: soft reference q̂%nΣq̂·v %s mL%nconsensus Dice %s", r.name(),
                    Fmt.num(r.expectedMl(), 2), Fmt.num(r.consensusDice(), 3)));
            return;
        }
        // one short line per number: the left column is narrow
        summary.setText(String.format(Locale.ROOT, "%s: %s raters%nΣq̂·v %s mL, raters %s–%s mL%ninter-rater Dice %s%n"
                + "consensus Dice %s", r.name(), m.soft() ? "soft" : String.valueOf(m.raters()),
                Fmt.num(r.expectedMl(), 2), Fmt.num(r.raterMlMin(), 2), Fmt.num(r.raterMlMax(), 2),
                Fmt.num(r.interRaterDice(), 3), Fmt.num(r.consensusDice(), 3)));
    }
}
