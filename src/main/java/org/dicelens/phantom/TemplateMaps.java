package org.dicelens.phantom;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Geometry;

/**
 * A tissue-probability template (T1 image, grey- and white-matter probability maps on one grid, such as the ICBM 2009a
 * template) cropped to the head and resampled by averaging over blocks of factor³ voxels. Averaging keeps the maps a
 * posterior: the block mean of p is the probability that a random point of the block is in the tissue.
 *
 * @param geometry the resampled grid (spacing × factor; voxel (0,0,0) at the centre of the first block)
 * @param t1       block means of the T1 image
 * @param gm       block means of the grey-matter probability (values in [0, 1])
 * @param wm       block means of the white-matter probability
 * @param origin   the first source voxel of the crop (x, y, z); may be negative or run past the grid (padded with 0)
 * @param factor   block edge in source voxels
 */
public record TemplateMaps(Geometry geometry, double[] t1, double[] gm, double[] wm, int[] origin, int factor) {
    /** Source voxels kept around the head's bounding box. */
    static final int MARGIN = 2;

    /** Reads {@code *t1*}, {@code *gm*} and {@code *wm*} NIfTI files of {@code dir} and resamples them. */
    public static TemplateMaps read(Path dir, int factor) throws InputException {
        if (factor < 1 || factor > 8) {
            throw new InputException(dir, "factor", "the block size must be 1 to 8 voxels, not " + factor);
        }
        NiftiVolume t1 = NiftiReader.read(find(dir, "t1"), Progress.NONE);
        NiftiVolume gm = NiftiReader.read(find(dir, "gm"), Progress.NONE);
        NiftiVolume wm = NiftiReader.read(find(dir, "wm"), Progress.NONE);
        Geometry g = Geometry.fromHeader(t1.header());
        for (NiftiVolume v : List.of(gm, wm)) {
            String m = Geometry.fromHeader(v.header()).mismatch(g);
            if (m != null) {
                throw new InputException(v.source(), null, "not on the T1 image's grid: " + m);
            }
        }
        double[] a = t1.channelAsDouble(0);
        double[] pg = gm.channelAsDouble(0);
        double[] pw = wm.channelAsDouble(0);
        double scale = probabilityScale(gm, pg, pw);
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        int nx = g.nx();
        int ny = g.ny();
        for (int z = 0, i = 0; z < g.nz(); z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (a[i] > 0 || pg[i] > 0 || pw[i] > 0) {
                        int[] c = {x, y, z};
                        for (int k = 0; k < 3; k++) {
                            lo[k] = Math.min(lo[k], c[k]);
                            hi[k] = Math.max(hi[k], c[k]);
                        }
                    }
                }
            }
        }
        if (hi[0] < 0) {
            throw new InputException(dir, null, "the template is empty (no voxel above 0)");
        }
        int[] origin = new int[3];
        int[] n = new int[3];
        for (int k = 0; k < 3; k++) {
            int first = lo[k] - MARGIN;
            int length = hi[k] + MARGIN - first + 1;
            n[k] = (length + factor - 1) / factor;
            origin[k] = first - (n[k] * factor - length) / 2; // centre the padding
        }
        int count = n[0] * n[1] * n[2];
        double[] mt = new double[count];
        double[] mg = new double[count];
        double[] mw = new double[count];
        double per = 1.0 / ((double) factor * factor * factor);
        for (int z = 0, o = 0; z < n[2]; z++) {
            for (int y = 0; y < n[1]; y++) {
                for (int x = 0; x < n[0]; x++, o++) {
                    double st = 0;
                    double sg = 0;
                    double sw = 0;
                    for (int dz = 0; dz < factor; dz++) {
                        int sz = origin[2] + z * factor + dz;
                        for (int dy = 0; dy < factor; dy++) {
                            int sy = origin[1] + y * factor + dy;
                            for (int dx = 0; dx < factor; dx++) {
                                int sx = origin[0] + x * factor + dx;
                                if (sx < 0 || sy < 0 || sz < 0 || sx >= nx || sy >= ny || sz >= g.nz()) {
                                    continue; // outside the template: background, image 0
                                }
                                int i = sx + nx * (sy + ny * sz);
                                st += a[i];
                                sg += pg[i];
                                sw += pw[i];
                            }
                        }
                    }
                    mt[o] = st * per;
                    mg[o] = sg * per * scale;
                    mw[o] = sw * per * scale;
                }
            }
        }
        return new TemplateMaps(new Geometry(n[0], n[1], n[2], resampledAffine(g.affine(), origin, factor)), mt, mg, mw,
                origin, factor);
    }

    /** Maps stored as 0..255 integers (no scl_slope) are p × 255; maps already in [0, 1] are p. */
    private static double probabilityScale(NiftiVolume gm, double[] pg, double[] pw) throws InputException {
        double max = 0;
        for (int i = 0; i < pg.length; i++) {
            max = Math.max(max, pg[i] + pw[i]);
        }
        if (max <= 1 + 1e-3) {
            return 1;
        }
        if (max <= 255 * (1 + 1e-3)) {
            return 1.0 / 255;
        }
        throw new InputException(gm.source(), null, "grey + white matter reaches " + max + ": neither p nor p × 255");
    }

    /** The source affine composed with voxel → source voxel origin + factor·voxel + (factor − 1)/2 (block centre). */
    static double[] resampledAffine(double[] a, int[] origin, int factor) {
        double shift = (factor - 1) / 2.0;
        double[] out = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                out[4 * r + c] = a[4 * r + c] * factor;
            }
            out[4 * r + 3] = a[4 * r + 3];
            for (int c = 0; c < 3; c++) {
                out[4 * r + 3] += a[4 * r + c] * (origin[c] + shift);
            }
        }
        return out;
    }

    /** The one NIfTI file of {@code dir} whose name holds {@code _<tag>_} (or starts with {@code <tag>}). */
    static Path find(Path dir, String tag) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, null, "not a folder (expected a template folder with T1, gm and wm maps)");
        }
        List<Path> hits = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{nii,nii.gz}")) {
            for (Path p : s) {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (name.contains("_" + tag + "_") || name.startsWith(tag + "_") || name.startsWith(tag + ".")) {
                    hits.add(p);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir, null, "cannot list the folder: " + e.getMessage(), e);
        }
        if (hits.size() != 1) {
            throw new InputException(dir, tag, hits.isEmpty() ? "no NIfTI file named *_" + tag + "_*"
                    : "several NIfTI files named *_" + tag + "_*: " + hits);
        }
        return hits.get(0);
    }
}
