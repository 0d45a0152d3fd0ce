package org.dicelens.phantom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicelens.common.AtomicFiles;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;

/**
 * Writes a phantom as the files a user would have: {@code image.nii.gz} (int16), {@code reference.nii.gz}
 * (uint8 label values, rater 0), {@code rater_<r>.nii.gz} for raters 1 to K − 1 (K = the spec's raters), {@code prediction_<kind>.nii.gz}
 * (4D float32, one volume per class), {@code labels.txt} (ITK-SNAP label description) and {@code phantom.json}
 * (the spec, the lesions — centre in voxel coordinates and in mm from voxel (0,0,0) along the voxel axes — and
 * per class the expected volume Σq·v and the Dice-optimal volume). Every file is written atomically.
 */
public final class PhantomWriter {
    /** What was written, by role. */
    public record Written(Path image, Path reference, List<Path> raters, Map<PhantomPrediction, Path> predictions,
            Path labels, Path description) {
        public List<Path> all() {
            List<Path> out = new ArrayList<>(List.of(image, reference));
            out.addAll(raters);
            out.addAll(predictions.values());
            out.add(labels);
            out.add(description);
            return out;
        }
    }

    private PhantomWriter() {
    }

    public static Written write(Phantom p, Path dir, Collection<PhantomPrediction> kinds) throws InputException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir, null, "cannot create the output folder: " + e.getMessage(), e);
        }
        Geometry g = p.geometry();
        Path image = dir.resolve("image.nii.gz");
        NiftiWriter.write(image, header(g, p, "image"), NiftiDatatype.INT16, p.image());
        Path reference = dir.resolve("reference.nii.gz");
        NiftiWriter.write(reference, header(g, p, "reference (rater 0)"), NiftiDatatype.UINT8, labelValues(p, p.reference()));
        List<Path> raters = new ArrayList<>();
        for (int r = 1; r < p.spec().raters(); r++) {
            Path f = dir.resolve("rater_" + r + ".nii.gz");
            NiftiWriter.write(f, header(g, p, "rater " + r), NiftiDatatype.UINT8, labelValues(p, p.rater(r)));
            raters.add(f);
        }
        Map<PhantomPrediction, Path> predictions = new LinkedHashMap<>();
        for (PhantomPrediction k : kinds) {
            Path f = dir.resolve("prediction_" + k.fileTag() + ".nii.gz");
            NiftiHeader h = header(g, p, "prediction " + k.fileTag());
            h.dim[0] = 4; // x, y, z, class (as MONAI saves softmax); step 1 along the class axis
            h.dim[4] = p.classes().size();
            h.pixdim[4] = 1;
            NiftiWriter.write(f, h, NiftiDatatype.FLOAT32, (Object[]) p.prediction(k));
            predictions.put(k, f);
        }
        Path labels = dir.resolve("labels.txt");
        writeText(labels, itkSnapLabels(p));
        Path description = dir.resolve("phantom.json");
        writeText(description, describe(p));
        return new Written(image, reference, raters, predictions, labels, description);
    }

    private static NiftiHeader header(Geometry g, Phantom p, String what) {
        return NiftiHeaders.of(g, 1, "DiceLens phantom " + what + " seed " + p.spec().seed());
    }

    /** Channel indices to the class table's label values, as floats for the writer. */
    private static float[] labelValues(Phantom p, byte[] channels) {
        float[] v = new float[channels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.classes().get(channels[i] & 0xFF).label();
        }
        return v;
    }

    static String itkSnapLabels(Phantom p) {
        StringBuilder sb = new StringBuilder();
        sb.append("################################################\n");
        sb.append("# ITK-SNAP Label Description File (DiceLens phantom)\n");
        sb.append("# IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL\n");
        sb.append("################################################\n");
        for (ClassInfo c : p.classes().all()) {
            int a = c.label() == 0 ? 0 : 1;
            sb.append(String.format(Locale.ROOT, "%5d %5d %4d %4d %8d %2d %2d    \"%s\"%n", c.label(), c.argb() >> 16 & 0xFF,
                    c.argb() >> 8 & 0xFF, c.argb() & 0xFF, a, a, a, c.name()));
        }
        return sb.toString();
    }

    static String describe(Phantom p) {
        PhantomSpec s = p.spec();
        StringBuilder sb = new StringBuilder("{\n");
        sb.append(String.format(Locale.ROOT, "  \"kind\": \"%s\",%n", s.kind().name().toLowerCase(Locale.ROOT)));
        sb.append(String.format(Locale.ROOT, "  \"size\": [%d, %d, %d],%n", s.nx(), s.ny(), s.nz()));
        sb.append(String.format(Locale.ROOT, "  \"spacingMm\": [%s, %s, %s],%n", num(s.sx()), num(s.sy()), num(s.sz())));
        sb.append(String.format(Locale.ROOT, "  \"lesionsRequested\": %d,%n  \"lesionRadiusMm\": %s,%n", s.lesions(),
                num(s.lesionRadiusMm())));
        sb.append(String.format(Locale.ROOT, "  \"widthMm\": %s,%n  \"noise\": %s,%n  \"bias\": %s,%n  \"sharpness\": %s,%n",
                num(s.widthMm()), num(s.noise()), num(s.bias()), num(s.sharpness())));
        sb.append(String.format(Locale.ROOT, "  \"raters\": %d,%n  \"seed\": %d,%n", s.raters(), s.seed()));
        // the raters' files in rater order, ready for evaluate --raters
        sb.append("  \"raterFiles\": [\"reference.nii.gz\"");
        for (int r = 1; r < s.raters(); r++) {
            sb.append(", \"rater_").append(r).append(".nii.gz\"");
        }
        sb.append("],\n");
        sb.append(String.format(Locale.ROOT, "  \"voxelMl\": %s,%n", num(p.geometry().voxelMl())));
        sb.append("  \"lesions\": [");
        for (int j = 0; j < p.lesions().size(); j++) {
            PhantomLesion l = p.lesions().get(j);
            sb.append(j == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"centreVoxel\": [%s, %s, %s], \"centreMm\": [%s, %s, %s], \"radiusMm\": %s}",
                    num(l.cx() / s.sx()), num(l.cy() / s.sy()), num(l.cz() / s.sz()), num(l.cx()), num(l.cy()), num(l.cz()),
                    num(l.radiusMm())));
        }
        sb.append(p.lesions().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"classes\": [");
        for (int c = 0; c < p.classes().size(); c++) {
            ClassInfo ci = p.classes().get(c);
            PhantomDiceOptimal.Result r = PhantomDiceOptimal.of(p.q()[c]);
            sb.append(c == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"label\": %d, \"name\": \"%s\", \"expectedMl\": %s, \"diceOptimalMl\": %s, "
                            + "\"diceOptimalThreshold\": %s, \"diceOptimalExpectedDice\": %s}",
                    ci.label(), ci.name(), num(p.expectedVolumeMl(c)), num(r.k() * p.geometry().voxelMl()),
                    Double.isFinite(r.threshold()) ? num(r.threshold()) : "null", num(r.expectedDice())));
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static void writeText(Path file, String text) throws InputException {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new InputException(file, null, "cannot write: " + e.getMessage(), e);
        }
    }
}
