package org.dicelens.metrics.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.RealData;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spatial metrics of real masks against scipy.ndimage and numpy: borders by binary_erosion with the 6-connected
 * cross (border_value 0), distances by distance_transform_edt with the voxel sizes as sampling, percentiles by
 * np.percentile, components by label with the full 3x3x3 structure. The masks are read here (no nibabel in the
 * environment) and handed to Python as raw bytes. Skips without Python + scipy or without ../shared/realdata.
 */
class SpatialScipyTest {
    private static final String SCRIPT = String.join("\n",
            "import sys, json, numpy as np",
            "from scipy import ndimage as ndi",
            "nx, ny, nz = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])",
            "sp = (float(sys.argv[8]), float(sys.argv[7]), float(sys.argv[6]))  # (z, y, x) order",
            "tau = float(sys.argv[9])",
            "A = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(nz, ny, nx).astype(bool)",
            "B = np.fromfile(sys.argv[2], dtype=np.uint8).reshape(nz, ny, nx).astype(bool)",
            "cross = ndi.generate_binary_structure(3, 1)",
            "bA = A & ~ndi.binary_erosion(A, structure=cross, border_value=0)",
            "bB = B & ~ndi.binary_erosion(B, structure=cross, border_value=0)",
            "dA = ndi.distance_transform_edt(~bB, sampling=sp)[bA]",
            "dB = ndi.distance_transform_edt(~bA, sampling=sp)[bB]",
            "out = dict(nA=int(bA.sum()), nB=int(bB.sum()), hd=float(max(dA.max(), dB.max())),",
            "  hd95=float(max(np.percentile(dA, 95), np.percentile(dB, 95))),",
            "  assd=float(np.concatenate([dA, dB]).mean()), masd=float((dA.mean() + dB.mean()) / 2),",
            "  nsd=float(((dA <= tau).sum() + (dB <= tau).sum()) / (len(dA) + len(dB))))",
            "full = np.ones((3, 3, 3), bool)",
            "lA, kA = ndi.label(A, structure=full)",
            "lB, kB = ndi.label(B, structure=full)",
            "sizeA = np.bincount(lA.ravel(), minlength=kA + 1)",
            "sizeB = np.bincount(lB.ravel(), minlength=kB + 1)",
            "overlap = np.bincount(lB[A], minlength=kB + 1)",
            "pairs = np.unique(np.stack([lB[A & B], lA[A & B]]), axis=1)",
            "pred = np.zeros(kB + 1, np.int64)",
            "np.add.at(pred, pairs[0], sizeA[pairs[1]])",
            "les = [dict(size=int(sizeB[j]), overlap=int(overlap[j]), pred=int(pred[j]),",
            "            dice=2.0 * overlap[j] / (sizeB[j] + pred[j])) for j in range(1, kB + 1)]",
            "touching = set(np.unique(lA[A & B]).tolist())",
            "fp = [i - 1 for i in range(1, kA + 1) if i not in touching]",
            "out.update(kA=int(kA), kB=int(kB), lesions=les, fp=fp)",
            "print(json.dumps(out))");

    @TempDir
    Path tmp;

    private static boolean[] mask(NiftiVolume v, int label) {
        boolean[] m = new boolean[v.voxelsPerChannel()];
        for (int i = 0; i < m.length; i++) {
            double x = v.get(0, i);
            m[i] = label < 0 ? x > 0.5 : Math.round(x) == label;
        }
        return m;
    }

    private static byte[] bytes(boolean[] m) {
        byte[] b = new byte[m.length];
        for (int i = 0; i < m.length; i++) {
            b[i] = (byte) (m[i] ? 1 : 0);
        }
        return b;
    }

    /** A deterministic perturbation: shifted by (1, 0, 1) voxels, minus a slab, plus a far blob. */
    private static boolean[] perturbed(boolean[] m, int nx, int ny, int nz) {
        boolean[] p = new boolean[m.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int sx = x - 1;
                    int sz = z - 1;
                    p[x + nx * (y + ny * z)] = sx >= 0 && sz >= 0 && m[sx + nx * (y + ny * sz)] && (y % 17 != 3);
                }
            }
        }
        for (int z = 2; z < 5; z++) {
            for (int y = 2; y < 6; y++) {
                for (int x = 3; x < 5; x++) {
                    p[x + nx * (y + ny * z)] = true;
                }
            }
        }
        return p;
    }

    private void compare(String what, boolean[] a, boolean[] b, Geometry geo, double tau) throws Exception {
        String py = ScipyPython.find();
        assumeTrue(py != null, "python3 with numpy and scipy not found: skipping the scipy comparison");
        Path fa = tmp.resolve("a.raw");
        Path fb = tmp.resolve("b.raw");
        Files.write(fa, bytes(a));
        Files.write(fb, bytes(b));
        Grid g = Grid.of(geo);
        String out = ScipyPython.run(py, SCRIPT, fa.toString(), fb.toString(), "" + g.nx(), "" + g.ny(), "" + g.nz(),
                Double.toString(g.sx()), Double.toString(g.sy()), Double.toString(g.sz()), Double.toString(tau));
        assertTrue(out.startsWith("OK\n"), what + ": " + out);
        JsonNode e = new ObjectMapper().readTree(out.substring(3));
        SpatialResult r = SpatialMetrics.compute(VoxelMask.ofBooleans(a), VoxelMask.ofBooleans(b), null, g,
                SpatialOptions.defaults().withNsdTolerance(tau), Progress.NONE);
        SurfaceMetrics s = r.surface();
        assertEquals(e.get("nA").asInt(), s.predToRef().borderVoxels(), what);
        assertEquals(e.get("nB").asInt(), s.refToPred().borderVoxels(), what);
        assertEquals(e.get("hd").asDouble(), s.hd(), 1e-9, what);
        assertEquals(e.get("hd95").asDouble(), s.hd95(), 1e-9, what);
        assertEquals(e.get("assd").asDouble(), s.assd(), 1e-9, what);
        assertEquals(e.get("masd").asDouble(), s.masd(), 1e-9, what);
        assertEquals(e.get("nsd").asDouble(), s.nsd(), 1e-12, what);
        LesionMetrics l = r.lesions();
        assertEquals(e.get("kA").asInt(), l.predictedLesions(), what);
        assertEquals(e.get("kB").asInt(), l.referenceLesions(), what);
        for (int j = 0; j < l.referenceLesions(); j++) {
            JsonNode x = e.get("lesions").get(j);
            ReferenceLesion rl = l.lesions().get(j);
            assertEquals(x.get("size").asLong(), rl.voxels(), what + " lesion " + j);
            assertEquals(x.get("overlap").asLong(), rl.overlapVoxels(), what + " lesion " + j);
            assertEquals(x.get("pred").asLong(), rl.predictedVoxels(), what + " lesion " + j);
            assertEquals(x.get("dice").asDouble(), rl.dice(), 1e-12, what + " lesion " + j);
        }
        assertEquals(e.get("fp").size(), l.falsePositive(), what);
        for (int k = 0; k < l.falsePositive(); k++) {
            assertEquals(e.get("fp").get(k).asInt(), l.falsePositives().get(k).id(), what);
        }
    }

    @Test
    void niivueLesionLabelsAgainstAPerturbedCopy() throws Exception {
        NiftiVolume v = NiftiReader.read(RealData.file("niivue_flair_drawing/lesion.nii.gz"));
        Geometry geo = Geometry.fromHeader(v.header());
        for (int label = 1; label <= 3; label++) {
            boolean[] ref = mask(v, label);
            boolean[] pred = perturbed(ref, v.nx(), v.ny(), v.nz());
            compare("niivue label " + label, pred, ref, geo, 1.0);
            if (label == 2) {
                compare("niivue label 2 swapped, τ 2.5", ref, pred, geo, 2.5); // 37 reference lesions, 1 FP
            }
        }
    }

    @Test
    void sctSpinalCordManualAgainstDeepseg() throws Exception {
        NiftiVolume manual = NiftiReader.read(RealData.file("sct_spinalcord/t2/t2_seg-manual.nii.gz"));
        NiftiVolume deep = NiftiReader.read(RealData.file("sct_spinalcord/t2/t2_seg-deepseg_sc-3d.nii.gz"));
        Geometry geo = Geometry.fromHeader(manual.header());
        compare("sct t2 deepseg vs manual", mask(deep, -1), mask(manual, -1), geo, 1.0);
    }

    @Test
    void sctGreyMatterAgainstTheCordWithThickSlices() throws Exception {
        // t2s: grey matter inside the cord, 5 mm-ish slices: very anisotropic distances
        NiftiVolume gm = NiftiReader.read(RealData.file("sct_spinalcord/t2s/t2s_gmseg_manual.nii.gz"));
        NiftiVolume cord = NiftiReader.read(RealData.file("sct_spinalcord/t2s/t2s_seg-deepseg.nii.gz"));
        Geometry geo = Geometry.fromHeader(gm.header());
        compare("sct t2s grey matter vs cord", mask(gm, -1), mask(cord, -1), geo, 0.5);
    }
}
