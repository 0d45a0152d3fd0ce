package org.dicelens.volume.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.npz.NpyArray;
import org.dicelens.npz.NpzReader;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;

/**
 * nnU-Net's {@code --save_probabilities} output, {@code CASE.npz}, as a channel-last volume on the image grid.
 * nnU-Net v2 stores {@code probabilities} (float32) and v1 {@code softmax} (float16), both shaped
 * {@code (C, k, j, i)}: the NIfTI voxel axes reversed, because SimpleITK and nnU-Net's NibabelIO both hand nnU-Net
 * arrays in (z, y, x) order. C order of {@code (k, j, i)} is NIfTI's own voxel order (i fastest), so each channel is
 * used as read; the grid comes from {@code CASE.nii.gz} beside the archive (nnU-Net writes the segmentation there on
 * the input image's grid) or else from the reference, after checking that the reversed spatial shape equals its
 * dims. A cropped array, or an archive from a pipeline that reoriented the images ({@code ...WithReorient} in
 * plans.json or dataset.json), is refused with the reason rather than misaligned.
 */
public final class NnUnetProbabilities {
    /** nnU-Net v2's key, then v1's. */
    static final List<String> KEYS = List.of("probabilities", "softmax");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NnUnetProbabilities() {
    }

    /** Whether a file's first bytes look like an .npz archive (see {@link NpzReader#looksLikeNpz}). */
    public static boolean looksLikeNpz(byte[] head) {
        return NpzReader.looksLikeNpz(head);
    }

    /**
     * Reads {@code npz} as a float32 volume with one channel per class on the grid of {@code CASE.nii.gz} beside it,
     * or of {@code reference} (may be null when the neighbour exists; when both exist they must agree).
     */
    public static NiftiVolume read(Path npz, Path reference, Progress progress) throws InputException {
        checkNotReoriented(npz);
        Path neighbour = neighbour(npz);
        Path gridFile = neighbour != null ? neighbour : reference;
        if (gridFile == null) {
            throw new InputException(npz, null, "an nnU-Net .npz holds no geometry: put CASE.nii.gz beside it (nnU-Net"
                    + " writes it there) or give the reference");
        }
        Geometry grid = geometry(gridFile);
        if (neighbour != null && reference != null && !reference.equals(neighbour)) {
            String m = geometry(reference).mismatch(grid);
            if (m != null) {
                throw new InputException(npz, "geometry", "the segmentation beside it, " + neighbour
                        + ", is not on the grid of the reference " + reference + " (" + m + ")");
            }
        }
        List<String> keys = NpzReader.keys(npz);
        String key = KEYS.stream().filter(keys::contains).findFirst().orElseThrow(() -> new InputException(npz, null,
                "no 'probabilities' (nnU-Net v2) or 'softmax' (nnU-Net v1) array in the archive; it holds " + keys));
        // the declared shape first, from the header alone: a wrong or hostile one is refused before any data is inflated
        long[] declared = NpzReader.shape(npz, key);
        checkShape(npz, key, declared, grid, gridFile);
        NpyArray a = NpzReader.read(npz, key, progress);
        checkShape(npz, key, a.shape(), grid, gridFile);
        NiftiHeader h = NiftiHeaders.of(grid, a.slabs().length, "nnU-Net " + key + " from " + npz.getFileName());
        h.datatype = 16;
        h.bitpix = 32;
        return new NiftiVolume(h, npz, a.slabs());
    }

    /**
     * The registry's reader of {@code .npz} files: with {@code CASE.nii.gz} beside the archive, the probabilities on its
     * grid (checked as {@link #read}); without one, the channels with no grid of their own, shaped {@code (i, j, k)}
     * from the array's reversed spatial axes, so the case loader takes the reference's grid after checking the shape.
     */
    public static ReadVolume readVolume(Path npz, Progress progress) throws InputException {
        if (neighbour(npz) != null) {
            NiftiVolume v = read(npz, null, progress);
            return ReadVolume.ofNifti(v);
        }
        checkNotReoriented(npz);
        List<String> keys = NpzReader.keys(npz);
        String key = KEYS.stream().filter(keys::contains).findFirst().orElseThrow(() -> new InputException(npz, null,
                "no 'probabilities' (nnU-Net v2) or 'softmax' (nnU-Net v1) array in the archive; it holds " + keys));
        NpyArray a = NpzReader.read(npz, key, progress);
        long[] s = a.shape();
        if (s.length != 4) {
            throw new InputException(npz, key, "shape " + a.shapeText() + " is not (classes, k, j, i) as nnU-Net stores"
                    + " probabilities");
        }
        return ReadVolume.withoutGrid(npz, (int) s[3], (int) s[2], (int) s[1], a.slabs());
    }

    /** {@code CASE.nii.gz} (or {@code CASE.nii}) beside {@code CASE.npz}, or null. */
    static Path neighbour(Path npz) {
        String name = String.valueOf(npz.getFileName());
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".npz")) {
            return null;
        }
        String stem = name.substring(0, name.length() - 4);
        for (String ending : new String[] {".nii.gz", ".nii"}) {
            Path p = npz.resolveSibling(stem + ending);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Geometry geometry(Path file) throws InputException {
        NiftiHeader h = NiftiReader.readHeader(file);
        try {
            return Geometry.fromHeader(h);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, "dim", e.getMessage(), e);
        }
    }

    /** The array must be (C, nz, ny, nx) for a grid of dims (nx, ny, nz): anything else is named, never guessed. */
    static void checkShape(Path npz, String key, long[] s, Geometry g, Path gridFile) throws InputException {
        String dims = "(" + g.nx() + ", " + g.ny() + ", " + g.nz() + ")";
        String reversed = "(" + g.nz() + ", " + g.ny() + ", " + g.nx() + ")";
        if (s.length != 4) {
            throw new InputException(npz, key, "shape " + java.util.Arrays.toString(s).replace('[', '(').replace(']', ')')
                    + " is not (classes, k, j, i); the grid of "
                    + gridFile.getFileName() + " has dims " + dims);
        }
        if (s[1] == g.nz() && s[2] == g.ny() && s[3] == g.nx()) {
            return;
        }
        String both = "the array's spatial shape (" + s[1] + ", " + s[2] + ", " + s[3] + ") vs " + reversed + ", the dims "
                + dims + " of " + gridFile.getFileName() + " reversed as nnU-Net stores them";
        if (s[1] <= g.nz() && s[2] <= g.ny() && s[3] <= g.nx()) {
            throw new InputException(npz, key, "the probabilities are cropped (" + both + "): old nnU-Net v1 versions"
                    + " saved the array cropped to the foreground box; export full-size probabilities (nnU-Net v2)");
        }
        throw new InputException(npz, key, "the probabilities are not on the grid of " + gridFile.getFileName() + " ("
                + both + ")");
    }

    /**
     * nnU-Net's ...WithReorient readers turn images to RAS before inference and write the segmentation back in the
     * original orientation, but the .npz stays in the RAS frame: refuse rather than misalign. The reader is named
     * by {@code image_reader_writer} in plans.json or {@code overwrite_image_reader_writer} in dataset.json, which
     * nnU-Net copies into the output folder.
     */
    static void checkNotReoriented(Path npz) throws InputException {
        Path dir = npz.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        String[][] places = {{"plans.json", "image_reader_writer"}, {"dataset.json", "overwrite_image_reader_writer"}};
        for (String[] place : places) {
            Path f = dir.resolve(place[0]);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            JsonNode root;
            try {
                if (Files.size(f) > (16L << 20)) {
                    continue; // not an nnU-Net json: those are kilobytes
                }
                root = MAPPER.readTree(f.toFile());
            } catch (IOException e) {
                continue; // a broken neighbour json says nothing about orientation; the .npz is checked on its own
            }
            JsonNode rw = root == null ? null : root.get(place[1]);
            if (rw != null && rw.isTextual() && rw.asText().contains("WithReorient")) {
                throw new InputException(npz, null, place[0] + " beside it names the image reader " + rw.asText()
                        + ": nnU-Net reoriented the images to RAS before inference, so this .npz is in RAS voxel order"
                        + " while the segmentation and the reference keep their original orientation; DiceLens does"
                        + " not reorient it (a silent misalignment would be worse): give the probabilities as NIfTI on"
                        + " the image grid");
            }
        }
    }
}
