package org.dicelens.render;

/** One overlay's toggle and opacity (0 transparent … 1 opaque). */
public record Layer(boolean on, double opacity) {
    public Layer {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1]: " + opacity);
        }
    }

    public static Layer on(double opacity) {
        return new Layer(true, opacity);
    }

    public static Layer off(double opacity) {
        return new Layer(false, opacity);
    }

    public Layer withOn(boolean b) {
        return new Layer(b, opacity);
    }

    public Layer withOpacity(double o) {
        return new Layer(on, o);
    }

    /** Opacity as an integer weight 0..256 for blending; 0 when off. */
    int weight() {
        return on ? (int) Math.round(opacity * 256) : 0;
    }
}
