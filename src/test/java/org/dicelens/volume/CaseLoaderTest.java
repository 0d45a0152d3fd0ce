package org.dicelens.volume;

import static org.dicelens.volume.Vols.f;
import static org.dicelens.volume.Vols.vol;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/** Label mapping, layouts and probability handling of the loader, on in-memory volumes (hand-worked values). */
class CaseLoaderTest {
    static final Geometry G = Geometry.ofSpacing(3, 2, 1, 1, 1, 2); // 6 voxels, 0.002 mL each
    static final Path REF = Path.of("ref.nii.gz");
    static final Path PRED = Path.of("pred.nii.gz");

    static Case load(Vols.MapReader r, CaseSpec spec) throws Exception {
        return CaseLoader.load(spec, Progress.NONE, r);
    }

    static int[] refChannels(Case c) {
        int[] r = new int[c.voxelCount()];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.reference(i);
        }
        return r;
    }

    static int[] labels(Case c) {
        return c.classes().all().stream().mapToInt(ClassInfo::label).toArray();
    }

    @Test
    void a4dSoftmaxIsUsedAsReadWithoutACopy() throws Exception {
        float[] p0 = f(0.7, 0.1, 0.2, 1, 0, 0.5);
        float[] p1 = f(0.2, 0.8, 0.1, 0, 1, 0.25);
        float[] p2 = f(0.1, 0.1, 0.7, 0, 0, 0.25);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 1, 2))).put(vol(PRED, G, p0, p1, p2));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertEquals("ref", c.name());
        assertArrayEquals(new int[] {0, 1, 2}, labels(c));
        assertEquals("background", c.classes().get(0).name());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, refChannels(c));
        assertSame(p0, c.prediction().channels()[0]); // float32 channels are not copied
        assertSame(p1, c.prediction().channels()[1]);
        assertSame(p2, c.prediction().channels()[2]);
        assertEquals(0, c.prediction().clampedCount());
        assertEquals(List.of(), c.warnings());
        assertEquals(PredictionKind.PROBABILITIES, c.predictionKind());
        assertEquals(List.of(PRED.toString()), c.prediction().sources());
        assertEquals(G, c.geometry());
        assertTrue(c.imageIfAny().isEmpty());
    }

    @Test
    void bratsLabelsWithFourChannelsKeepTheirValues() throws Exception {
        float[][] p = new float[4][6];
        for (int i = 0; i < 6; i++) {
            p[i % 4][i] = 1;
        }
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 4, 4, 0))).put(vol(PRED, G, (Object[]) p));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertArrayEquals(new int[] {0, 1, 2, 4}, labels(c));
        assertArrayEquals(new int[] {0, 1, 2, 3, 3, 0}, refChannels(c));
    }

    @Test
    void aClassAbsentFromTheReferenceExtendsTheLabels() throws Exception {
        // reference holds 0, 1, 2; the prediction has 4 channels: class 3 is simply absent from this case
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 2, 1, 0)))
                .put(vol(PRED, G, new float[6], new float[6], new float[6], new float[6]));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertArrayEquals(new int[] {0, 1, 2, 3}, labels(c));
        assertArrayEquals(new int[] {0, 1, 2, 2, 1, 0}, refChannels(c));
        // all-zero channels sum to 0, not 1: a warning, not a failure
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("do not sum to 1 (within 0.001) at 6 of 6 voxels"), c.warnings().get(0));
    }

    @Test
    void referenceValuesAreSortedWhateverTheirOrderInTheVolume() throws Exception {
        // stored as float64 with large, negative and unordered labels; 0 is always a class
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, new double[] {1000, -3, 7, 1000, 7, -3}))
                .put(vol(PRED, G, new float[6], new float[6], new float[6], new float[6]));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertArrayEquals(new int[] {-3, 0, 7, 1000}, labels(c));
        assertArrayEquals(new int[] {3, 0, 2, 3, 2, 0}, refChannels(c));
    }

    @Test
    void aSingleForegroundMapGetsBackgroundOneMinusP() throws Exception {
        float[] p = f(0.9, 0.25, 0, 1, 0.5, 0.125);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(1, 0, 0, 1, 1, 0))).put(vol(PRED, G, p));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertArrayEquals(new int[] {0, 1}, labels(c));
        assertSame(p, c.prediction().channels()[1]);
        assertArrayEquals(f(1 - 0.9, 0.75, 1, 0, 0.5, 0.875), c.prediction().channels()[0], 1e-7f);
        assertEquals(PredictionKind.PROBABILITIES, c.predictionKind());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void aForegroundMapAgainstAnEmptyReferenceIsStillBinary() throws Exception {
        // a healthy subject: no lesion in the reference, some false-positive probability in the prediction
        float[] p = f(0, 0.25, 0, 0.5, 0, 0);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, new float[6])).put(vol(PRED, G, p));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertArrayEquals(new int[] {0, 1}, labels(c));
        assertSame(p, c.prediction().channels()[1]);
        assertArrayEquals(f(1, 0.75, 1, 0.5, 1, 1), c.prediction().channels()[0]);
        assertArrayEquals(new int[6], refChannels(c));
    }

    @Test
    void perClassFilesWithTheBackgroundDerivedAndTheirOverlapClamped() throws Exception {
        Path a = Path.of("grey.nii");
        Path b = Path.of("white.nii");
        Path d = Path.of("csf.nii");
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 3, 1, 0)))
                .put(vol(a, G, f(0.1, 0.6, 0.2, 0.5, 0.5, 0)))
                .put(vol(b, G, f(0.1, 0.3, 0.7, 0.25, 0.5, 0)))
                .put(vol(d, G, f(0.1, 0.1, 0.1, 0.25, 0.25, 0)));
        Case c = load(r, CaseSpec.of(REF, a, b, d));
        assertArrayEquals(new int[] {0, 1, 2, 3}, labels(c));
        // background = 1 - (grey + white + csf); voxel 4 sums to 1.25, so its background is clamped to 0
        assertArrayEquals(f(0.7, 0, 0, 0, 0, 1), c.prediction().channels()[0], 1e-6f);
        assertEquals(1, c.prediction().clampedCount());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("exceeds 1 at 1 voxel (up to 1.25000)"), c.warnings().get(0));
        assertEquals(List.of("grey.nii", "white.nii", "csf.nii"), c.prediction().sources());
    }

    @Test
    void sigmoidLogitsOnRequest() throws Exception {
        // sigmoid(0) = 1/2, sigmoid(ln 3) = 3/4, sigmoid(-ln 3) = 1/4, sigmoid(ln 9) = 9/10
        double l3 = Math.log(3);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 1, 0, 1)))
                .put(vol(PRED, G, f(0, l3, -l3, Math.log(9), -80, 80)));
        Case c = load(r, CaseSpec.of(REF, PRED).withPredictionKind(PredictionKind.LOGITS_SIGMOID));
        assertArrayEquals(f(0.5, 0.75, 0.25, 0.9, 0, 1), c.prediction().channels()[1], 1e-6f);
        assertArrayEquals(f(0.5, 0.25, 0.75, 0.1, 1, 0), c.prediction().channels()[0], 1e-6f);
        assertEquals(PredictionKind.LOGITS_SIGMOID, c.predictionKind());
        assertEquals(0, c.prediction().clampedCount());
    }

    @Test
    void softmaxLogitsOnRequestWithoutOverflow() throws Exception {
        // logits (ln 1, ln 2, ln 5) + any constant -> (1/8, 2/8, 5/8); 1000 + ... must not overflow exp
        double[] base = {0, Math.log(2), Math.log(5)};
        float[][] l = new float[3][6];
        for (int i = 0; i < 6; i++) {
            double shift = i == 5 ? 1000 : i == 4 ? -1000 : i;
            for (int k = 0; k < 3; k++) {
                l[k][i] = (float) (base[k] + shift);
            }
        }
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 1, 2))).put(vol(PRED, G, (Object[]) l));
        Case c = load(r, CaseSpec.of(REF, PRED).withPredictionKind(PredictionKind.LOGITS_SOFTMAX));
        for (int i = 0; i < 6; i++) {
            // float32 logits near 1000 carry a rounding of up to 6e-5, hence the looser tolerance there
            float tol = i >= 4 ? 1e-4f : 1e-6f;
            assertEquals(0.125f, c.probability(0, i), tol);
            assertEquals(0.25f, c.probability(1, i), tol);
            assertEquals(0.625f, c.probability(2, i), tol);
        }
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void autoReadsAnIntegerMapAsHardLabelsAndUnionsItsLabels() throws Exception {
        // the other model predicts label 3, which the reference lacks: it still gets a class
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 2, 1, 0))).put(vol(PRED, G, f(0, 1, 2, 3, 3, 0)));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertEquals(PredictionKind.HARD_LABELS, c.predictionKind());
        assertArrayEquals(new int[] {0, 1, 2, 3}, labels(c));
        float[][] p = c.prediction().channels();
        int[] expected = {0, 1, 2, 3, 3, 0};
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(k == expected[i] ? 1f : 0f, p[k][i], "voxel " + i + " channel " + k);
            }
        }
    }

    @Test
    void anIntensityImageGivenAsThePredictionIsRefusedNamingIt() throws Exception {
        Geometry g = Geometry.ofSpacing(5, 5, 1, 1, 1, 1);
        float[] ref = new float[25];
        float[] scan = new float[25];
        for (int i = 0; i < 25; i++) {
            ref[i] = i % 2;
            scan[i] = i; // 0..24: 23 values the reference (0, 1) lacks
        }
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, g, ref)).put(vol(PRED, g, scan));
        org.dicelens.common.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.dicelens.common.InputException.class, () -> load(r, CaseSpec.of(REF, PRED)));
        assertEquals(PRED, e.file());
        assertTrue(e.getMessage().contains("23 labels that the reference does not"), e.getMessage());
        assertTrue(e.getMessage().contains("intensity image"), e.getMessage());
    }

    @Test
    void sixteenPredictedLabelsAbsentFromTheReferenceStillGetClasses() throws Exception {
        Geometry g = Geometry.ofSpacing(6, 3, 1, 1, 1, 1);
        float[] ref = new float[18];
        float[] pred = new float[18];
        for (int i = 0; i < 18; i++) {
            ref[i] = i % 2;
            pred[i] = i; // 0..17: 16 labels beyond the reference's, the most a model may add
        }
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, g, ref)).put(vol(PRED, g, pred));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertEquals(18, c.classes().size());
    }

    @Test
    void autoKeepsZeroOneMapsAsProbabilities() throws Exception {
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 1, 0, 1))).put(vol(PRED, G, f(0, 1, 1, 1, 0, 0)));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertEquals(PredictionKind.PROBABILITIES, c.predictionKind());
        assertArrayEquals(f(1, 0, 0, 0, 1, 1), c.prediction().channels()[0]);
    }

    @Test
    void hardLabelsOnRequestWithAClassTableOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path table = dir.resolve("t.csv");
        java.nio.file.Files.writeString(table, "label,name\n2,b\n0,bg\n1,a\n");
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 2, 0, 1, 2))).put(vol(PRED, G, f(0, 1, 1, 2, 0, 0)));
        Case c = load(r, CaseSpec.of(REF, PRED).withClassTable(table).withPredictionKind(PredictionKind.HARD_LABELS));
        assertArrayEquals(new int[] {2, 0, 1}, labels(c));
        assertEquals("b", c.classes().get(0).name());
        assertArrayEquals(new int[] {1, 2, 0, 1, 2, 0}, refChannels(c));
        assertArrayEquals(f(0, 0, 0, 1, 0, 0), c.prediction().channels()[0]);
        assertArrayEquals(f(1, 0, 0, 0, 1, 1), c.prediction().channels()[1]);
        assertArrayEquals(f(0, 1, 1, 0, 0, 0), c.prediction().channels()[2]);
    }

    @Test
    void aClassTableListsTheChannelsInOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path table = dir.resolve("t.json");
        java.nio.file.Files.writeString(table, "[{\"label\":0,\"name\":\"bg\"},{\"label\":4,\"name\":\"et\",\"color\":\"#ff0000\"},"
                + "{\"label\":1,\"name\":\"ncr\"}]");
        float[] p0 = new float[6];
        float[] p1 = new float[6];
        float[] p2 = new float[6];
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 4, 4, 1, 0))).put(vol(PRED, G, p0, p1, p2));
        Case c = load(r, CaseSpec.of(REF, PRED).withClassTable(table));
        assertArrayEquals(new int[] {0, 4, 1}, labels(c));
        assertEquals(new ClassInfo(4, "et", 0xFFFF0000), c.classes().get(1));
        assertArrayEquals(new int[] {0, 2, 1, 1, 2, 0}, refChannels(c));
        assertSame(p1, c.prediction().channels()[1]);
    }

    @Test
    void aTableWithoutBackgroundGetsOneWhenTheDataHoldZero(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path table = dir.resolve("t.txt");
        java.nio.file.Files.writeString(table, "1 255 0 0 1 1 1 \"lesion\"\n");
        float[] p = f(0.2, 0.9, 0, 0, 1, 0.4);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 0, 1, 0))).put(vol(PRED, G, p));
        Case c = load(r, CaseSpec.of(REF, PRED).withClassTable(table));
        assertArrayEquals(new int[] {0, 1}, labels(c));
        assertEquals("lesion", c.classes().get(1).name());
        assertSame(p, c.prediction().channels()[1]);
        assertArrayEquals(f(0.8, 0.1, 1, 1, 0, 0.6), c.prediction().channels()[0], 1e-6f);
    }

    @Test
    void oneMaskPerClassBuildsTheReference(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path m1 = Path.of("gm.nii");
        Path m2 = Path.of("wm.nii");
        Vols.MapReader r = new Vols.MapReader().put(vol(m1, G, f(1, 1, 0, 0, 0, 0))).put(vol(m2, G, new double[] {0, 0, 255, 0, 255, 0}))
                .put(vol(PRED, G, new float[6], new float[6], new float[6]));
        Case c = load(r, CaseSpec.ofMasks(List.of(m1, m2), List.of(PRED)));
        assertArrayEquals(new int[] {0, 1, 2}, labels(c));
        assertArrayEquals(new int[] {1, 1, 2, 0, 2, 0}, refChannels(c));
        assertEquals("gm", c.name());

        // with a class table naming the masks (its label 0 is the background)
        Path table = dir.resolve("t.csv");
        java.nio.file.Files.writeString(table, "0,bg\n20,white\n10,grey\n");
        Case t = load(r, CaseSpec.ofMasks(List.of(m1, m2), List.of(PRED)).withClassTable(table));
        assertArrayEquals(new int[] {0, 20, 10}, labels(t));
        assertArrayEquals(new int[] {1, 1, 2, 0, 2, 0}, refChannels(t));
    }

    @Test
    void imageIsLoadedOnTheSameGrid() throws Exception {
        Path img = Path.of("t1.nii");
        float[] values = f(10, 20, 30, 40, 50, 60);
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 1, 0, 1))).put(vol(PRED, G, f(0, 1, 0, 1, 0, 1)))
                .put(vol(img, G, values, new float[6]));
        Case c = load(r, CaseSpec.of(REF, PRED).withImage(img).withName("case 7"));
        assertEquals("case 7", c.name());
        assertSame(values, c.image().values());
        assertEquals(img, c.image().source());
        assertEquals(List.of("t1.nii: the image has 2 volumes; showing the first"), c.warnings());
    }

    @Test
    void roundOffJustOutsideTheRangeIsClampedButNotCounted() throws Exception {
        float above = Math.nextUp(1f); // 1 + 1.2e-7, as a float32 softmax can give
        float[] p1 = {above, 0, 0, 1, 0.5f, 1};
        float[] p0 = {0, 1, 1, 0, 0.5f, -1e-8f};
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(1, 0, 0, 1, 0, 0))).put(vol(PRED, G, p0, p1));
        Case c = load(r, CaseSpec.of(REF, PRED));
        assertEquals(1f, c.probability(1, 0));
        assertEquals(0f, c.probability(0, 5));
        assertEquals(0, c.prediction().clampedCount());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void progressMovesForwardToOne() throws Exception {
        List<Double> seen = new java.util.ArrayList<>();
        Progress p = new Progress() {
            @Override
            public void update(double fraction, String message) {
                seen.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Vols.MapReader r = new Vols.MapReader().put(vol(REF, G, f(0, 1, 0, 1, 0, 1))).put(vol(PRED, G, f(0, 1, 0, 1, 0, 1)));
        CaseLoader.load(CaseSpec.of(REF, PRED), p, r);
        assertTrue(seen.size() >= 3, seen.toString());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress went back: " + seen);
        }
        assertEquals(1.0, seen.get(seen.size() - 1));
    }

    @Test
    void cancellationStopsTheLoad() {
        boolean[] cancelled = {false};
        Progress p = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        Path p2 = Path.of("p2.nii");
        Vols.MapReader r = new Vols.MapReader() {
            @Override
            public org.dicelens.nifti.NiftiVolume read(Path file, Progress progress) throws org.dicelens.common.InputException {
                if (file.equals(PRED)) {
                    cancelled[0] = true; // the user cancels while the first prediction file is read
                }
                return super.read(file, progress);
            }
        };
        r.put(vol(REF, G, f(0, 1, 2, 0, 1, 2))).put(vol(PRED, G, new float[6])).put(vol(p2, G, new float[6]));
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> CaseLoader.load(CaseSpec.of(REF, PRED, p2), p, r));
        assertEquals(2, r.reads, "the second prediction file must not be read after cancelling");
    }

    @Test
    void specValidationAndNames() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CaseSpec(null, REF, List.of(Path.of("m.nii")), List.of(PRED), null, null, null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CaseSpec(null, null, List.of(), List.of(PRED), null, null, null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CaseSpec.of(REF));
        CaseSpec s = CaseSpec.of(Path.of("/data/BraTS_001_seg.nii.gz"), PRED);
        assertEquals("BraTS_001_seg", s.displayName());
        assertEquals(PredictionKind.AUTO, s.predictionKind());
        assertNull(s.image());
        assertEquals(List.of(Path.of("/data/BraTS_001_seg.nii.gz"), PRED), s.allFiles());
        assertEquals("a", CaseSpec.of(Path.of("a.hdr"), PRED).displayName());
    }
}
