package org.dicelens.volume;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.ChannelListener;
import org.dicelens.nifti.NiftiVolume;

/**
 * The loader's per-channel checks of a prediction file (the value scan and, for probabilities, the clamp to [0,1]),
 * run on another core as each channel of a gzip file is complete while the reader inflates the next (measured in
 * docs/perf/load.md). The last channel, and every channel of a file whose reader does not report channels (plain
 * files read in parallel, other formats), is checked after the read by the parallel code as before. Results are the
 * same either way: the same scan and clamp, merged in channel order.
 *
 * <p>Also the progress of the read: the reader finds the listener as its progress ({@link ChannelListener}).
 */
final class ChannelChecks implements Progress, ChannelListener {
    /** The load's progress as this read sees it (its 0..1 mapped into the read's share of the load). */
    private final Progress span;
    private final boolean clampAlways;
    private final boolean clampIfSeveral;
    /** Written and read on the loading thread only (the reader calls back on the thread that reads). */
    private CompletableFuture<Checked>[] early;

    /** One channel's checks: its scan, and its clamp's findings when it was clamped (else null). */
    record Checked(ValueScan scan, ProbabilityBuilder.Clamped clamped) {
    }

    /**
     * @param span           the load's progress as this read sees it
     * @param clampAlways    the prediction is probabilities whatever this file holds: clamp channels as they arrive
     * @param clampIfSeveral clamp only when the file has several channels (a one-channel file read as
     *                       {@link PredictionKind#AUTO} may be a label map); neither: scan only
     */
    ChannelChecks(Progress span, boolean clampAlways, boolean clampIfSeveral) {
        this.span = span;
        this.clampAlways = clampAlways;
        this.clampIfSeveral = clampIfSeveral;
    }

    @Override
    public void update(double fraction, String m) {
        span.update(fraction, m);
    }

    @Override
    public boolean isCancelled() {
        return span.isCancelled();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void channelRead(int channel, int channels, Object values) {
        if (channel == channels - 1 || !(values instanceof float[] f)) {
            return; // the last channel: both cores are free after the read, so the parallel code checks it
        }
        if (early == null) {
            early = new CompletableFuture[channels];
        }
        boolean clamp = clampAlways || (clampIfSeveral && channels > 1);
        // CompletableFuture's default executor, like the reader's allocation of later channels: the common pool, or a
        // thread per task where that pool has one thread (two cores)
        early[channel] = CompletableFuture.supplyAsync(() -> ValueScan.inUnitRange(f, false) ? inUnitRange(channels)
                : new Checked(ValueScan.channel(f, channels == 1, false), clamp ? ProbabilityBuilder.Clamped.of(f) : null));
    }

    /**
     * Channel c's checks: those done during the read, else done now (a channel in [0, 1] needs no clamp; another is
     * scanned only, and the loader clamps it later).
     */
    Checked checked(NiftiVolume v, int c) {
        CompletableFuture<Checked>[] e = early;
        if (e != null && c < e.length && e[c] != null) {
            try {
                return e[c].join();
            } catch (CompletionException x) {
                if (x.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (x.getCause() instanceof Error r) {
                    throw r;
                }
                throw x;
            }
        }
        Object raw = v.channelArray(c);
        return ValueScan.inUnitRange(raw, true) ? inUnitRange(v.channels())
                : new Checked(ValueScan.channel(raw, v.channels() == 1, true), null);
    }

    /**
     * The common case, all values in [0, 1] (one compare pair each): no full scan, and nothing to clamp whatever the
     * prediction turns out to be (the builder uses a clamp's findings for probabilities only).
     */
    private static Checked inUnitRange(int channels) {
        return new Checked(ValueScan.empty(channels == 1), ProbabilityBuilder.Clamped.NOTHING);
    }
}
