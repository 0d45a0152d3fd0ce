package org.dicelens.render;

/** One overlay's toggle and opacity (0 transparent … 1 opaque). */
public record LayerSetting(boolean on, double opacity) {
    public LayerSetting {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1]: " + opacity);
        }
    }

    public static LayerSetting on(double opacity) {
        return new LayerSetting(true, opacity);
    }

    public static LayerSetting off(double opacity) {
        return new LayerSetting(false, opacity);
    }

    public LayerSetting withOn(boolean b) {
        return new LayerSetting(b, opacity);
    }

    public LayerSetting withOpacity(double o) {
        return new LayerSetting(on, o);
    }

    /** Opacity as an integer weight 0..256 for blending; 0 when off. */
    int weight() {
        return on ? (int) Math.round(opacity * 256) : 0;
    }
}
