package org.dicelens.ui.slices;

/**
 * A view's own zoom and pan, used while zoom is not linked across views: a factor over the size that fits the slice
 * (0.5 to 40) and a pan in layout pixels.
 */
final class OwnZoom {
    static final double MIN = 0.5;
    static final double MAX = 40;

    private double zoom = 1;
    private double panX;
    private double panY;

    double zoom() {
        return zoom;
    }

    double panX() {
        return panX;
    }

    double panY() {
        return panY;
    }

    void reset() {
        zoom = 1;
        panX = 0;
        panY = 0;
    }

    /** Zooms by f keeping the point (x, y), measured from the view's centre, where it is on screen. */
    void zoomAbout(double f, double x, double y) {
        double nz = Math.max(MIN, Math.min(MAX, zoom * f));
        double cx = x - panX;
        double cy = y - panY;
        panX -= cx * (nz / zoom - 1);
        panY -= cy * (nz / zoom - 1);
        zoom = nz;
    }

    void pan(double dx, double dy) {
        panX += dx;
        panY += dy;
    }
}
