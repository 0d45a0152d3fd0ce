package org.dicelens.metrics.voxel;

import java.util.List;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;

/**
 * The inputs a voxel metric's value depends on, and nothing else, so equal requests share one cached result: the
 * class, the hard rule's settings that decide that class's mask, the evaluation-region margin, and the metric's own
 * settings ({@code extra}, e.g. a percentile or a connectivity; compared with equals).
 *
 * @param thresholdStep the class's threshold step in threshold mode; −1 in argmax mode (where it does not matter)
 * @param floorStep     the confidence floor step in argmax mode; −1 in threshold mode
 */
public record VoxelRequest(int channel, HardMode mode, int thresholdStep, int floorStep, int margin, List<Object> extra) {
    public VoxelRequest {
        extra = List.copyOf(extra);
    }

    /** The request for class {@code channel} under these controls; settings the mask does not use are left out. */
    public static VoxelRequest of(Settings s, int channel, Object... extra) {
        boolean argmax = s.mode() == HardMode.ARGMAX;
        return new VoxelRequest(channel, s.mode(), argmax ? -1 : s.thresholdSteps()[channel],
                argmax ? s.confidenceFloorStep() : -1, s.margin(), List.of(extra));
    }
}
