package org.dicelens.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.testfx.util.WaitForAsyncUtils;

/** Runs a read or an action on the FX thread from a TestFX test and returns its value (10 s at most). */
public final class FxCall {
    private FxCall() {
    }

    public static <T> T fx(Callable<T> c) {
        AtomicReference<T> r = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            try {
                r.set(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return r.get();
    }
}
