package org.dicelens.phantom;

/**
 * Where the lab's cases come from: a seeded generator of binary (lesion vs rest) cases with known q. Two kinds:
 * the lab's own {@link SyntheticLesions} (the default: a linear uncertain band and a spatially smooth rater, so one
 * rater's volume is a low-variance estimate of Σq) and the project's {@link PhantomGenerator} ({@link GeneratorCases}:
 * lesions in a brain-like head, a logistic band and one rater level per lesion). Parameters are in each kind's own
 * terms; the {@code with} methods change the ones the lab's controls set.
 */
public sealed interface LabCaseSource permits SyntheticLesions.Spec, GeneratorCases {

    /** One case; the same seed gives the same case. */
    LabCase generate(long seed, String name);

    /**
     * One case for a curve over boundary widths: lesions placed as for a band of {@code placementBandMm} (≥ the
     * width) when the kind can do so, so that the width alone varies along the curve.
     */
    LabCase generateForCurve(long seed, String name, double placementBandMm);

    /** The uncertain boundary's width in mm (the kind's own definition: the band, or the logistic scale). */
    double widthMm();

    int lesionCount();

    double lesionRadiusMm();

    LabCaseSource withWidth(double mm);

    LabCaseSource withLesions(int count, double radiusMm);

    /** Image noise in the kind's own units (intensity sd; or a fraction of white matter's intensity). */
    LabCaseSource withNoise(double noise);

    LabCaseSource withDims(int nx, int ny, int nz);

    /** One line for reports: the kind and its parameters. */
    String describe();

    /** "synthetic" or "generator". */
    String kind();

    /** A parameter as people write it: 1, 0.05, 4.5. */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
