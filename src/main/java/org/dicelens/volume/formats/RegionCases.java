package org.dicelens.volume.formats;

import java.util.ArrayList;
import java.util.List;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.PredictionKind;
import org.dicelens.volume.ProbabilityMaps;

/**
 * Region models (nnU-Net {@code regions_class_order}, e.g. BraTS whole tumour / tumour core / enhancing tumour) as
 * one binary case per region: the region's reference is the union of its labels, its prediction the region's own
 * sigmoid channel p with background 1 - p. Regions overlap and their channels need not sum to 1, so they cannot share
 * one case; evaluated one at a time in threshold mode, a region's numbers are those of its channel alone. nnU-Net's
 * evaluation (region_or_label_to_mask in nnunetv2/evaluation/evaluate_predictions.py) scores the same union of labels
 * in the reference, but on the composed segmentation ({@code seg[p_i > 0.5] = c} in region order): the two agree
 * wherever the channels nest (a voxel in tumour core above 0.5 is also in whole tumour above 0.5).
 */
public final class RegionCases {
    private RegionCases() {
    }

    /**
     * @param caseName       the case; each region's case is named "caseName: region"
     * @param referenceLabels the reference label value per voxel (NIfTI voxel order)
     * @param channels        one probability channel per region, in the order of {@code regions}
     */
    public static List<Case> perRegion(String caseName, Geometry g, int[] referenceLabels, List<float[]> channels,
            List<DatasetJson.Region> regions, ImageVolume image, List<String> sources) {
        if (channels.size() != regions.size()) {
            throw new IllegalArgumentException(channels.size() + " channels for " + regions.size() + " regions");
        }
        int n = g.voxelCount();
        List<Case> out = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            DatasetJson.Region region = regions.get(r);
            int max = region.labels().last();
            boolean[] inRegion = new boolean[max + 1];
            for (int l : region.labels()) {
                inRegion[l] = true;
            }
            byte[] ref = new byte[n];
            float[] p = channels.get(r);
            float[] fg = new float[n];
            float[] bg = new float[n];
            long clamped = 0;
            for (int i = 0; i < n; i++) {
                int l = referenceLabels[i];
                ref[i] = (byte) (l >= 0 && l <= max && inRegion[l] ? 1 : 0);
                float v = p[i];
                float c = v > 1f ? 1f : v < 0f ? 0f : v;
                clamped += c != v ? 1 : 0;
                fg[i] = c;
                bg[i] = 1f - c;
            }
            ClassTable classes = new ClassTable(List.of(new ClassInfo(0, "outside " + region.name(), 0xFF000000),
                    new ClassInfo(1, region.name(), ClassTable.defaultColour(r + 1))));
            ProbabilityMaps maps = new ProbabilityMaps(g, new float[][] {bg, fg}, clamped, List.copyOf(sources));
            out.add(new Case(caseName + ": " + region.name(), g, image, ref, maps, classes,
                    clamped == 0 ? List.of() : List.of(region.name() + ": " + clamped + " values outside [0,1] clamped"),
                    PredictionKind.PROBABILITIES));
        }
        return out;
    }
}
