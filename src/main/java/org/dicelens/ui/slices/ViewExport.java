package org.dicelens.ui.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.render.EdgeLetters;
import org.dicelens.render.RegionBox;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.panels.OverlayLegend;

/**
 * The exported figure: the three slices at a chosen scale (nearest neighbour, square millimetres), each in a black
 * margin holding its orientation letters and title, the evaluation region outlined on voxel boundaries as on screen,
 * and below them a key of the classes and of every visible overlay with its colour bars and scales (the window's own
 * {@link OverlayLegend}). Built as a scene graph and snapshotted on the FX thread, so text looks as it does on screen.
 * A figure is laid out once and snapshotted at a whole magnification k (1×, 2×, 4×): letters, legend and bars are
 * drawn k times larger, and each slice pixel of the 1× figure becomes exactly k × k pixels.
 */
final class ViewExport {
    /** Margin around each slice, holding the letters (px). */
    static final int MARGIN = 22;
    /** Height of the title line above each slice (px). */
    static final int TITLE = 18;
    private static final Font LETTER = Font.font("System", FontWeight.BOLD, 15);
    private static final Font TITLE_FONT = Font.font(12);

    /** One view to draw: its geometry, composed slice pixels (slice resolution), slice index and title. */
    record Slice(ViewGeometry geometry, int[] pixels, int slice, String title) {
    }

    private ViewExport() {
    }

    /** Output size of a slice at {@code pixelsPerMm}: {width, height}, rounded, at least 1. */
    static int[] size(ViewGeometry g, double pixelsPerMm) {
        return new int[] {Math.max(1, (int) Math.round(g.width() * g.pixelWidthMm() * pixelsPerMm)),
            Math.max(1, (int) Math.round(g.height() * g.pixelHeightMm() * pixelsPerMm))};
    }

    /** A laid-out figure and its size at 1× (whole pixels). */
    record Figure(Node root, int width, int height) {
        /** {width, height} at magnification {@code k}. */
        int[] size(int k) {
            return new int[] {width * k, height * k};
        }
    }

    /**
     * The figure of the grid's three views for frame {@code f}: each view composed now, its slice at the crosshair.
     *
     * @param pixelsPerMm the slices' scale at 1× (≤ 0 or NaN: one pixel per smallest voxel side)
     * @param k           magnification of the whole figure, 1..8
     */
    static Figure of(ViewerModel vm, DisplayModel display, SliceFrame f, Map<ViewAxis, SliceView> views,
            RegionBox region, double pixelsPerMm, int k) {
        if (k < 1 || k > 8) {
            throw new IllegalArgumentException("magnification " + k + " outside 1..8");
        }
        LoadedCase lc = vm.current();
        double scale = pixelsPerMm;
        if (!(scale > 0)) {
            double[] mm = lc.data().geometry().spacing();
            scale = 1 / Math.min(mm[0], Math.min(mm[1], mm[2]));
        }
        List<Slice> slices = new ArrayList<>();
        int[] c = display.crosshair().voxel();
        for (ViewAxis a : new ViewAxis[] {ViewAxis.AXIAL, ViewAxis.CORONAL, ViewAxis.SAGITTAL}) {
            SliceView v = views.get(a);
            v.paint(f);
            ViewGeometry g = v.geometry();
            int slice = g.sliceOf(c[0], c[1], c[2]);
            slices.add(new Slice(g, v.pixels().clone(), slice,
                    SliceView.title(a) + "  " + (slice + 1) + "/" + g.sliceCount()));
        }
        OverlayModel o = display.overlays();
        double regionOpacity = o.on(OverlayModel.Layer.REGION) ? o.opacity(OverlayModel.Layer.REGION) : 0;
        int ch = vm.selectedChannel();
        String className = ch < vm.controls().classes().size()
                ? vm.controls().classes().get(ch).nameProperty().get() : "";
        return build(slices, scale, region, regionOpacity, org.dicelens.ui.model.CaseName.of(lc) + "  ·  chosen class: " + className,
                vm.controls().classes(), o, k);
    }

    /**
     * Lays out the figure whose slices are drawn at {@code pixelsPerMm}, with slice images already magnified
     * {@code k} times (so a snapshot at k× maps each image pixel to one output pixel).
     */
    static Figure build(List<Slice> slices, double pixelsPerMm, RegionBox region, double regionOpacity,
            String caption, List<ClassControl> classes, OverlayModel overlays, int k) {
        HBox views = new HBox(0);
        for (Slice s : slices) {
            views.getChildren().add(view(s, pixelsPerMm, region, regionOpacity, k));
        }
        VBox key = new VBox(4);
        key.setPadding(new Insets(6, 10, 8, 10));
        key.setId("exportKey");
        Text cap = text(caption, TITLE_FONT);
        HBox classRow = new HBox(8);
        for (ClassControl c : classes) {
            if (c.visibleProperty().get()) {
                int v = c.argbProperty().get();
                // the class's overlay opacity, as its swatch in the window shows it
                Rectangle r = new Rectangle(11, 11, Color.rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF,
                        Math.max(0, Math.min(1, c.opacityProperty().get()))));
                r.setStroke(Color.gray(0.6)); // a black class (background) stays visible on the black figure
                classRow.getChildren().addAll(r, text(c.nameProperty().get(), TITLE_FONT));
            }
        }
        OverlayLegend legend = new OverlayLegend(overlays);
        key.getChildren().addAll(cap, classRow, legend);
        VBox root = new VBox(views, key);
        // modena derives light text from a dark -fx-background: the legend's labels read on black
        root.setStyle("-fx-background-color: black; -fx-background: #111111; -fx-base: #303030;");
        new Scene(root); // CSS and layout need a scene; it is never shown
        root.applyCss();
        // a scene that is never shown does not size its root: give it its preferred size in whole pixels
        int w = (int) Math.ceil(root.prefWidth(-1));
        int h = (int) Math.ceil(root.prefHeight(w));
        root.resize(w, h);
        root.layout();
        return new Figure(root, w, h);
    }

    /** The figure's ARGB pixels at magnification {@code k} (its {@link Figure#size(int)}). */
    static int[] pixels(Figure f, int k) {
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.BLACK);
        sp.setTransform(javafx.scene.transform.Transform.scale(k, k));
        // the viewport is in output pixels: exactly k times the 1× figure, whatever the text's fractional bounds
        sp.setViewport(new javafx.geometry.Rectangle2D(0, 0, f.width() * k, f.height() * k));
        WritableImage img = f.root().snapshot(sp, null);
        int w = f.width() * k;
        int h = f.height() * k;
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, Math.min(w, (int) img.getWidth()), Math.min(h, (int) img.getHeight()),
                PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    private static Node view(Slice s, double pixelsPerMm, RegionBox region, double regionOpacity, int k) {
        ViewGeometry g = s.geometry();
        int[] size = size(g, pixelsPerMm);
        int w = size[0];
        int h = size[1];
        // the 1× picture (nearest neighbour at pixelsPerMm), each of its pixels repeated k × k times
        int kw = w * k;
        int[] scaled = new int[kw * h * k];
        for (int y = 0; y < h * k; y++) {
            int sy = Math.min(g.height() - 1, (int) ((y / k + 0.5) * g.height() / h));
            for (int x = 0; x < kw; x++) {
                int sx = Math.min(g.width() - 1, (int) ((x / k + 0.5) * g.width() / w));
                scaled[y * kw + x] = s.pixels()[sy * g.width() + sx] | 0xFF000000;
            }
        }
        WritableImage img = new WritableImage(kw, h * k);
        img.getPixelWriter().setPixels(0, 0, kw, h * k, PixelFormat.getIntArgbInstance(), scaled, 0, kw);
        ImageView iv = new ImageView(img);
        iv.setFitWidth(w); // laid out at 1×; the snapshot's k× transform maps image pixels one to one
        iv.setFitHeight(h);
        iv.setSmooth(false);
        int x0 = MARGIN;
        int y0 = MARGIN + TITLE;
        iv.relocate(x0, y0);
        Pane p = new Pane(iv);
        p.setMinSize(w + 2 * MARGIN, h + 2 * MARGIN + TITLE);
        p.setPrefSize(w + 2 * MARGIN, h + 2 * MARGIN + TITLE);
        double[] box = RegionOutline.onScreen(region, g, s.slice(), new double[] {x0, y0, w, h});
        if (box != null && regionOpacity > 0) {
            Rectangle r = new Rectangle(box[0], box[1], box[2], box[3]);
            int c = org.dicelens.render.OverlayColours.REGION;
            r.setFill(null);
            r.setStroke(Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, regionOpacity));
            r.setStrokeType(javafx.scene.shape.StrokeType.INSIDE);
            r.setStrokeWidth(Math.max(1, Math.round(pixelsPerMm / 4)));
            p.getChildren().add(r);
        }
        EdgeLetters e = g.edgeLetters();
        place(p, letter(e.left()), MARGIN / 2.0, y0 + h / 2.0);
        place(p, letter(e.right()), x0 + w + MARGIN / 2.0, y0 + h / 2.0);
        place(p, letter(e.top()), x0 + w / 2.0, y0 - MARGIN / 2.0);
        place(p, letter(e.bottom()), x0 + w / 2.0, y0 + h + MARGIN / 2.0);
        Text t = text(s.title(), TITLE_FONT);
        t.setTextOrigin(VPos.TOP);
        t.relocate(x0, 2);
        p.getChildren().add(t);
        return p;
    }

    private static Text letter(char c) {
        Text t = text(String.valueOf(c), LETTER);
        t.setId("exportLetter");
        return t;
    }

    /** Centres {@code t} on (cx, cy). */
    private static void place(Pane p, Text t, double cx, double cy) {
        t.setTextOrigin(VPos.CENTER);
        double tw = t.getLayoutBounds().getWidth();
        t.setLayoutX(cx - tw / 2);
        t.setLayoutY(cy);
        p.getChildren().add(t);
    }

    private static Text text(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        t.setFill(Color.rgb(235, 235, 235));
        return t;
    }
}
