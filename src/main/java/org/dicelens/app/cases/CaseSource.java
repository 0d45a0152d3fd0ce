package org.dicelens.app.cases;

import java.nio.file.Path;
import java.util.List;

/**
 * Where what DiceLens evaluates comes from. Sealed so that every face handles every kind: today one case
 * ({@link CaseFiles}: files, a case folder or a phantom, with several raters' label maps when given); a batch/cohort
 * of cases is to be added here as a further permitted record, each face then failing to compile until it handles it.
 */
public sealed interface CaseSource permits CaseFiles {
    /** True when there is enough to open. */
    boolean isComplete();

    /** Every file read (never to be written over). */
    List<Path> inputs();

    /** A short description for titles, dialogs and messages. */
    String describe();
}
