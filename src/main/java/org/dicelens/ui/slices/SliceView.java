package org.dicelens.ui.slices;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.dicelens.app.slices.SliceAssembly;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.render.EdgeLetters;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.model.CrosshairModel;
import org.dicelens.ui.model.DisplayModel;

/**
 * One radiological view (axial, coronal or sagittal). The render package composes the slice into a reused int[] at
 * one pixel per voxel, then scales it by nearest neighbour (physical aspect kept, pan and zoom applied) into a
 * viewport buffer at display resolution, behind a reused WritableImage drawn 1:1: a software renderer scales images
 * slowly (8 ms per view here) but copies them quickly. Shapes on top ({@link ViewAnnotations}) draw the crosshair, the
 * orientation letters, the slice number and the focus ring.
 * The mouse and keys are {@link SliceViewInput}'s; zoom and pan are linked across views
 * ({@link org.dicelens.ui.model.ZoomModel}) or the view's own ({@link OwnZoom}).
 */
public final class SliceView extends Region {

    private final ViewAxis axis;
    private final DisplayModel display;
    private final CrosshairModel crosshair;
    private final SliceRenderer renderer = new SliceRenderer();
    private final ImageView imageView = new ImageView();
    private final ViewAnnotations annotations = new ViewAnnotations();
    private ViewGeometry geometry;
    private int[] pixels = new int[0];
    /** The slice pixels on screen (a copy: the next composition overwrites {@code pixels}), re-scaled on pan/zoom. */
    private int[] shown = new int[0];
    private boolean hasShown;
    /** Worker-side viewport buffer; the FX thread copies it into the image's buffer. */
    private int[] screen = new int[0];
    /** FX-side viewport buffer for re-scaling on pan/zoom (a composition may be writing {@code screen} meanwhile). */
    private int[] rescaled = new int[0];
    private Viewport shownViewport;
    private float[] gradientAxis = new float[0];
    private float[] gradientScreen = new float[0];
    private WritableImage image;
    private java.nio.IntBuffer imageBuffer;
    private javafx.scene.image.PixelBuffer<java.nio.IntBuffer> pixelBuffer;
    private final OwnZoom own = new OwnZoom();
    private Consumer<int[]> hover = v -> { };
    private long lastPaintNanos;
    private volatile String lastComposeThread = "";
    private java.util.List<Object> drawnOverlay = java.util.List.of();
    private org.dicelens.render.RegionBox regionBox;
    private double regionOpacity;

    public SliceView(ViewAxis axis, DisplayModel display) {
        this.axis = axis;
        this.display = display;
        this.crosshair = display.crosshair();
        setId("view-" + axis.name().toLowerCase(Locale.ROOT));
        getStyleClass().add("slice-view");
        imageView.setSmooth(false);
        imageView.setPreserveRatio(false);
        imageView.setMouseTransparent(true);
        // unmanaged: every new frame of pixels makes an ImageView report changed bounds, which would lay out this view
        // and every ancestor up to the window on each threshold step; layoutChildren sizes it
        imageView.setManaged(false);
        getChildren().addAll(imageView, annotations);
        focusedProperty().addListener(x -> drawOverlay());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(80, 80);
        setFocusTraversable(true);
        SliceViewInput.install(this, display, own);
        setOnMouseMoved(e -> hover.accept(voxelAt(e.getX(), e.getY())));
        setOnMouseExited(e -> hover.accept(null));
        display.zoom().onChange(x -> requestLayout());
        display.zoom().onReset(x -> {
            own.reset();
            requestLayout();
        });
    }

    /** The title shown on a view ("Axial", …). */
    public static String title(ViewAxis a) {
        String n = a.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    public ViewAxis axis() {
        return axis;
    }

    /** The evaluation region drawn as an outline on voxel boundaries (null: none), at an opacity (0: hidden). */
    public void setRegion(org.dicelens.render.RegionBox box, double opacity) {
        regionBox = box;
        regionOpacity = opacity;
        drawOverlay();
    }

    /** The region outline on screen (tests): null when none is shown. */
    public double[] regionOutline() {
        javafx.scene.shape.Rectangle r = annotations.regionShape();
        return r.isVisible() ? new double[] {r.getX(), r.getY(), r.getWidth(), r.getHeight()} : null;
    }

    /** Called with the voxel under the mouse (null when outside the slice), for the status line. */
    public void setOnHover(Consumer<int[]> h) {
        hover = h;
    }

    public void setGeometry(ViewGeometry g) {
        boolean changed = geometry == null || g.width() != geometry.width() || g.height() != geometry.height();
        geometry = g;
        if (changed) {
            pixels = new int[g.width() * g.height()];
            shown = new int[pixels.length];
            hasShown = false;
            gradientAxis = new float[pixels.length];
            gradientScreen = new float[pixels.length];
            own.reset();
        }
        requestLayout();
    }

    public ViewGeometry geometry() {
        return geometry;
    }

    /** Composes this view's slice for the frame and shows it now, on the FX thread (PNG export). */
    public void paint(SliceFrame f) {
        Composition c = prepare();
        if (c != null && compose(f, c)) {
            present(c);
        }
    }

    /**
     * One frame's work for this view: the geometry and buffers it was started with, so a case opened meanwhile
     * (which replaces them) cannot be written by a late composition.
     */
    public static final class Composition {
        private final ViewGeometry geometry;
        private final int[] pixels;
        private final float[] gradientAxis;
        private final float[] gradientScreen;
        private final Viewport viewport;
        private final int[] screen;
        private long nanos;

        private Composition(ViewGeometry geometry, int[] pixels, float[] gradientAxis, float[] gradientScreen,
                Viewport viewport, int[] screen) {
            this.geometry = geometry;
            this.pixels = pixels;
            this.gradientAxis = gradientAxis;
            this.gradientScreen = gradientScreen;
            this.viewport = viewport;
            this.screen = screen;
        }
    }

    /**
     * Where the slice lands in the view's image, in device pixels: the image is {@code width × height}, the slice
     * spans (x, y, w, h) of it.
     */
    private record Viewport(int width, int height, double x, double y, double w, double h) {
        void fill(int[] slice, ViewGeometry g, int[] out) {
            org.dicelens.render.Zoom.nearest(slice, g.width(), g.height(), out, width, height, x, y, w, h, 0xFF000000);
        }
    }

    /** Device pixels per layout unit (2 on a HiDPI screen): the image has one pixel per device pixel. */
    private double outputScale() {
        var scene = getScene();
        return scene == null || scene.getWindow() == null ? 1 : scene.getWindow().getRenderScaleX();
    }

    /** The viewport for the current size, pan and zoom; null before a case or a size. */
    private Viewport viewport() {
        if (geometry == null || getWidth() < 1 || getHeight() < 1) {
            return null;
        }
        double s = outputScale();
        double[] p = placement();
        return new Viewport((int) Math.round(getWidth() * s), (int) Math.round(getHeight() * s), p[0] * s, p[1] * s,
                p[2] * s, p[3] * s);
    }

    /** On the FX thread: what the next composition writes into, or null before a case is shown. */
    public Composition prepare() {
        if (geometry == null) {
            return null;
        }
        Viewport v = viewport();
        if (v != null && screen.length != v.width() * v.height()) {
            screen = new int[v.width() * v.height()];
        }
        return new Composition(geometry, pixels, gradientAxis, gradientScreen, v, v == null ? null : screen);
    }

    /**
     * Composes the slice into the composition's buffer. Runs on the compose worker (or the FX thread for an export);
     * synchronized because the renderer's scratch buffers are shared by both.
     */
    public synchronized boolean compose(SliceFrame f, Composition c) {
        if (f == null || f.data() == null) {
            return false;
        }
        long t0 = System.nanoTime();
        ViewGeometry g = c.geometry;
        SliceAssembly.compose(f, g, SliceAssembly.sliceOf(f, g), renderer, c.gradientAxis, c.gradientScreen, c.pixels);
        if (c.viewport != null) {
            c.viewport.fill(c.pixels, g, c.screen);
        }
        c.nanos = System.nanoTime() - t0;
        lastComposeThread = Thread.currentThread().getName();
        return true;
    }

    /** On the FX thread: shows a finished composition (skipped if the view has since changed geometry). */
    public void present(Composition c) {
        if (c.pixels != pixels) {
            return;
        }
        long t0 = System.nanoTime();
        System.arraycopy(c.pixels, 0, shown, 0, shown.length);
        hasShown = true;
        Viewport now = viewport();
        if (now != null && now.equals(c.viewport)) {
            show(now, c.screen);
        } else {
            rescale(now); // resized, panned or zoomed while the slice was being composed
        }
        drawOverlay();
        lastPaintNanos = c.nanos + System.nanoTime() - t0;
    }

    /** FX thread: scales the slice on screen into the image again (pan, zoom, resize: no recomposition needed). */
    private void rescale(Viewport v) {
        if (v == null || !hasShown) {
            return;
        }
        if (rescaled.length != v.width() * v.height()) {
            rescaled = new int[v.width() * v.height()];
        }
        v.fill(shown, geometry, rescaled);
        show(v, rescaled);
    }

    /** FX thread: copies display-resolution pixels into the image (a new image when the view's size changed). */
    private void show(Viewport v, int[] argb) {
        if (image == null || (int) image.getWidth() != v.width() || (int) image.getHeight() != v.height()) {
            // the image reads a buffer in the format Prism's textures use (premultiplied ARGB ints; the composed
            // pixels are opaque, so straight and premultiplied agree): no per-pixel conversion on either thread
            imageBuffer = java.nio.IntBuffer.allocate(v.width() * v.height());
            pixelBuffer = new javafx.scene.image.PixelBuffer<>(v.width(), v.height(), imageBuffer,
                    PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixelBuffer);
            imageView.setImage(image);
        }
        pixelBuffer.updateBuffer(b -> {
            imageBuffer.clear();
            imageBuffer.put(argb, 0, v.width() * v.height());
            return null; // the whole image changed
        });
        shownViewport = v;
    }

    /** Time the last frame took (compose on the worker, copy and overlay on the FX thread), for the latency figures. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** The thread that composed the last frame (the compose worker, except for exports). */
    public String lastComposeThread() {
        return lastComposeThread;
    }

    /** The image on screen: the slice scaled to display resolution, one pixel per device pixel of the view. */
    public javafx.scene.image.Image displayedImage() {
        return image;
    }

    /** The last composed slice (ARGB, slice resolution), for PNG export. */
    public int[] pixels() {
        return pixels;
    }

    /** Display rectangle of the slice: {x, y, w, h} in this view's coordinates. */
    public double[] placement() {
        double w = getWidth();
        double h = getHeight();
        double mmW = geometry.width() * geometry.pixelWidthMm();
        double mmH = geometry.height() * geometry.pixelHeightMm();
        double[] s = scaleAndPan();
        double dw = mmW * s[0];
        double dh = mmH * s[0];
        return new double[] {(w - dw) / 2 + s[1], (h - dh) / 2 + s[2], dw, dh};
    }

    /** Pixels per mm that fit the slice into the view. */
    double fit() {
        double mmW = geometry.width() * geometry.pixelWidthMm();
        double mmH = geometry.height() * geometry.pixelHeightMm();
        return Math.min((getWidth() - 8) / mmW, (getHeight() - 8) / mmH);
    }

    /** {scale in pixels per mm, pan x, pan y in pixels}: the linked zoom's when linked, else this view's own. */
    private double[] scaleAndPan() {
        org.dicelens.ui.model.ZoomModel z = display.zoom();
        if (z.linkedProperty().get()) {
            double scale = z.scale(fit());
            return new double[] {scale, z.panMm(axis.worldX()) * scale, z.panMm(axis.worldY()) * scale};
        }
        return new double[] {fit() * own.zoom(), own.panX(), own.panY()};
    }

    @Override
    protected void layoutChildren() {
        imageView.setFitWidth(getWidth());
        imageView.setFitHeight(getHeight());
        if (geometry != null) {
            Viewport v = viewport();
            if (v != null && !v.equals(shownViewport)) {
                rescale(v);
            }
            drawOverlay();
        }
    }

    private void drawOverlay() {
        double w = getWidth();
        double h = getHeight();
        double[] p = geometry == null ? null : placement();
        int[] c = crosshair.voxel();
        // a threshold step changes the pixels, not the crosshair, letters or title: leave the shapes as they are then
        java.util.List<Object> key = java.util.Arrays.asList(geometry, w, h,
                p == null ? null : java.util.Arrays.toString(p), java.util.Arrays.toString(c), isFocused(), regionBox,
                regionOpacity);
        if (key.equals(drawnOverlay)) {
            return;
        }
        drawnOverlay = key;
        // the focus ring is drawn here: the image covers the whole view, so a CSS border would be hidden
        if (geometry == null) {
            annotations.showFocusOnly(w, h, isFocused());
            return;
        }
        double sx = p[0] + (geometry.screenX(c[0], c[1], c[2]) + 0.5) * p[2] / geometry.width();
        double sy = p[1] + (geometry.screenY(c[0], c[1], c[2]) + 0.5) * p[3] / geometry.height();
        EdgeLetters e = geometry.edgeLetters();
        annotations.region(RegionOutline.onScreen(regionBox, geometry, geometry.sliceOf(c[0], c[1], c[2]), p),
                regionOpacity);
        annotations.show(w, h, isFocused(), p, sx, sy, new char[] {e.left(), e.right(), e.top(), e.bottom()},
                title(axis) + "  " + (geometry.sliceOf(c[0], c[1], c[2]) + 1) + "/" + geometry.sliceCount());
    }

    /** The voxel (i, j, k) at a point of this view, or null outside the slice. */
    public int[] voxelAt(double x, double y) {
        if (geometry == null) {
            return null;
        }
        // the mapping the image was scaled with (device pixels): the voxel named is the one drawn under the cursor
        double s = outputScale();
        double[] p = placement();
        int px = org.dicelens.render.Zoom.sourceAt(x * s, p[0] * s, p[2] * s, geometry.width());
        int py = org.dicelens.render.Zoom.sourceAt(y * s, p[1] * s, p[3] * s, geometry.height());
        if (px < 0 || py < 0) {
            return null;
        }
        int[] c = crosshair.voxel();
        return geometry.voxel(px, py, geometry.sliceOf(c[0], c[1], c[2]));
    }
}
