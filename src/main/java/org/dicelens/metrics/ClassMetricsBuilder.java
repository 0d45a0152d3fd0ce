package org.dicelens.metrics;

/**
 * Builds a {@link ClassMetrics} by name: each of its 44 values is set through a setter named like the record
 * component, and {@link #build()} refuses a record with a value left unset, so no two doubles can be swapped or
 * forgotten silently (the positional constructor stays for the record itself).
 */
public final class ClassMetricsBuilder {
    private int label;
    private String name;
    private double threshold;
    private double refVoxels;
    private double softVoxels;
    private double hardVoxels;
    private double refMl;
    private double softMl;
    private double hardMl;
    private double deltaSoftMl;
    private double deltaHardMl;
    private double softDice;
    private double hardDice;
    private double softJaccard;
    private double hardJaccard;
    private double precision;
    private double recall;
    private double specificity;
    private long tp;
    private long fp;
    private long fn;
    private long tn;
    private double diceLoss;
    private double diceSquaredLoss;
    private double jaccardLoss;
    private double tverskyLoss;
    private double focalTverskyLoss;
    private double ce;
    private double wce;
    private double ss;
    private double focal;
    private double logCoshDice;
    private double combo;
    private double ece;
    private double brier;
    private double gdlWeight;
    private double gdlShare;
    private double tBest;
    private double tVol;
    private double tCal;
    private double diceOptimalK;
    private double diceOptimalExpectedDice;
    private double diceOptimalThreshold;
    private double diceOptimalMl;
    private long set;

    public ClassMetricsBuilder label(int v) {
        label = v;
        set |= 1L << 0;
        return this;
    }

    public ClassMetricsBuilder name(String v) {
        name = v;
        set |= 1L << 1;
        return this;
    }

    public ClassMetricsBuilder threshold(double v) {
        threshold = v;
        set |= 1L << 2;
        return this;
    }

    public ClassMetricsBuilder refVoxels(double v) {
        refVoxels = v;
        set |= 1L << 3;
        return this;
    }

    public ClassMetricsBuilder softVoxels(double v) {
        softVoxels = v;
        set |= 1L << 4;
        return this;
    }

    public ClassMetricsBuilder hardVoxels(double v) {
        hardVoxels = v;
        set |= 1L << 5;
        return this;
    }

    public ClassMetricsBuilder refMl(double v) {
        refMl = v;
        set |= 1L << 6;
        return this;
    }

    public ClassMetricsBuilder softMl(double v) {
        softMl = v;
        set |= 1L << 7;
        return this;
    }

    public ClassMetricsBuilder hardMl(double v) {
        hardMl = v;
        set |= 1L << 8;
        return this;
    }

    public ClassMetricsBuilder deltaSoftMl(double v) {
        deltaSoftMl = v;
        set |= 1L << 9;
        return this;
    }

    public ClassMetricsBuilder deltaHardMl(double v) {
        deltaHardMl = v;
        set |= 1L << 10;
        return this;
    }

    public ClassMetricsBuilder softDice(double v) {
        softDice = v;
        set |= 1L << 11;
        return this;
    }

    public ClassMetricsBuilder hardDice(double v) {
        hardDice = v;
        set |= 1L << 12;
        return this;
    }

    public ClassMetricsBuilder softJaccard(double v) {
        softJaccard = v;
        set |= 1L << 13;
        return this;
    }

    public ClassMetricsBuilder hardJaccard(double v) {
        hardJaccard = v;
        set |= 1L << 14;
        return this;
    }

    public ClassMetricsBuilder precision(double v) {
        precision = v;
        set |= 1L << 15;
        return this;
    }

    public ClassMetricsBuilder recall(double v) {
        recall = v;
        set |= 1L << 16;
        return this;
    }

    public ClassMetricsBuilder specificity(double v) {
        specificity = v;
        set |= 1L << 17;
        return this;
    }

    public ClassMetricsBuilder tp(long v) {
        tp = v;
        set |= 1L << 18;
        return this;
    }

    public ClassMetricsBuilder fp(long v) {
        fp = v;
        set |= 1L << 19;
        return this;
    }

    public ClassMetricsBuilder fn(long v) {
        fn = v;
        set |= 1L << 20;
        return this;
    }

    public ClassMetricsBuilder tn(long v) {
        tn = v;
        set |= 1L << 21;
        return this;
    }

    public ClassMetricsBuilder diceLoss(double v) {
        diceLoss = v;
        set |= 1L << 22;
        return this;
    }

    public ClassMetricsBuilder diceSquaredLoss(double v) {
        diceSquaredLoss = v;
        set |= 1L << 23;
        return this;
    }

    public ClassMetricsBuilder jaccardLoss(double v) {
        jaccardLoss = v;
        set |= 1L << 24;
        return this;
    }

    public ClassMetricsBuilder tverskyLoss(double v) {
        tverskyLoss = v;
        set |= 1L << 25;
        return this;
    }

    public ClassMetricsBuilder focalTverskyLoss(double v) {
        focalTverskyLoss = v;
        set |= 1L << 26;
        return this;
    }

    public ClassMetricsBuilder ce(double v) {
        ce = v;
        set |= 1L << 27;
        return this;
    }

    public ClassMetricsBuilder wce(double v) {
        wce = v;
        set |= 1L << 28;
        return this;
    }

    public ClassMetricsBuilder ss(double v) {
        ss = v;
        set |= 1L << 29;
        return this;
    }

    public ClassMetricsBuilder focal(double v) {
        focal = v;
        set |= 1L << 30;
        return this;
    }

    public ClassMetricsBuilder logCoshDice(double v) {
        logCoshDice = v;
        set |= 1L << 31;
        return this;
    }

    public ClassMetricsBuilder combo(double v) {
        combo = v;
        set |= 1L << 32;
        return this;
    }

    public ClassMetricsBuilder ece(double v) {
        ece = v;
        set |= 1L << 33;
        return this;
    }

    public ClassMetricsBuilder brier(double v) {
        brier = v;
        set |= 1L << 34;
        return this;
    }

    public ClassMetricsBuilder gdlWeight(double v) {
        gdlWeight = v;
        set |= 1L << 35;
        return this;
    }

    public ClassMetricsBuilder gdlShare(double v) {
        gdlShare = v;
        set |= 1L << 36;
        return this;
    }

    public ClassMetricsBuilder tBest(double v) {
        tBest = v;
        set |= 1L << 37;
        return this;
    }

    public ClassMetricsBuilder tVol(double v) {
        tVol = v;
        set |= 1L << 38;
        return this;
    }

    public ClassMetricsBuilder tCal(double v) {
        tCal = v;
        set |= 1L << 39;
        return this;
    }

    public ClassMetricsBuilder diceOptimalK(double v) {
        diceOptimalK = v;
        set |= 1L << 40;
        return this;
    }

    public ClassMetricsBuilder diceOptimalExpectedDice(double v) {
        diceOptimalExpectedDice = v;
        set |= 1L << 41;
        return this;
    }

    public ClassMetricsBuilder diceOptimalThreshold(double v) {
        diceOptimalThreshold = v;
        set |= 1L << 42;
        return this;
    }

    public ClassMetricsBuilder diceOptimalMl(double v) {
        diceOptimalMl = v;
        set |= 1L << 43;
        return this;
    }

    private static final String[] NAMES = {"label", "name", "threshold", "refVoxels", "softVoxels",
            "hardVoxels", "refMl", "softMl", "hardMl", "deltaSoftMl", "deltaHardMl", "softDice", "hardDice",
            "softJaccard", "hardJaccard", "precision", "recall", "specificity", "tp", "fp", "fn", "tn", "diceLoss",
            "diceSquaredLoss", "jaccardLoss", "tverskyLoss", "focalTverskyLoss", "ce", "wce", "ss", "focal",
            "logCoshDice", "combo", "ece", "brier", "gdlWeight", "gdlShare", "tBest", "tVol", "tCal", "diceOptimalK",
            "diceOptimalExpectedDice", "diceOptimalThreshold", "diceOptimalMl"};

    public ClassMetrics build() {
        if (set != (1L << NAMES.length) - 1) {
            StringBuilder missing = new StringBuilder();
            for (int i = 0; i < NAMES.length; i++) {
                if ((set & (1L << i)) == 0) {
                    missing.append(missing.length() == 0 ? "" : ", ").append(NAMES[i]);
                }
            }
            throw new IllegalStateException("ClassMetrics without " + missing);
        }
        return new ClassMetrics(label, name, threshold, refVoxels, softVoxels, hardVoxels, refMl, softMl,
                hardMl, deltaSoftMl, deltaHardMl, softDice, hardDice, softJaccard, hardJaccard, precision, recall,
                specificity, tp, fp, fn, tn, diceLoss, diceSquaredLoss, jaccardLoss, tverskyLoss, focalTverskyLoss, ce,
                wce, ss, focal, logCoshDice, combo, ece, brier, gdlWeight, gdlShare, tBest, tVol, tCal, diceOptimalK,
                diceOptimalExpectedDice, diceOptimalThreshold, diceOptimalMl);
    }
}
