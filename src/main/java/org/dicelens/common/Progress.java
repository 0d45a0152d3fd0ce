package org.dicelens.common;

import java.util.concurrent.CancellationException;

/** Progress and cancellation for long work (loading, statistics, training), whichever face runs it. */
public interface Progress {
    /** Progress that reports nothing and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction in [0,1] */
    void update(double fraction, String message);

    boolean isCancelled();

    /** Throws CancellationException when cancelled; long loops call it now and then. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
