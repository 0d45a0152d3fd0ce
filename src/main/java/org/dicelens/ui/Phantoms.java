package org.dicelens.ui;

import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/** The lab's generated phantoms, when the lab package provides them. */
final class Phantoms {
    private Phantoms() {
    }

    static Case generate(String description, Progress progress) throws InputException {
        throw new InputException(null, "phantom", "the phantom generator is not in this build yet (" + description
                + "); open a case with File ▸ Open");
    }
}
