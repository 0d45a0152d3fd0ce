package org.dicelens.ui.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Named daemon threads for the view models' background work, so the app exits when its window closes. */
public final class Workers {
    private Workers() {
    }

    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dicelens-" + name);
            t.setDaemon(true);
            return t;
        });
    }
}
