package org.dicelens.cli;

import org.dicelens.app.cases.BatchPairing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nnU-Net-style pairing of reference and prediction folders by file name. */
class BatchPairingTest {
    @TempDir
    Path root;

    private Path dir(String name, String... files) throws Exception {
        Path d = Files.createDirectories(root.resolve(name));
        for (String f : files) {
            Files.writeString(d.resolve(f), "x");
        }
        return d;
    }

    @Test
    void pairsWholeFilesAndPerClassFilesByName() throws Exception {
        Path refs = dir("labels", "a.nii.gz", "b.nii.gz", "c.nii", "unused.nii.gz", "dataset.json");
        Path preds = dir("preds", "a.nii.gz", "b_0000.nii.gz", "b_0002.nii.gz", "b_0001.nii.gz", "c.nii.gz", "a.npz",
                "plans.json", "orphan.nii.gz");
        BatchPairing.Result r = BatchPairing.pair(refs, preds);
        List<BatchPairing.Pair> p = r.pairs();
        assertEquals(List.of("a", "b", "c", "orphan"), p.stream().map(BatchPairing.Pair::name).toList());
        assertEquals(List.of(preds.resolve("a.npz")), p.get(0).predictions(), "nnU-Net's probabilities beside its segmentation");
        assertEquals(refs.resolve("a.nii.gz"), p.get(0).reference());
        assertEquals(List.of(preds.resolve("b_0000.nii.gz"), preds.resolve("b_0001.nii.gz"), preds.resolve("b_0002.nii.gz")),
                p.get(1).predictions(), "channel order is the file number, not the listing order");
        assertEquals(refs.resolve("c.nii"), p.get(2).reference(), ".nii reference with a .nii.gz prediction");
        assertNull(p.get(0).error());
        assertNotNull(p.get(3).error(), "a prediction without a reference is a failed case");
        assertTrue(p.get(3).error().contains("orphan"));
        assertEquals(List.of("unused"), r.referencesWithoutPrediction());
    }

    @Test
    void aCaseWhoseNameEndsInDigitsStaysWhole() throws Exception {
        // KiTS names cases case_00000; a four-digit suffix that is a reference's own name is not a channel
        Path refs = dir("labels", "case_0001.nii.gz", "case_0002.nii.gz");
        Path preds = dir("preds", "case_0001.nii.gz", "case_0002.nii.gz");
        List<BatchPairing.Pair> p = BatchPairing.pair(refs, preds).pairs();
        assertEquals(List.of("case_0001", "case_0002"), p.stream().map(BatchPairing.Pair::name).toList());
        assertEquals(1, p.get(0).predictions().size());
    }

    @Test
    void aHoleInTheChannelsIsAFailedCase() throws Exception {
        Path refs = dir("labels", "a.nii.gz");
        Path preds = dir("preds", "a_0000.nii.gz", "a_0002.nii.gz");
        BatchPairing.Pair p = BatchPairing.pair(refs, preds).pairs().get(0);
        assertTrue(p.error().contains("_0001"), p.error());
    }

    @Test
    void twoLayoutsOrTwoFilesForOneCaseAreRefused() throws Exception {
        Path refs = dir("labels", "a.nii.gz");
        BatchPairing.Pair p = BatchPairing.pair(refs, dir("p1", "a.nii.gz", "a_0000.nii.gz")).pairs().get(0);
        assertTrue(p.error().contains("one layout"), p.error());
        InputException e = assertThrows(InputException.class, () -> BatchPairing.pair(refs, dir("p2", "a.nii", "a.nii.gz")));
        assertTrue(e.getMessage().contains("two files for case a"), e.getMessage());
    }

    @Test
    void missingOrEmptyFoldersAreInputErrors() throws Exception {
        Path refs = dir("labels", "a.nii.gz");
        InputException e = assertThrows(InputException.class, () -> BatchPairing.pair(refs, root.resolve("nope")));
        assertTrue(e.getMessage().contains("--prediction-dir") && e.getMessage().contains("nope"), e.getMessage());
        e = assertThrows(InputException.class, () -> BatchPairing.pair(refs, dir("empty")));
        assertTrue(e.getMessage().contains("no NIfTI prediction"), e.getMessage());
    }
}
