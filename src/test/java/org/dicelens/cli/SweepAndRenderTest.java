package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} and {@code render} through picocli's execute on files written by {@link TinyNifti}. */
class SweepAndRenderTest {
    static final int N = EvaluateCommandTest.N;
    static final int NX = EvaluateCommandTest.NX;
    static final int NY = EvaluateCommandTest.NY;

    @TempDir
    Path dir;
    int[] ref;
    float[] p0;
    Path refFile;
    Path predFile;

    @BeforeEach
    void writeCase() throws Exception {
        ref = new int[N];
        for (int i : EvaluateCommandTest.FOREGROUND) {
            ref[i] = 1;
        }
        p0 = new float[N];
        for (int i = 0; i < N; i++) {
            p0[i] = 1f - EvaluateCommandTest.P1[i];
        }
        double[] iso = {1, 1, 1};
        refFile = TinyNifti.write(dir.resolve("ref.nii.gz"), NX, NY, 2, iso, TinyNifti.UINT8, EvaluateCommandTest.floats(ref));
        predFile = TinyNifti.write(dir.resolve("pred.nii.gz"), NX, NY, 2, iso, TinyNifti.FLOAT32, p0, EvaluateCommandTest.P1);
    }

    @Test
    void sweepHasEveryStepOfEveryClassWithTheHandWorkedNumbers() throws Exception {
        Cli r = Cli.run("sweep", "--reference", refFile.toString(), "--prediction", predFile.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1 + 2 * 1001, lines.size());
        List<String> h = List.of(lines.get(0).split(","));
        assertEquals(List.of("case", "label", "name", "t", "hardDice", "hardJaccard", "precision", "recall", "hardMl", "tp", "fp",
                "fn", "refMl", "softMl", "tBest", "tVol", "tCal"), h);
        // voxels are 1 mm³ = 0.001 mL here
        HandWorked hw = new HandWorked(ref, new float[][] {p0, EvaluateCommandTest.P1}, HandWorked.all(N), 0.001);
        double[] special = hw.specialThresholds(1);
        for (int step : new int[] {0, 1, 120, 400, 500, 620, 970, 999, 1000}) {
            String[] row = lines.get(1 + 1001 + step).split(",", -1);
            assertEquals("1", row[h.indexOf("label")]);
            assertEquals(step / 1000.0, Double.parseDouble(row[h.indexOf("t")]), 0);
            long[] k = hw.counts(1, hw.thresholdMask(1, step));
            assertEquals(k[0], Long.parseLong(row[h.indexOf("tp")]), "tp at step " + step);
            assertEquals(k[1], Long.parseLong(row[h.indexOf("fp")]), "fp at step " + step);
            assertEquals(k[2], Long.parseLong(row[h.indexOf("fn")]), "fn at step " + step);
            assertEquals(HandWorked.hardDice(k), Double.parseDouble(row[h.indexOf("hardDice")]), 1e-12);
            assertEquals(k[0] / (double) (k[0] + k[1] + k[2]), Double.parseDouble(row[h.indexOf("hardJaccard")]), 1e-12);
            assertEquals((k[0] + k[1]) * 0.001, Double.parseDouble(row[h.indexOf("hardMl")]), 1e-12);
            String precision = row[h.indexOf("precision")];
            if (k[0] + k[1] == 0) {
                assertEquals("", precision, "undefined precision is an empty field (NaN for pandas)");
            } else {
                assertEquals(k[0] / (double) (k[0] + k[1]), Double.parseDouble(precision), 1e-12);
            }
            assertEquals(k[0] / 6.0, Double.parseDouble(row[h.indexOf("recall")]), 1e-12);
            assertEquals(special[0], Double.parseDouble(row[h.indexOf("tBest")]), 0);
            assertEquals(special[1], Double.parseDouble(row[h.indexOf("tVol")]), 0);
            assertEquals(special[2], Double.parseDouble(row[h.indexOf("tCal")]), 0);
            assertEquals(0.006, Double.parseDouble(row[h.indexOf("refMl")]), 1e-12);
            assertEquals(hw.sumP(1) * 0.001, Double.parseDouble(row[h.indexOf("softMl")]), 1e-9);
        }
        // at t = 1 nothing of class 1 reaches the threshold (max p = 0.97): precision undefined
        assertTrue(lines.get(2002).contains(",,"), lines.get(2002));
        Cli one = Cli.run("sweep", "--reference", refFile.toString(), "--prediction", predFile.toString(), "--class", "1", "-q");
        assertEquals(1 + 1001, one.out().lines().count());
    }

    @Test
    void renderDrawsTheErrorsOfTheChosenSliceAtTheChosenZoom() throws Exception {
        Path png = dir.resolve("slice.png");
        int slice = 1;
        // slice z = 1 of this map holds a TP (voxel 17, p 0.75), an FN (18, p 0.45) and an FP (15, p 0.55) at t = 0.5
        float[] p = EvaluateCommandTest.P1.clone();
        p[18] = 0.45f;
        Path pred = TinyNifti.write(dir.resolve("p18.nii.gz"), NX, NY, 2, new double[] {1, 1, 1}, TinyNifti.FLOAT32, p);
        Cli r = Cli.run("render", "--reference", refFile.toString(), "--prediction", pred.toString(), "--axis", "axial",
                "--slice", String.valueOf(slice), "--overlays", "errors", "--class", "1", "--threshold", "0.5", "--out",
                png.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(NX, img.getWidth());
        assertEquals(NY, img.getHeight());
        // hand count of TP / FP / FN / TN of class 1 at t = 0.5 in the axial slice z = 1
        int[] expected = new int[4];
        for (int i = NX * NY * slice; i < NX * NY * (slice + 1); i++) {
            boolean b = p[i] >= 0.5;
            boolean rr = ref[i] == 1;
            expected[b ? (rr ? 0 : 1) : (rr ? 2 : 3)]++;
        }
        // the error colours (Okabe-Ito): TP bluish green, FP vermillion, FN sky blue, blended over a black base (no image)
        int[] seen = new int[4];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int red = c >> 16 & 0xFF;
                int green = c >> 8 & 0xFF;
                int blue = c & 0xFF;
                seen[red + green + blue == 0 ? 3 : green > red && green > blue ? 0 : red > blue ? 1 : 2]++;
            }
        }
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(seen), "TP, FP, FN, TN pixels");
        assertTrue(expected[0] > 0 && expected[1] > 0 && expected[2] > 0, "the fixture has every kind of error");

        Cli zoomed = Cli.run("render", "--reference", refFile.toString(), "--prediction", predFile.toString(), "--zoom", "3",
                "--axis", "coronal", "--out", png.toString(), "-q");
        assertEquals(0, zoomed.exit(), zoomed.err());
        BufferedImage z = ImageIO.read(png.toFile());
        assertEquals(3 * NX, z.getWidth(), "coronal: x across");
        assertEquals(3 * 2, z.getHeight(), "coronal: z down");
    }

    @Test
    void renderKeepsThePhysicalAspectOfAnisotropicVoxels() throws Exception {
        Path r2 = TinyNifti.write(dir.resolve("r2.nii"), NX, NY, 2, new double[] {1, 2, 3}, TinyNifti.UINT8,
                EvaluateCommandTest.floats(ref));
        Path p2 = TinyNifti.write(dir.resolve("p2.nii"), NX, NY, 2, new double[] {1, 2, 3}, TinyNifti.FLOAT32,
                EvaluateCommandTest.P1);
        Path png = dir.resolve("a.png");
        Cli r = Cli.run("render", "--reference", r2.toString(), "--prediction", p2.toString(), "--overlays",
                "reference,probability,hard,gradient,dice-optimal,region", "--margin", "0", "--out", png.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(4, img.getWidth(), "4 voxels of 1 mm at 1 pixel per mm");
        assertEquals(6, img.getHeight(), "3 voxels of 2 mm");
        // out over an input is refused
        Cli refused = Cli.run("render", "--reference", r2.toString(), "--prediction", p2.toString(), "--out", p2.toString(), "-q");
        assertEquals(2, refused.exit());
        assertTrue(Files.size(p2) > 352, "the input is intact");
    }
}
