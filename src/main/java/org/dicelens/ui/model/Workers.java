package org.dicelens.ui.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for the view models' background work, so the app exits when its window closes. */
public final class Workers {
    private Workers() {
    }

    /** {@code n} daemon threads named dicelens-name-1 … -n. */
    public static ExecutorService pool(String name, int n) {
        AtomicInteger k = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> daemon(r, "dicelens-" + name + "-" + k.incrementAndGet()));
    }

    /** One daemon thread named dicelens-name. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> daemon(r, "dicelens-" + name));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
