package org.dicelens.phantom;

import java.util.List;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.ProbabilityMaps;

/**
 * One binary (lesion vs rest) case of the lab with its known truth: the image, the true posterior q of the
 * foreground per voxel, and the reference one rater drew from q (0 or 1 per voxel).
 */
public record LabCase(String name, Geometry geometry, float[] image, float[] q, byte[] reference) {

    public LabCase {
        int n = geometry.voxelCount();
        if (image.length != n || q.length != n || reference.length != n) {
            throw new IllegalArgumentException("arrays must have " + n + " voxels");
        }
    }

    public int voxelCount() {
        return geometry.voxelCount();
    }

    /** Σq: the expected foreground volume in voxels. */
    public double expectedVoxels() {
        double s = 0;
        for (float v : q) {
            s += v;
        }
        return s;
    }

    /** R: the sampled reference's foreground volume in voxels. */
    public long referenceVoxels() {
        long s = 0;
        for (byte b : reference) {
            s += b;
        }
        return s;
    }

    /**
     * This case as the viewer loads it: the image, the reference (channel 1 = lesion) and a two-channel prediction
     * (background 1 − p, lesion p).
     */
    public Case toCase(String caseName, float[] p) {
        if (p.length != voxelCount()) {
            throw new IllegalArgumentException("prediction must have " + voxelCount() + " voxels");
        }
        float[] bg = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            bg[i] = 1f - p[i];
        }
        ClassTable classes = new ClassTable(List.of(new ClassInfo(0, "background", ClassTable.defaultColour(0)),
                new ClassInfo(1, "lesion", ClassTable.defaultColour(1))));
        return new Case(caseName, geometry, new ImageVolume(geometry, image, null), reference,
                new ProbabilityMaps(geometry, new float[][] {bg, p}, 0, List.of(caseName)), classes, List.of());
    }
}
