package org.dicelens.render;

import java.util.List;
import java.util.Locale;

/**
 * A colormap as a lookup table of opaque ARGB colours, built by linear interpolation between control
 * points (FSLeyes/NiiVue style). {@link #argb(double)} maps t in [0, 1] (clamped; NaN gives the first entry).
 */
public final class Colormap {
    /** Black to white. */
    public static final Colormap GREY = new Colormap("grey", 256, new double[] {0, 0, 0, 0, 1, 1, 1, 1});

    /** matplotlib's "hot": black-red, red-yellow, yellow-white (its _hot_data segments). */
    public static final Colormap HOT = new Colormap("hot", 256, hotPoints());

    /** matplotlib's viridis: every 8th entry of its 256-colour table (_viridis_data) plus the last. */
    public static final Colormap VIRIDIS = new Colormap("viridis", 256, viridisPoints());

    /**
     * Diverging blue-white-red for signed values (ColorBrewer RdBu, reversed, with pure white at the centre).
     * Its table has an odd size so that t = 0.5 (value 0) is exactly white.
     */
    public static final Colormap BLUE_WHITE_RED = new Colormap("blue-white-red", 255, divergingPoints());

    private final String name;
    private final int[] lut;

    /** @param points (position, r, g, b) quadruples in [0,1], positions ascending from 0 to 1 */
    public Colormap(String name, int size, double[] points) {
        if (size < 2 || points.length < 8 || points.length % 4 != 0) {
            throw new IllegalArgumentException("colormap " + name + ": need size >= 2 and at least two control points");
        }
        this.name = name;
        this.lut = new int[size];
        for (int i = 0; i < size; i++) {
            lut[i] = interpolate(points, i / (double) (size - 1));
        }
    }

    private static int interpolate(double[] p, double t) {
        int n = p.length / 4;
        int k = 0;
        while (k < n - 2 && t > p[4 * (k + 1)]) {
            k++;
        }
        double t0 = p[4 * k];
        double t1 = p[4 * (k + 1)];
        double f = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 0;
        int r = channel(p[4 * k + 1], p[4 * k + 5], f);
        int g = channel(p[4 * k + 2], p[4 * k + 6], f);
        int b = channel(p[4 * k + 3], p[4 * k + 7], f);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int channel(double a, double b, double f) {
        return (int) Math.round(255 * (a + (b - a) * f));
    }

    public String name() {
        return name;
    }

    /** Number of entries of the lookup table. */
    public int size() {
        return lut.length;
    }

    /** A copy of the lookup table. */
    public int[] lut() {
        return lut.clone();
    }

    /** Entry i of the table. */
    public int entry(int i) {
        return lut[i];
    }

    /** Opaque ARGB for t in [0, 1]; clamped outside, NaN as 0. */
    public int argb(double t) {
        if (!(t > 0)) {
            return lut[0];
        }
        if (t >= 1) {
            return lut[lut.length - 1];
        }
        return lut[(int) (t * (lut.length - 1) + 0.5)];
    }

    public static List<Colormap> all() {
        return List.of(GREY, HOT, VIRIDIS, BLUE_WHITE_RED);
    }

    /** By name, ignoring case ("grey"/"gray", "hot", "viridis", "blue-white-red"/"diverging"). */
    public static Colormap byName(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "grey", "gray" -> GREY;
            case "hot" -> HOT;
            case "viridis" -> VIRIDIS;
            case "blue-white-red", "diverging", "bwr", "rdbu" -> BLUE_WHITE_RED;
            default -> throw new IllegalArgumentException("unknown colormap '" + s + "' (grey, hot, viridis, blue-white-red)");
        };
    }

    @Override
    public String toString() {
        return name;
    }

    private static double[] hotPoints() {
        double a = 0.365079;
        double b = 0.746032;
        // matplotlib: red 0.0416 -> 1 on [0, a]; green 0 -> 1 on [a, b]; blue 0 -> 1 on [b, 1].
        return new double[] {0, 0.0416, 0, 0, a, 1, 0, 0, b, 1, 1, 0, 1, 1, 1, 1};
    }

    private static double[] viridisPoints() {
        double[] rgb = {0.267004, 0.004874, 0.329415, 0.277018, 0.050344, 0.375715, 0.282327, 0.094955, 0.417331,
            0.282884, 0.135920, 0.453427, 0.278826, 0.175490, 0.483397, 0.270595, 0.214069, 0.507052, 0.258965, 0.251537,
            0.524736, 0.244972, 0.287675, 0.537260, 0.229739, 0.322361, 0.545706, 0.214298, 0.355619, 0.551184, 0.199430,
            0.387607, 0.554642, 0.185556, 0.418570, 0.556753, 0.172719, 0.448791, 0.557885, 0.160665, 0.478540, 0.558115,
            0.149039, 0.508051, 0.557250, 0.137770, 0.537492, 0.554906, 0.127568, 0.566949, 0.550556, 0.120565, 0.596422,
            0.543611, 0.120638, 0.625828, 0.533488, 0.132268, 0.655014, 0.519661, 0.157851, 0.683765, 0.501686, 0.196571,
            0.711827, 0.479221, 0.246070, 0.738910, 0.452024, 0.304148, 0.764704, 0.419943, 0.369214, 0.788888, 0.382914,
            0.440137, 0.811138, 0.340967, 0.515992, 0.831158, 0.294279, 0.595839, 0.848717, 0.243329, 0.678489, 0.863742,
            0.189503, 0.762373, 0.876424, 0.137064, 0.845561, 0.887322, 0.099702, 0.926106, 0.897330, 0.104071, 0.993248,
            0.906157, 0.143936};
        int n = rgb.length / 3; // entries 0, 8, ..., 248 and 255 of the 256-entry table
        double[] p = new double[4 * n];
        for (int k = 0; k < n; k++) {
            p[4 * k] = k == n - 1 ? 1.0 : 8 * k / 255.0;
            p[4 * k + 1] = rgb[3 * k];
            p[4 * k + 2] = rgb[3 * k + 1];
            p[4 * k + 3] = rgb[3 * k + 2];
        }
        return p;
    }

    private static double[] divergingPoints() {
        int[] hex = {0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xFFFFFF, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
            0x67001F};
        double[] p = new double[4 * hex.length];
        for (int k = 0; k < hex.length; k++) {
            p[4 * k] = k / (double) (hex.length - 1);
            p[4 * k + 1] = (hex[k] >> 16 & 0xFF) / 255.0;
            p[4 * k + 2] = (hex[k] >> 8 & 0xFF) / 255.0;
            p[4 * k + 3] = (hex[k] & 0xFF) / 255.0;
        }
        return p;
    }
}
