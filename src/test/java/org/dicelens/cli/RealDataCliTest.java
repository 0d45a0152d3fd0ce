package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.dicelens.RealData;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate} on real files of ../shared/realdata (skipped when absent), against the facts in its README,
 * measured there independently with numpy after nibabel's scaling (hard masks with p &gt; 0.5; no value of these
 * maps is exactly 0.5, so p ≥ 0.5 gives the same masks).
 */
class RealDataCliTest {
    private static JsonNode evaluate(Path ref, Path pred) throws Exception {
        Cli r = Cli.run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void spinalCordGreyMatterAgainstThePam50Template() throws Exception {
        Path gt = RealData.file("sct_spinalcord/mt/mt1_gmseg_goldstandard.nii.gz");
        Path gm = RealData.file("sct_spinalcord/mt/label/template/PAM50_gm.nii.gz");
        JsonNode fg = evaluate(gt, gm).get("classes").get(1);
        assertEquals(99, fg.get("refVoxels").asDouble(), 0, "README: ground-truth grey matter = 99 voxels");
        assertEquals(0.4857, fg.get("hardDice").asDouble(), 5e-5, "README: hard Dice(GT, PAM50_gm > 0.5) = 0.4857");
        assertEquals(0.4565, fg.get("softDice").asDouble(), 5e-5, "README: soft Dice with p = PAM50_gm = 0.4565");
    }

    @Test
    void spinalCordManualAgainstDeepSegMasks() throws Exception {
        Path manual = RealData.file("sct_spinalcord/t2/t2_seg-manual.nii.gz");
        Path deep = RealData.file("sct_spinalcord/t2/t2_seg-deepseg_sc-3d.nii.gz");
        JsonNode fg = evaluate(manual, deep).get("classes").get(1);
        assertEquals(4275, fg.get("refVoxels").asDouble(), 0, "README: t2_seg-manual 4275 voxels");
        assertEquals(4285, fg.get("hardVoxels").asDouble(), 0, "README: t2_seg-deepseg_sc-3d 4285 voxels");
        assertEquals(0.9808, fg.get("hardDice").asDouble(), 5e-5, "README: Dice 0.9808");
    }
}
