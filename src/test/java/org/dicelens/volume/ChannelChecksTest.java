package org.dicelens.volume;

import static org.dicelens.volume.Vols.vol;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.ChannelListener;
import org.dicelens.nifti.NiftiVolume;
import org.junit.jupiter.api.Test;

/**
 * The prediction's channels checked (scanned, clamped) while the next is read give the same case, warnings and errors
 * as the checks after the read: loads through a reader that reports each channel as the gzip reader does, against the
 * same files through one that does not, and against brute-force counts.
 */
class ChannelChecksTest {
    static final Geometry G = Geometry.ofSpacing(128, 128, 80, 1, 1, 1); // 1.3 M voxels: two chunks
    static final int N = 128 * 128 * 80;
    static final Path REF = Path.of("ref.nii.gz");
    static final Path PRED = Path.of("pred.nii.gz");

    /** Tells the progress of each channel before returning the volume, as NiftiReader does for a gzip file. */
    static final class ChannelByChannel extends Vols.MapReader {
        int told;

        @Override
        public NiftiVolume read(Path file, Progress progress) throws InputException {
            NiftiVolume v = super.read(file, progress);
            if (progress instanceof ChannelListener l) {
                for (int c = 0; c < v.channels(); c++) {
                    l.channelRead(c, v.channels(), v.channelArray(c));
                    told++;
                }
            }
            return v;
        }
    }

    /** Three probability channels, some values outside [0,1] in each; fresh arrays on every call (loads clamp them). */
    static Vols.MapReader files(Vols.MapReader r, long seed, float bad, int badChannel) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] labels = new float[N];
        float[][] p = new float[3][N];
        for (int i = 0; i < N; i++) {
            labels[i] = rnd.nextInt(3);
            for (int c = 0; c < 3; c++) {
                p[c][i] = (float) rnd.nextDouble(-0.02, 1.02);
            }
        }
        if (badChannel >= 0) {
            p[badChannel][N - 3] = bad;
        }
        return r.put(vol(REF, G, (Object) labels)).put(vol(PRED, G, p[0], p[1], p[2]));
    }

    @Test
    void checksDuringTheReadGiveTheSameCaseAndWarnings() throws Exception {
        for (PredictionKind kind : new PredictionKind[] {PredictionKind.AUTO, PredictionKind.PROBABILITIES}) {
            CaseSpec spec = CaseSpec.of(REF, PRED).withPredictionKind(kind);
            Case after = CaseLoader.load(spec, Progress.NONE, files(new Vols.MapReader(), 7, 0, -1));
            ChannelByChannel during = new ChannelByChannel();
            Case early = CaseLoader.load(spec, Progress.NONE, files(during, 7, 0, -1));
            assertEquals(3, during.told, "the loader listens to the prediction's channels");
            assertEquals(after.warnings(), early.warnings());
            assertEquals(after.prediction().clampedCount(), early.prediction().clampedCount());
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(after.prediction().channels()[c], early.prediction().channels()[c], kind + " " + c);
            }
            // brute force on the unclamped values of channel 0 (checked during the read)
            float[] raw = ((float[]) files(new Vols.MapReader(), 7, 0, -1).volumes.get(PRED).channelArray(0));
            long out = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : raw) {
                out += v < -1e-6 || v > 1 + 1e-6 ? 1 : 0;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            assertTrue(early.warnings().get(0).contains("channel 0: " + out + " values outside [0,1] clamped (values from "
                    + ProbabilityBuilder.fmt(lo) + " to " + ProbabilityBuilder.fmt(hi) + ")"), early.warnings().get(0));
            for (int i = 0; i < N; i += 7919) {
                assertEquals(Math.max(0, Math.min(1, raw[i])), early.probability(0, i));
            }
        }
    }

    /** Channels 0 and 2 in [0,1] (the unit-range shortcut), channel 1 with one value above 1. */
    static Vols.MapReader mostlyInRange(Vols.MapReader r) {
        SplittableRandom rnd = new SplittableRandom(5);
        float[] labels = new float[N];
        float[][] p = new float[3][N];
        for (int i = 0; i < N; i++) {
            labels[i] = rnd.nextInt(3);
            for (int c = 0; c < 3; c++) {
                p[c][i] = rnd.nextInt(4) == 0 ? rnd.nextInt(2) : (float) rnd.nextDouble();
            }
        }
        p[1][N / 2] = 1.5f;
        return r.put(vol(REF, G, (Object) labels)).put(vol(PRED, G, p[0], p[1], p[2]));
    }

    @Test
    void channelsInRangeSkipTheScanAndClampAndGiveTheSameCase() throws Exception {
        for (PredictionKind kind : new PredictionKind[] {PredictionKind.AUTO, PredictionKind.PROBABILITIES,
            PredictionKind.LOGITS_SOFTMAX}) {
            CaseSpec spec = CaseSpec.of(REF, PRED).withPredictionKind(kind);
            Case after = CaseLoader.load(spec, Progress.NONE, mostlyInRange(new Vols.MapReader()));
            Case early = CaseLoader.load(spec, Progress.NONE, mostlyInRange(new ChannelByChannel()));
            assertEquals(after.warnings(), early.warnings(), kind.toString());
            float[][] raw = new float[3][];
            Vols.MapReader again = mostlyInRange(new Vols.MapReader());
            for (int c = 0; c < 3; c++) {
                raw[c] = again.volumes.get(PRED).channelAsFloat(c);
                assertArrayEquals(after.prediction().channels()[c], early.prediction().channels()[c], kind + " " + c);
            }
            if (kind != PredictionKind.LOGITS_SOFTMAX) {
                // by hand: the in-range channels as read, channel 1 with its one value clamped, one warning for it
                raw[1][N / 2] = 1f;
                for (int c = 0; c < 3; c++) {
                    assertArrayEquals(raw[c], early.prediction().channels()[c], kind + " channel " + c);
                }
                assertEquals(1, early.prediction().clampedCount(), kind.toString());
                assertTrue(early.warnings().get(0).contains("channel 1: 1 value outside [0,1] clamped (values from "
                        + ProbabilityBuilder.fmt(0) + " to " + ProbabilityBuilder.fmt(1.5) + ")"),
                        early.warnings().get(0));
            } else {
                // logits are never clamped before the softmax: by hand at the voxel holding 1.5
                int i = N / 2;
                double s = Math.exp(raw[0][i]) + Math.exp(raw[1][i]) + Math.exp(raw[2][i]);
                assertEquals((float) (Math.exp(raw[1][i]) / s), early.probability(1, i), 1e-6f);
            }
        }
    }

    @Test
    void logitsAreNotClampedWhileRead() throws Exception {
        CaseSpec spec = CaseSpec.of(REF, PRED).withPredictionKind(PredictionKind.LOGITS_SOFTMAX);
        Case after = CaseLoader.load(spec, Progress.NONE, files(new Vols.MapReader(), 3, 0, -1));
        ChannelByChannel during = new ChannelByChannel();
        Case early = CaseLoader.load(spec, Progress.NONE, files(during, 3, 0, -1));
        assertEquals(3, during.told);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(after.prediction().channels()[c], early.prediction().channels()[c], "channel " + c);
        }
        // softmax of the unclamped logits, by hand at one voxel whose logit of class 0 is below 0
        float[][] raw = new float[3][];
        Vols.MapReader again = files(new Vols.MapReader(), 3, 0, -1);
        for (int c = 0; c < 3; c++) {
            raw[c] = again.volumes.get(PRED).channelAsFloat(c);
        }
        int i = 0;
        while (raw[0][i] >= 0) {
            i++;
        }
        double m = Math.max(raw[0][i], Math.max(raw[1][i], raw[2][i]));
        double s = Math.exp(raw[0][i] - m) + Math.exp(raw[1][i] - m) + Math.exp(raw[2][i] - m);
        assertEquals((float) (Math.exp(raw[0][i] - m) / s), early.probability(0, i));
    }

    @Test
    void aNanInAChannelCheckedDuringTheReadIsReportedAsBefore() {
        for (int channel = 0; channel < 3; channel++) {
            int bad = channel;
            InputException before = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(REF, PRED),
                    Progress.NONE, files(new Vols.MapReader(), 11, Float.NaN, bad)));
            InputException during = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(REF, PRED),
                    Progress.NONE, files(new ChannelByChannel(), 11, Float.NaN, bad)));
            assertEquals(before.getMessage(), during.getMessage());
            int i = N - 3;
            String voxel = "(" + i % 128 + "," + (i / 128) % 128 + "," + i / (128 * 128) + ")";
            assertTrue(during.getMessage().contains("1 NaN or infinite value (the first at voxel " + voxel
                    + " of channel " + channel + ")"), during.getMessage());
        }
    }
}
