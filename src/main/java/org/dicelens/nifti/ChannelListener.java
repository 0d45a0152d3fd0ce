package org.dicelens.nifti;

/**
 * Told by {@link NiftiReader} as each channel of a multi-channel volume is complete, while the next is still being
 * read: a gzip file's channels come one after another from one inflater, so per-channel work on the finished ones can
 * run on another core meanwhile. The reader finds it as the {@link org.dicelens.common.Progress} it is given (so the
 * format registry and volume readers in between need not know of it); plain files read in parallel do not call it.
 */
public interface ChannelListener {
    /**
     * @param channel  the channel now complete
     * @param channels the volume's channel count
     * @param values   its decoded values ({@code float[]} or {@code double[]}); the reader no longer writes to it
     */
    void channelRead(int channel, int channels, Object values);
}
