package org.dicelens.phantom;

import java.util.Locale;

/**
 * The project's phantom generator as a {@link LabCaseSource}: binary (lesion vs rest) cases from
 * {@link PhantomGenerator} with the given spec, the seed replaced per case; q is the lesion channel and the
 * reference is rater 0. A brain spec is used through its lesion class (label 3) against everything else.
 */
public record GeneratorCases(PhantomSpec spec) implements LabCaseSource {

    @Override
    public LabCase generate(long seed, String name) {
        Phantom p = PhantomGenerator.generate(spec.withSeed(seed));
        return of(p, name);
    }

    /** The generator places lesions for each width itself (its gap grows with the width): only the seed is shared. */
    @Override
    public LabCase generateForCurve(long seed, String name, double placementBandMm) {
        return generate(seed, name);
    }

    /** A phantom as a lab case: the image, q of the lesion channel (the last) and rater 0's lesion voxels. */
    public static LabCase of(Phantom p, String name) {
        int lesion = p.classes().size() - 1;
        byte[] labels = p.reference();
        byte[] ref = new byte[labels.length];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (labels[i] & 0xFF) == lesion ? (byte) 1 : 0;
        }
        return new LabCase(name, p.geometry(), p.image(), p.q()[lesion], ref);
    }

    @Override
    public double widthMm() {
        return spec.widthMm();
    }

    @Override
    public int lesionCount() {
        return spec.lesions();
    }

    @Override
    public double lesionRadiusMm() {
        return spec.lesionRadiusMm();
    }

    @Override
    public GeneratorCases withWidth(double mm) {
        return new GeneratorCases(spec.withWidth(mm));
    }

    @Override
    public GeneratorCases withLesions(int count, double radiusMm) {
        return new GeneratorCases(spec.withLesions(count, radiusMm));
    }

    @Override
    public GeneratorCases withNoise(double noise) {
        return new GeneratorCases(spec.withImage(noise, spec.bias()));
    }

    @Override
    public GeneratorCases withDims(int nx, int ny, int nz) {
        return new GeneratorCases(spec.withSize(nx, ny, nz));
    }

    @Override
    public String describe() {
        PhantomSpec s = spec;
        return String.format(Locale.ROOT, "phantom generator, %s kind: %dx%dx%d voxels of %sx%sx%s mm; %d lesions of "
                + "radius %s mm ±30 %%, logistic boundary of scale %s mm; noise %s of white matter, bias field ±%s; "
                + "reference = rater 0", s.kind().name().toLowerCase(Locale.ROOT), s.nx(), s.ny(), s.nz(),
                LabCaseSource.plain(s.sx()), LabCaseSource.plain(s.sy()), LabCaseSource.plain(s.sz()), s.lesions(), LabCaseSource.plain(s.lesionRadiusMm()),
                LabCaseSource.plain(s.widthMm()), LabCaseSource.plain(s.noise()), LabCaseSource.plain(s.bias()));
    }

    @Override
    public String kind() {
        return "generator";
    }
}
