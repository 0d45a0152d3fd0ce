package org.dicelens.volume.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dicelens.common.InputException;
import org.dicelens.volume.ClassInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both dataset.json styles, regions as nnU-Net's LabelManager orders them, and the refusals. */
class DatasetJsonTest {
    @Test
    void nnUnetV2LabelModel(@TempDir Path dir) throws Exception {
        DatasetJson d = DatasetJson.read(write(dir, """
                {"channel_names": {"0": "CT"}, "labels": {"background": 0, "liver": 1, "tumour": 2, "ignore": 3},
                 "numTraining": 10, "file_ending": ".nii.gz"}"""));
        assertEquals(DatasetJson.Style.NNUNET_V2, d.style());
        assertEquals(List.of(0, 1, 2), labels(d));
        assertEquals(List.of("background", "liver", "tumour"), names(d));
        assertEquals(3, d.ignoreLabel());
        assertFalse(d.hasRegions());
    }

    @Test
    void bratsRegionsInFileOrderWithTheirLabelUnions(@TempDir Path dir) throws Exception {
        // nnU-Net's Dataset137_BraTS2021 conversion writes exactly these labels
        DatasetJson d = DatasetJson.read(write(dir, """
                {"labels": {"background": 0, "whole tumor": [1, 2, 3], "tumor core": [2, 3], "enhancing tumor": 3},
                 "regions_class_order": [1, 2, 3], "file_ending": ".nii.gz"}"""));
        assertTrue(d.hasRegions());
        assertEquals(List.of("whole tumor", "tumor core", "enhancing tumor"),
                d.regions().stream().map(DatasetJson.Region::name).toList());
        assertEquals(List.of(Set.of(1, 2, 3), Set.of(2, 3), Set.of(3)),
                d.regions().stream().map(r -> (Set<Integer>) new TreeSet<>(r.labels())).toList());
        assertEquals(List.of(1, 2, 3), d.regionsClassOrder());
        assertEquals(List.of(0, 1, 2, 3), labels(d));
        assertEquals(List.of("background", "label 1", "label 2", "enhancing tumor"), names(d));
    }

    @Test
    void decathlonStyle(@TempDir Path dir) throws Exception {
        DatasetJson d = DatasetJson.read(write(dir, """
                {"name": "BRATS", "labels": {"0": "background", "1": "edema", "2": "non-enhancing tumor",
                 "3": "enhancing tumour"}, "modality": {"0": "FLAIR"}}"""));
        assertEquals(DatasetJson.Style.MSD, d.style());
        assertEquals(List.of(0, 1, 2, 3), labels(d));
        assertEquals(List.of("background", "edema", "non-enhancing tumor", "enhancing tumour"), names(d));
        assertNull(d.ignoreLabel());
    }

    @Test
    void refusals(@TempDir Path dir) throws Exception {
        refused(dir, "{\"labels\": {\"background\": 0, \"a\": [1, 2], \"b\": 2}}", "regions_class_order");
        refused(dir, "{\"labels\": {\"a\": 1}}", "background");
        refused(dir, "{\"labels\": {\"0\": \"background\", \"x\": \"edema\"}}", "not a label value");
        refused(dir, "{\"labels\": {\"background\": 0, \"a\": \"one\"}}", "expected a label value");
        refused(dir, "{\"labels\": {\"background\": 0, \"a\": -2}}", "outside");
        refused(dir, "{\"name\": 1}", "no \"labels\"");
        refused(dir, "{\"labels\": {\"background\": 0,", "not valid JSON");
    }

    static void refused(Path dir, String json, String fragment) throws Exception {
        Path f = write(dir, json);
        try {
            DatasetJson.read(f);
            fail("read " + json);
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(fragment), e.getMessage());
        }
    }

    static Path write(Path dir, String json) throws Exception {
        return Files.writeString(dir.resolve("dataset.json"), json);
    }

    static List<Integer> labels(DatasetJson d) {
        return d.classes().all().stream().map(ClassInfo::label).toList();
    }

    static List<String> names(DatasetJson d) {
        return d.classes().all().stream().map(ClassInfo::name).toList();
    }
}
