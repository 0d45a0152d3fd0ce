package org.dicelens.render;

/** ARGB pixel arithmetic shared by the compositor. */
final class Pixels {
    private Pixels() {
    }

    /** src over dst with weight a in 0..256 (256 = src exactly); the result is opaque. */
    static int blend(int dst, int src, int a) {
        if (a >= 256) {
            return src | 0xFF000000;
        }
        int b = 256 - a;
        int rb = ((src & 0xFF00FF) * a + (dst & 0xFF00FF) * b) >>> 8 & 0xFF00FF;
        int g = ((src & 0x00FF00) * a + (dst & 0x00FF00) * b) >>> 8 & 0x00FF00;
        return 0xFF000000 | rb | g;
    }

    static int grey(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }
}
