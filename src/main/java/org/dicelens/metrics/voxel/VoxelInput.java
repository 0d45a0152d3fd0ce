package org.dicelens.metrics.voxel;

import org.dicelens.common.Progress;
import org.dicelens.metrics.EvaluationRegion;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.HardRule;
import org.dicelens.volume.Case;

/** What a voxel metric reads: the case, its evaluation region, and the hard masks of the one hard rule. */
public record VoxelInput(Case data, EvaluationRegion region) {

    /**
     * The request's class mask over the whole grid (1 = in the hard segmentation and in Ω_margin), by
     * {@link HardRule}: the same voxels the engine counts and the slices draw.
     */
    public byte[] hardMask(VoxelRequest r, Progress progress) {
        float[][] p = data.prediction().channels();
        int n = data.geometry().voxelCount();
        byte[] mask = new byte[n];
        if (r.mode() == HardMode.ARGMAX) {
            HardRule.argmax(p, p.length, n, r.floorStep(), data.classes().backgroundChannel(), mask);
            progress.checkCancelled();
            HardRule.select(mask, n, r.channel(), mask);
        } else {
            HardRule.threshold(p[r.channel()], n, r.thresholdStep(), mask);
        }
        progress.checkCancelled();
        clipToRegion(mask, r.margin());
        return mask;
    }

    /** The reference mask of the request's class inside Ω_margin. */
    public byte[] referenceMask(VoxelRequest r) {
        byte[] ref = data.referenceClass();
        byte[] mask = new byte[ref.length];
        HardRule.select(ref, ref.length, r.channel(), mask);
        clipToRegion(mask, r.margin());
        return mask;
    }

    private void clipToRegion(byte[] mask, int margin) {
        int[] b = region.bounds(margin);
        int nx = data.geometry().nx();
        int ny = data.geometry().ny();
        int nz = data.geometry().nz();
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == nx - 1 && b[4] == ny - 1 && b[5] == nz - 1) {
            return;
        }
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                boolean rowIn = y >= b[1] && y <= b[4] && z >= b[2] && z <= b[5];
                for (int x = 0; x < nx; x++) {
                    if (!rowIn || x < b[0] || x > b[3]) {
                        mask[row + x] = 0;
                    }
                }
            }
        }
    }
}
