package org.dicelens.ui.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Named daemon threads for the view models' background work, so the app exits when its window closes. */
public final class Workers {
    private Workers() {
    }

    /** {@code n} daemon threads named dicelens-name-1 … -n. */
    public static ExecutorService pool(String name, int n) {
        java.util.concurrent.atomic.AtomicInteger k = new java.util.concurrent.atomic.AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "dicelens-" + name + "-" + k.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dicelens-" + name);
            t.setDaemon(true);
            return t;
        });
    }
}
