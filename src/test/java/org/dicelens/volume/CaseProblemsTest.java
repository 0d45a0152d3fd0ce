package org.dicelens.volume;

import static org.dicelens.volume.Vols.f;
import static org.dicelens.volume.Vols.vol;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every case-level problem of issue 7: an InputException naming file(s), field and value, or a warning. */
class CaseProblemsTest {
    static final Geometry G = Geometry.ofSpacing(3, 2, 1, 1, 1, 2);
    static final Path REF = Path.of("ref.nii.gz");
    static final Path PRED = Path.of("pred.nii.gz");

    @TempDir
    Path dir;

    static InputException fails(Vols.MapReader r, CaseSpec spec, Path file, String field) {
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(spec, Progress.NONE, r));
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": " + (field == null ? "" : field + ": ")), e.getMessage());
        return e;
    }

    static void contains(InputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "missing \"" + p + "\" in: " + e.getMessage());
        }
    }

    @Test
    void predictionOfOtherDims() {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 1, 0, 1)))
                .put(vol(PRED, Geometry.ofSpacing(3, 2, 2, 1, 1, 2), new float[12]));
        InputException e = fails(r, CaseSpec.of(REF, PRED), PRED, "geometry");
        contains(e, "the prediction is not on the grid of the reference ref.nii.gz", "dims 3x2x1 vs 3x2x2", "never resamples");
    }

    @Test
    void predictionOfAnotherAffine() {
        Geometry flipped = new Geometry(3, 2, 1, new double[] {-1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1});
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 1, 0, 1))).put(vol(PRED, flipped, new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED), PRED, "geometry");
        contains(e, "ref.nii.gz", "affines differ", "3.000 mm apart", "orientation RAS vs LAS");
    }

    @Test
    void imageOnAnotherGrid() {
        Path img = Path.of("t1.nii");
        Geometry shifted = new Geometry(3, 2, 1, new double[] {1, 0, 0, 0.5, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1});
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 1, 0, 1))).put(vol(PRED, G, new float[6]))
                .put(vol(img, shifted, new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED).withImage(img), img, "geometry");
        contains(e, "the image is not on the grid of the reference ref.nii.gz", "0.5000 mm apart");
    }

    @Test
    void tooFewChannels() {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 3, 0, 0))).put(vol(PRED, G, new float[6], new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED), PRED, "channels");
        contains(e, "2 prediction channels (pred.nii.gz: 2 channels) but 4 classes (labels 0, 1, 2, 3, from reference ref.nii.gz)",
                "expected 4 channels, or 3 with the background derived");
    }

    @Test
    void tooManyChannelsForTheClassTable() throws Exception {
        Path table = dir.resolve("labels.csv");
        Files.writeString(table, "0,bg\n1,a\n2,b\n");
        Path other = Path.of("extra.nii");
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 0, 0)))
                .put(vol(PRED, G, new float[6], new float[6], new float[6])).put(vol(other, G, new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED, other).withClassTable(table), PRED, "channels");
        contains(e, "4 prediction channels (pred.nii.gz: 3 channels, extra.nii: 1 channel) but 3 classes",
                "from class table " + table);
    }

    @Test
    void tooManyChannelsWhenTheLabelsDoNotFit() {
        // labels 0, 2, 4 cannot be channels 0..3 of a 4-channel prediction
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 2, 4, 0, 0, 0)))
                .put(vol(PRED, G, new float[6], new float[6], new float[6], new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED), PRED, "channels");
        contains(e, "4 prediction channels", "3 classes (labels 0, 2, 4");
    }

    @Test
    void softmaxNeedsEveryChannel() {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 0, 0))).put(vol(PRED, G, new float[6], new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED).withPredictionKind(PredictionKind.LOGITS_SOFTMAX), PRED, "channels");
        contains(e, "softmax logits need one channel per class, background included");
    }

    @Test
    void referenceLabelsMissingFromTheClassTable() throws Exception {
        Path table = dir.resolve("labels.txt");
        Files.writeString(table, "0 0 0 0 0 0 0 \"Clear Label\"\n1 255 0 0 1 1 1 \"a\"\n");
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 3, 7, 7, 0))).put(vol(PRED, G, new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED).withClassTable(table), REF, "labels");
        contains(e, "the reference holds label values 3, 7 (3 voxels) with no class in class table " + table, "(labels 0, 1)");
    }

    @Test
    void hardPredictionLabelsMissingFromTheClassTable() throws Exception {
        Path table = dir.resolve("labels.json");
        Files.writeString(table, "[{\"label\":0},{\"label\":1},{\"label\":2}]");
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 0, 0))).put(vol(PRED, G, f(0, 1, 5, 0, 0, 0)));
        InputException e = fails(r, CaseSpec.of(REF, PRED).withClassTable(table), PRED, "labels");
        contains(e, "the prediction holds label value 5 (1 voxels)");
    }

    @Test
    void aClassTableThatDoesNotParse() throws Exception {
        Path table = dir.resolve("labels.json");
        Files.writeString(table, "[\n{\"label\": 0},\n{\"label\": \"one\"}\n]");
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 0, 0, 0))).put(vol(PRED, G, new float[6]));
        InputException e = fails(r, CaseSpec.of(REF, PRED).withClassTable(table), table, "line 3");
        contains(e, "\"label\" \"one\" is not an integer");
        assertEquals(0, r.reads, "a bad table fails before any volume is read");
    }

    @Test
    void probabilitiesOutsideZeroOneAreClampedAndCounted() throws Exception {
        // sct's mt1_gmseg goes up to 1.06: clamped, counted, told
        float[] p = f(1.06, -0.02, 0.5, 1.0, 0, 1.2);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(1, 0, 1, 1, 0, 1))).put(vol(PRED, G, p));
        Case c = CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r);
        assertArrayEquals(f(1, 0, 0.5, 1, 0, 1), c.prediction().channels()[1]);
        assertArrayEquals(f(0, 1, 0.5, 0, 1, 0), c.prediction().channels()[0]);
        assertEquals(3, c.prediction().clampedCount());
        assertEquals(List.of("pred.nii.gz: 3 values outside [0,1] clamped (values from -0.0200000 to 1.20000)"), c.warnings());
    }

    @Test
    void logitsGivenAsProbabilitiesEarnAHint() throws Exception {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(1, 0, 1, 1, 0, 1))).put(vol(PRED, G, f(4.5, -3, 0.5, 2, -7.25, 1)));
        Case c = CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r);
        assertEquals(4, c.prediction().clampedCount());
        assertTrue(c.warnings().get(0).endsWith("(values from -7.25000 to 4.50000); these look like logits: load them as logits"),
                c.warnings().get(0));
    }

    @Test
    void nanAndInfiniteProbabilitiesAreAnError() {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(1, 0, 1, 1, 0, 1)))
                .put(vol(PRED, G, f(0.5, 0.5, 0.5, 0.5, 0.5, 0.5), f(0.5, Double.NaN, 0.5, Double.POSITIVE_INFINITY, Double.NaN, 0.5)));
        InputException e = fails(r, CaseSpec.of(REF, PRED), PRED, "values");
        contains(e, "3 NaN or infinite values (the first at voxel (1,0,0) of channel 1)");
        Vols.MapReader d = new Vols.MapReader().put(vol(REF, G, f(1, 0, 1, 1, 0, 1)))
                .put(vol(PRED, G, new double[] {0, 0, 0, 0, 0, Double.NEGATIVE_INFINITY}));
        contains(fails(d, CaseSpec.of(REF, PRED), PRED, "values"), "1 NaN or infinite value (the first at voxel (2,1,0))");
    }

    @Test
    void channelsThatDoNotSumToOneOnlyWarn() throws Exception {
        float[] a = f(0.5, 0.6, 0.5, 0.3, 0.9995, 1);
        float[] b = f(0.5, 0.6, 0.2, 0.7, 0, 0);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(1, 0, 1, 1, 0, 1))).put(vol(PRED, G, a, b));
        Case c = CaseLoader.load(CaseSpec.of(REF, PRED), Progress.NONE, r);
        // voxel 1 sums to 1.2, voxel 2 to 0.7; voxel 4 (0.9995) is within the 0.001 tolerance
        assertEquals(List.of("the 2 probability channels do not sum to 1 (within 0.001) at 2 of 6 voxels (farthest sum "
                + "0.700000); they are used as given"), c.warnings());
        assertEquals(0, c.prediction().clampedCount());
    }

    @Test
    void referenceValuesThatAreNotLabels() {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0.5, 0, 0, 0))).put(vol(PRED, G, new float[6]));
        contains(fails(r, CaseSpec.of(REF, PRED), REF, "value"), "the reference label map holds 0.5 at voxel (2,0,0)",
                "labels must be whole numbers");
        Vols.MapReader n = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 0, 0, Double.NaN))).put(vol(PRED, G, new float[6]));
        contains(fails(n, CaseSpec.of(REF, PRED), REF, "value"), "holds NaN at voxel (2,1,0)");
        Vols.MapReader four = new Vols.MapReader().put(vol(REF, G, new float[6], new float[6])).put(vol(PRED, G, new float[6]));
        contains(fails(four, CaseSpec.of(REF, PRED), REF, "dim"), "the reference label map has 2 volumes");
    }

    @Test
    void moreThan255LabelValues() {
        Geometry big = Geometry.ofSpacing(16, 16, 2, 1, 1, 1);
        double[] labels = new double[512];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i;
        }
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, big, labels)).put(vol(PRED, big, new float[512]));
        contains(fails(r, CaseSpec.of(REF, PRED), REF, "value"), "more than 255 distinct values");
    }

    @Test
    void masksThatOverlapAreNotBinaryOrDisagree() throws Exception {
        Path m1 = Path.of("a.nii");
        Path m2 = Path.of("b.nii");
        Path m3 = Path.of("c.nii");
        Vols.MapReader r = new Vols.MapReader().put(vol(m1, G, f(1, 1, 0, 0, 0, 0))).put(vol(m2, G, f(0, 1, 1, 0, 0, 0)))
                .put(vol(m3, G, f(0, 0, 0, 1, 2, 0))).put(vol(PRED, G, new float[6], new float[6], new float[6]));
        InputException e = fails(r, CaseSpec.ofMasks(List.of(m1, m2), List.of(PRED)), m2, "mask");
        contains(e, "1 voxel is also in the mask a.nii: classes must not overlap");

        e = fails(r, CaseSpec.ofMasks(List.of(m1, m3), List.of(PRED)), m3, "value");
        contains(e, "a binary mask holds 0 and one other value, this one holds 0, 1, 2");

        Path m4 = Path.of("d.nii");
        r.put(vol(m4, Geometry.ofSpacing(3, 2, 1, 1, 1, 3), new float[6]));
        e = fails(r, CaseSpec.ofMasks(List.of(m1, m4), List.of(PRED)), m4, "geometry");
        contains(e, "the mask is not on the grid of the reference a.nii");

        Path table = dir.resolve("t.csv");
        Files.writeString(table, "1,a\n2,b\n3,c\n");
        e = fails(r, CaseSpec.ofMasks(List.of(m1, m2), List.of(PRED)).withClassTable(table), table, "classes");
        contains(e, "the class table has 3 classes besides background but 2 reference masks were given (a.nii, b.nii)");
    }

    @Test
    void aHardLabelPredictionIsOneFile() {
        Path p2 = Path.of("p2.nii");
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 0, 0))).put(vol(PRED, G, f(0, 1, 2, 0, 0, 0)))
                .put(vol(p2, G, f(0, 1, 2, 0, 0, 0)));
        InputException e = fails(r, CaseSpec.of(REF, PRED, p2).withPredictionKind(PredictionKind.HARD_LABELS), PRED, "channels");
        contains(e, "a hard label prediction is one 3D label map; got 2 file(s)");
        Path two = Path.of("two.nii");
        r.put(vol(two, G, f(0, 1, 2, 0, 0, 0), f(0, 1, 2, 0, 0, 0)));
        e = fails(r, CaseSpec.of(REF, two).withPredictionKind(PredictionKind.HARD_LABELS), two, "channels");
        contains(e, "a hard label prediction is one 3D label map; got 1 file(s) (two.nii: 2 channels)");
    }

    @Test
    void aMissingFileIsTheReadersError() {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 0, 0)));
        fails(r, CaseSpec.of(REF, PRED), PRED, null);
    }
}
