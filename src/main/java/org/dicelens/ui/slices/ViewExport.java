package org.dicelens.ui.slices;

import java.util.List;
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
import org.dicelens.render.EdgeLetters;
import org.dicelens.render.RegionBox;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.panels.OverlayLegend;

/**
 * The exported figure: the three slices at a chosen scale (nearest neighbour, square millimetres), each in a black
 * margin holding its orientation letters and title, the evaluation region outlined on voxel boundaries as on screen,
 * and below them a key of the classes and of every visible overlay with its colour bars and scales (the window's own
 * {@link OverlayLegend}). Built as a scene graph and snapshotted on the FX thread, so text looks as it does on screen.
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

    /** The figure's ARGB pixels and size: {pixels, {width, height}}. */
    static Object[] render(List<Slice> slices, double pixelsPerMm, RegionBox region, double regionOpacity,
            String caption, List<ClassControl> classes, OverlayModel overlays) {
        HBox views = new HBox(0);
        for (Slice s : slices) {
            views.getChildren().add(view(s, pixelsPerMm, region, regionOpacity));
        }
        VBox key = new VBox(4);
        key.setPadding(new Insets(6, 10, 8, 10));
        key.setId("exportKey");
        Text cap = text(caption, TITLE_FONT);
        HBox classRow = new HBox(8);
        for (ClassControl c : classes) {
            if (c.visibleProperty().get()) {
                int v = c.argbProperty().get();
                Rectangle r = new Rectangle(11, 11, Color.rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF));
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
        root.layout();
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.BLACK);
        WritableImage img = root.snapshot(sp, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return new Object[] {out, new int[] {w, h}};
    }

    private static Node view(Slice s, double pixelsPerMm, RegionBox region, double regionOpacity) {
        ViewGeometry g = s.geometry();
        int[] size = size(g, pixelsPerMm);
        int w = size[0];
        int h = size[1];
        int[] scaled = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(g.height() - 1, (int) ((y + 0.5) * g.height() / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(g.width() - 1, (int) ((x + 0.5) * g.width() / w));
                scaled[y * w + x] = s.pixels()[sy * g.width() + sx] | 0xFF000000;
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), scaled, 0, w);
        ImageView iv = new ImageView(img);
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
