package org.dicelens.app.tasks;

import org.dicelens.common.Progress;

/** Background work: reports to and polls {@code progress} (a cancelled task throws CancellationException from it). */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
