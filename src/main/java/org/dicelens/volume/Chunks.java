package org.dicelens.volume;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Splits a voxel range into chunks of about a million voxels and runs them on the common fork-join pool; results
 * come back in chunk order, so reductions that care about "the first" stay deterministic.
 */
final class Chunks {
    static final int SIZE = 1 << 20;

    /** The work on voxels [from, to). */
    @FunctionalInterface
    interface Body<T> {
        T run(int from, int to);
    }

    private Chunks() {
    }

    static <T> List<T> map(int n, Body<T> body) {
        int chunks = Math.max(1, (n + SIZE - 1) / SIZE);
        if (chunks == 1) {
            return List.of(body.run(0, n));
        }
        return IntStream.range(0, chunks).parallel().mapToObj(c -> body.run(c * SIZE, Math.min(n, (c + 1) * SIZE)))
                .collect(Collectors.toList());
    }

    /** As {@link #map(int, Body)} when {@code parallel}, else the whole range at once on this thread. */
    static <T> List<T> map(int n, Body<T> body, boolean parallel) {
        return parallel ? map(n, body) : List.of(body.run(0, n));
    }

    /** Runs the body over every chunk, for work with no result. */
    static void run(int n, Body<?> body) {
        map(n, (from, to) -> {
            body.run(from, to);
            return Boolean.TRUE;
        });
    }
}
