package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cohort --spatial}: the summary's spatial keys against brute force on a small generated cohort (anisotropic,
 * masks touching the faces, one case with an empty prediction, one with the class absent from both): borders by the six
 * face neighbours, all-pairs distances, numpy's linear percentile and median, flood-fill lesions.
 */
class CohortSpatialTest {
    static final int NX = 8;
    static final int NY = 7;
    static final int NZ = 5;
    static final int N = NX * NY * NZ;
    static final double[] SPACING = {1, 1.5, 2};

    @TempDir
    Path dir;

    static boolean[] boxes(SplittableRandom r, int count) {
        boolean[] m = new boolean[N];
        for (int b = 0; b < count; b++) {
            int x0 = r.nextInt(NX);
            int y0 = r.nextInt(NY);
            int z0 = r.nextInt(NZ);
            int x1 = Math.min(NX, x0 + 1 + r.nextInt(4));
            int y1 = Math.min(NY, y0 + 1 + r.nextInt(4));
            int z1 = Math.min(NZ, z0 + 1 + r.nextInt(3));
            for (int z = z0; z < z1; z++) {
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        m[x + NX * (y + NY * z)] = true;
                    }
                }
            }
        }
        return m;
    }

    static List<Integer> border(boolean[] m) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int x = i % NX;
            int y = i / NX % NY;
            int z = i / (NX * NY);
            if (m[i] && (x == 0 || y == 0 || z == 0 || x == NX - 1 || y == NY - 1 || z == NZ - 1 || !m[i - 1]
                    || !m[i + 1] || !m[i - NX] || !m[i + NX] || !m[i - NX * NY] || !m[i + NX * NY])) {
                out.add(i);
            }
        }
        return out;
    }

    static double[] directed(List<Integer> from, List<Integer> to) {
        double[] d = new double[from.size()];
        for (int k = 0; k < d.length; k++) {
            int a = from.get(k);
            double best = Double.POSITIVE_INFINITY;
            for (int b : to) {
                double dx = (a % NX - b % NX) * SPACING[0];
                double dy = (a / NX % NY - b / NX % NY) * SPACING[1];
                double dz = (a / (NX * NY) - b / (NX * NY)) * SPACING[2];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            d[k] = best;
        }
        return d;
    }

    /** numpy.percentile with linear interpolation. */
    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** 26-connected flood fill; labels −1 outside the mask. */
    static int[] label(boolean[] m) {
        int[] lab = new int[N];
        Arrays.fill(lab, -1);
        int next = 0;
        for (int i = 0; i < N; i++) {
            if (!m[i] || lab[i] >= 0) {
                continue;
            }
            java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>(List.of(i));
            lab[i] = next;
            while (!q.isEmpty()) {
                int v = q.poll();
                for (int dz = -1; dz <= 1; dz++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int x = v % NX + dx;
                            int y = v / NX % NY + dy;
                            int z = v / (NX * NY) + dz;
                            int w = x + NX * (y + NY * z);
                            if (x >= 0 && y >= 0 && z >= 0 && x < NX && y < NY && z < NZ && m[w] && lab[w] < 0) {
                                lab[w] = next;
                                q.add(w);
                            }
                        }
                    }
                }
            }
            next++;
        }
        return lab;
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
    }

    static double median(List<Double> v) {
        return percentile(v.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    @Test
    void spatialSummaryKeysEqualBruteForce() throws Exception {
        Path refs = Files.createDirectories(dir.resolve("refs"));
        Path preds = Files.createDirectories(dir.resolve("preds"));
        SplittableRandom r = new SplittableRandom(1717);
        List<Double> hd95 = new ArrayList<>();
        List<Double> assd = new ArrayList<>();
        List<Double> nsd = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        long[] totals = new long[4]; // ref, detected, missed, false positive
        int undefined = 0;
        for (int c = 0; c < 7; c++) {
            boolean[] ref = c == 6 ? new boolean[N] : boxes(r, 1 + r.nextInt(3));
            boolean[] pred = c >= 5 ? new boolean[N] : boxes(r, 1 + r.nextInt(3)); // case 5: empty prediction
            float[] labels = new float[N];
            float[] p1 = new float[N];
            float[] p0 = new float[N];
            for (int i = 0; i < N; i++) {
                labels[i] = ref[i] ? 1 : 0;
                p1[i] = pred[i] ? 0.9f : 0.1f;
                p0[i] = 1 - p1[i];
            }
            TinyNifti.write(refs.resolve("c" + c + ".nii.gz"), NX, NY, NZ, SPACING, TinyNifti.UINT8, labels);
            TinyNifti.write(preds.resolve("c" + c + ".nii.gz"), NX, NY, NZ, SPACING, TinyNifti.FLOAT32, p0, p1);

            List<Integer> ba = border(pred);
            List<Integer> bb = border(ref);
            if (!ba.isEmpty() && !bb.isEmpty()) {
                double[] dab = directed(ba, bb);
                double[] dba = directed(bb, ba);
                hd95.add(Math.max(percentile(dab, 95), percentile(dba, 95)));
                double sum = Arrays.stream(dab).sum() + Arrays.stream(dba).sum();
                assd.add(sum / (dab.length + dba.length));
                long within = Arrays.stream(dab).filter(d -> d <= 1).count() + Arrays.stream(dba).filter(d -> d <= 1).count();
                nsd.add((double) within / (dab.length + dba.length));
            } else if (ba.isEmpty() != bb.isEmpty()) {
                undefined++;
            }
            int[] la = label(pred);
            int[] lb = label(ref);
            int nA = Arrays.stream(la).max().orElse(-1) + 1;
            int nB = Arrays.stream(lb).max().orElse(-1) + 1;
            boolean[] det = new boolean[nB];
            boolean[] touch = new boolean[nA];
            for (int i = 0; i < N; i++) {
                if (pred[i] && ref[i]) {
                    det[lb[i]] = true;
                    touch[la[i]] = true;
                }
            }
            int tp = 0;
            for (boolean d : det) {
                tp += d ? 1 : 0;
            }
            int fp = 0;
            for (boolean t : touch) {
                fp += t ? 0 : 1;
            }
            totals[0] += nB;
            totals[1] += tp;
            totals[2] += nB - tp;
            totals[3] += fp;
            if (nA + nB > 0) {
                f1.add(2.0 * tp / (2.0 * tp + (nB - tp) + fp));
            }
        }
        assertTrue(hd95.size() >= 3 && undefined == 1 && totals[2] + totals[3] > 0,
                "the cohort covers defined, undefined and absent cases, misses or false positives");

        Cli json = Cli.run("cohort", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(),
                "--spatial", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode s = null;
        for (JsonNode row : root.get("summary")) {
            if (row.get("label").asInt() == 1) {
                s = row;
            } else {
                assertTrue(row.get("meanHd95").isNull(), "the background has no spatial metrics");
            }
        }
        assertEquals(hd95.size(), s.get("spatialCases").asInt());
        assertEquals(undefined, s.get("spatialUndefined").asInt());
        assertEquals(mean(hd95), s.get("meanHd95").asDouble(), 1e-9);
        assertEquals(median(hd95), s.get("medianHd95").asDouble(), 1e-9);
        assertEquals(mean(assd), s.get("meanAssd").asDouble(), 1e-9);
        assertEquals(median(assd), s.get("medianAssd").asDouble(), 1e-9);
        assertEquals(mean(nsd), s.get("meanNsd").asDouble(), 1e-9);
        assertEquals(median(nsd), s.get("medianNsd").asDouble(), 1e-9);
        assertEquals(f1.size(), s.get("lesionF1Cases").asInt());
        assertEquals(mean(f1), s.get("meanLesionF1").asDouble(), 1e-9);
        assertEquals(median(f1), s.get("medianLesionF1").asDouble(), 1e-9);
        assertEquals(totals[0], s.get("totalLesionsRef").asLong());
        assertEquals(totals[1], s.get("totalLesionsDetected").asLong());
        assertEquals(totals[2], s.get("totalLesionsMissed").asLong());
        assertEquals(totals[3], s.get("totalLesionsFalsePositive").asLong());
        // each case's report carries evaluate --spatial's keys
        assertTrue(root.get("cases").get(0).toString().contains("\"hd95\""), "per-case spatial keys");

        Cli csv = Cli.run("cohort", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(),
                "--spatial", "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        String[] lines = csv.out().split("\n");
        List<String> header = List.of(lines[0].split(","));
        int labelColumn = header.indexOf("label");
        List<String> row = Arrays.stream(lines).skip(1).map(l -> List.of(l.split(",", -1)))
                .filter(l -> l.get(labelColumn).equals("1")).findFirst().orElseThrow();
        assertEquals(mean(hd95), Double.parseDouble(row.get(header.indexOf("meanHd95"))), 1e-9);
        assertEquals(median(f1), Double.parseDouble(row.get(header.indexOf("medianLesionF1"))), 1e-9);
        assertEquals(totals[3], Long.parseLong(row.get(header.indexOf("totalLesionsFalsePositive"))));
        // without --spatial the summary keeps its keys
        Cli plain = Cli.run("cohort", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(),
                "--format", "csv");
        assertEquals(CohortCommandTest.KEYS, List.of(plain.out().split("\n")[0].split(",")));
    }
}
