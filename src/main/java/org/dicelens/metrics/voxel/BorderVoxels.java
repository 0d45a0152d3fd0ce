package org.dicelens.metrics.voxel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dicelens.common.Progress;

/**
 * The smallest real voxel metric, and the tier's worked example: the voxels of a class's hard mask (inside Ω_m) that
 * have a 6-neighbour outside the mask. A neighbour beyond the grid counts as outside, so a mask touching the volume's
 * face has its face voxels on the border.
 */
public final class BorderVoxels implements VoxelMetric<BorderVoxels.Result> {
    /** One class's count: mask voxels, border voxels, and the border's share of the mask (NaN when empty). */
    public record Result(int channel, long maskVoxels, long borderVoxels) {
        public double borderFraction() {
            return maskVoxels == 0 ? Double.NaN : borderVoxels / (double) maskVoxels;
        }
    }

    public static final BorderVoxels INSTANCE = new BorderVoxels();

    private BorderVoxels() {
    }

    @Override
    public String key() {
        return "border-voxels";
    }

    @Override
    public Result compute(VoxelInput in, VoxelRequest r, Progress progress) {
        byte[] m = in.hardMask(r, progress);
        int nx = in.data().geometry().nx();
        int ny = in.data().geometry().ny();
        int nz = in.data().geometry().nz();
        int plane = nx * ny;
        long inside = 0;
        long border = 0;
        for (int z = 0; z < nz; z++) {
            progress.checkCancelled();
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    int i = row + x;
                    if (m[i] == 0) {
                        continue;
                    }
                    inside++;
                    boolean edge = x == 0 || x == nx - 1 || y == 0 || y == ny - 1 || z == 0 || z == nz - 1
                            || m[i - 1] == 0 || m[i + 1] == 0 || m[i - nx] == 0 || m[i + nx] == 0
                            || m[i - plane] == 0 || m[i + plane] == 0;
                    if (edge) {
                        border++;
                    }
                }
            }
        }
        return new Result(r.channel(), inside, border);
    }

    @Override
    public Map<String, Object> reportFields(Result res) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("maskVoxels", res.maskVoxels());
        f.put("borderVoxels", res.borderVoxels());
        f.put("borderFraction", res.borderFraction());
        return f;
    }
}
