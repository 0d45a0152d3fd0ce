package org.dicelens.metrics.cohort;

import java.util.List;
import org.dicelens.metrics.CaseStatistics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.ClassInfo;

/**
 * One case of a cohort reduced to what every cohort number needs, at every margin: per class the counts by
 * (level, reference flag, bin) and Σp by (level, reference flag), and per argmax channel the argmax counts. No voxel
 * and no reference to the case's volumes is kept (typically kilobytes; {@link #bytes()}).
 */
public final class CohortCase {
    private final String name;
    private final double voxelMl;
    private final List<ClassInfo> classes;
    private final int background;
    private final int levels;
    private final ShellHistogram[] negative; // per class: voxels with reference ≠ class
    private final ShellHistogram[] positive; // per class: voxels with reference = class
    private final double[][] sumP; // per class: Σp at level ≤ lv, [lv * 2 + r]
    private final ShellHistogram[] argmaxAll;
    private final ShellHistogram[] argmaxRef;
    private final ShellHistogram[] argmaxBg;
    /** The only margin these statistics answer ({@link #atMargin}), or {@link #ALL_MARGINS}. */
    private final int keptMargin;
    private static final int ALL_MARGINS = Integer.MIN_VALUE;
    /** A region model's case ({@link #ofRegions}): its classes are regions, judged in threshold mode only. */
    private final boolean regions;

    private CohortCase(String name, double voxelMl, List<ClassInfo> classes, CaseStatistics st) {
        this.name = name;
        this.voxelMl = voxelMl;
        this.classes = List.copyOf(classes);
        this.background = st.backgroundChannel();
        this.levels = st.levelCount();
        this.keptMargin = ALL_MARGINS;
        this.regions = false;
        int nc = st.classCount();
        if (nc != classes.size()) {
            throw new IllegalArgumentException(nc + " channels in the statistics, " + classes.size() + " classes");
        }
        negative = new ShellHistogram[nc];
        positive = new ShellHistogram[nc];
        sumP = new double[nc][levels * 2];
        argmaxAll = new ShellHistogram[nc];
        argmaxRef = new ShellHistogram[nc];
        argmaxBg = new ShellHistogram[nc];
        for (int c = 0; c < nc; c++) {
            final int ch = c;
            negative[c] = ShellHistogram.of(levels, (lv, k) -> st.count(ch, lv, 0, k));
            positive[c] = ShellHistogram.of(levels, (lv, k) -> st.count(ch, lv, 1, k));
            for (int lv = 0; lv < levels; lv++) {
                sumP[c][lv * 2] = st.sumP(c, lv, 0);
                sumP[c][lv * 2 + 1] = st.sumP(c, lv, 1);
            }
            argmaxAll[c] = ShellHistogram.of(levels, (lv, k) -> st.argmaxAll(ch, lv, k));
            argmaxRef[c] = ShellHistogram.of(levels, (lv, k) -> st.argmaxRef(ch, lv, k));
            argmaxBg[c] = ShellHistogram.of(levels, (lv, k) -> st.argmaxBg(ch, lv, k));
        }
    }

    private CohortCase(CohortCase all, int margin) {
        int lv = all.levelIndex(margin);
        name = all.name;
        voxelMl = all.voxelMl;
        classes = all.classes;
        background = all.background;
        levels = 1;
        keptMargin = margin;
        regions = all.regions;
        int nc = classes.size();
        negative = new ShellHistogram[nc];
        positive = new ShellHistogram[nc];
        sumP = new double[nc][];
        argmaxAll = new ShellHistogram[nc];
        argmaxRef = new ShellHistogram[nc];
        argmaxBg = new ShellHistogram[nc];
        for (int c = 0; c < nc; c++) {
            negative[c] = all.negative[c].collapse(lv);
            positive[c] = all.positive[c].collapse(lv);
            sumP[c] = new double[] {all.sumP(c, lv, 0), all.sumP(c, lv, 1)};
            argmaxAll[c] = all.argmaxAll[c].collapse(lv);
            argmaxRef[c] = all.argmaxRef[c].collapse(lv);
            argmaxBg[c] = all.argmaxBg[c].collapse(lv);
        }
    }

    private CohortCase(String name, double voxelMl, List<ClassInfo> classes, int levels, int keptMargin,
            ShellHistogram[][] hist, double[][] sumP) {
        this.name = name;
        this.voxelMl = voxelMl;
        this.classes = List.copyOf(classes);
        this.background = -1; // regions have no background channel
        this.regions = true;
        this.levels = levels;
        this.keptMargin = keptMargin;
        this.negative = hist[0];
        this.positive = hist[1];
        this.argmaxAll = hist[2];
        this.argmaxRef = hist[3];
        this.argmaxBg = hist[4];
        this.sumP = sumP;
    }

    /**
     * A region model's case (nnU-Net regions_class_order) as one cohort case whose classes are its regions: class r
     * (label r + 1, the region's name) holds the foreground channel of {@code perRegion.get(r)}, the binary case of
     * region r (reference = the union of its labels). Regions overlap, so they cannot share one label map; each keeps
     * its own statistics, including its own evaluation box (the margin of region r grows around region r's box, as
     * when the region is evaluated alone). A region with fewer margin levels is padded: its outer levels add nothing.
     * Only threshold mode is meaningful (no background channel; argmax counts are each region's binary argmax).
     */
    public static CohortCase ofRegions(String name, List<CohortCase> perRegion) {
        if (perRegion.isEmpty()) {
            throw new IllegalArgumentException("no region");
        }
        int nr = perRegion.size();
        int levels = 0;
        int kept = perRegion.get(0).keptMargin;
        for (CohortCase r : perRegion) {
            if (r.classes.size() != 2 || r.keptMargin != kept || r.voxelMl != perRegion.get(0).voxelMl) {
                throw new IllegalArgumentException("region cases must be binary, on one grid, kept for one margin: "
                        + r.name);
            }
            levels = Math.max(levels, r.levels);
        }
        List<ClassInfo> classes = new java.util.ArrayList<>();
        ShellHistogram[][] hist = new ShellHistogram[5][nr];
        double[][] sumP = new double[nr][levels * 2];
        for (int k = 0; k < nr; k++) {
            CohortCase r = perRegion.get(k);
            ClassInfo fg = r.classes.get(1);
            classes.add(new ClassInfo(k + 1, fg.name(), fg.argb()));
            hist[0][k] = r.negative[1].padded(levels);
            hist[1][k] = r.positive[1].padded(levels);
            hist[2][k] = r.argmaxAll[1].padded(levels);
            hist[3][k] = r.argmaxRef[1].padded(levels);
            hist[4][k] = r.argmaxBg[1].padded(levels);
            for (int lv = 0; lv < levels; lv++) {
                int from = Math.min(lv, r.levels - 1); // Σp at level ≤ lv is cumulative: constant past the last level
                sumP[k][lv * 2] = r.sumP(1, from, 0);
                sumP[k][lv * 2 + 1] = r.sumP(1, from, 1);
            }
        }
        return new CohortCase(name, perRegion.get(0).voxelMl, classes, levels, kept, hist, sumP);
    }

    /**
     * The same statistics for one margin only (one collapsed level: at most 1,001 bins per histogram whatever the
     * case's size); a cohort of such cases answers that margin and refuses others. For the command line, whose
     * margin is fixed.
     */
    public CohortCase atMargin(int margin) {
        return new CohortCase(this, margin);
    }

    /** The statistics of a case (pass 1 of the engine); {@code classes} in channel order. */
    public static CohortCase of(String name, CaseStatistics st, double voxelMl, List<ClassInfo> classes) {
        return new CohortCase(name, voxelMl, classes, st);
    }

    /** The statistics of a built engine, under this case name (the engine and its volumes can then be dropped). */
    public static CohortCase of(String name, Engine e) {
        return of(name, e.statistics(), e.voxelMl(), e.caseData().classes().all());
    }

    public String name() {
        return name;
    }

    public double voxelMl() {
        return voxelMl;
    }

    /** The classes in channel order. */
    public List<ClassInfo> classes() {
        return classes;
    }

    int channelOf(int label) {
        for (int c = 0; c < classes.size(); c++) {
            if (classes.get(c).label() == label) {
                return c;
            }
        }
        return -1;
    }

    /** Level index of a margin, as {@code EvaluationRegion.levelIndex}: min(m, levels − 1); whole volume the last. */
    int levelIndex(int margin) {
        if (keptMargin != ALL_MARGINS) {
            if (margin != keptMargin) {
                throw new IllegalArgumentException("the statistics of " + name + " were kept for margin " + keptMargin
                        + " only, not " + margin);
            }
            return 0;
        }
        if (margin == Settings.WHOLE_VOLUME) {
            return levels - 1;
        }
        if (margin < 0) {
            throw new IllegalArgumentException("margin must be >= 0 or Settings.WHOLE_VOLUME, got " + margin);
        }
        return Math.min(margin, levels - 1);
    }

    /** Σp of channel c at level ≤ lv over voxels with reference flag r. */
    double sumP(int c, int lv, int r) {
        return sumP[c][lv * 2 + r];
    }

    int levelCount() {
        return levels;
    }

    int backgroundChannel() {
        return background;
    }

    ShellHistogram positive(int c) {
        return positive[c];
    }

    ShellHistogram negative(int c) {
        return negative[c];
    }

    ShellHistogram argmaxAll(int c) {
        return argmaxAll[c];
    }

    ShellHistogram argmaxRef(int c) {
        return argmaxRef[c];
    }

    ShellHistogram argmaxBg(int c) {
        return argmaxBg[c];
    }

    /** True for a region model's case ({@link #ofRegions}). */
    public boolean isRegions() {
        return regions;
    }

    /** Approximate bytes held by these statistics. */
    public long bytes() {
        long b = 64;
        for (int c = 0; c < classes.size(); c++) {
            b += negative[c].bytes() + positive[c].bytes() + argmaxAll[c].bytes() + argmaxRef[c].bytes()
                    + argmaxBg[c].bytes() + 8L * sumP[c].length + 16;
        }
        return b;
    }
}
