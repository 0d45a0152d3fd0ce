package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code evaluate}'s several-raters options (one case; JSON or CSV). */
public final class RaterOptions {
    @Option(names = "--raters", paramLabel = "RATER", arity = "1..*",
            description = "Instead of --reference: K label maps of several raters on one grid. The usual keys are computed "
                    + "against their majority vote (ties to the foreground); further keys add, per class, q̂-based and "
                    + "per-rater numbers (expectedMl, raterMl, semimetricDice, qubiq, consensusDice, ...), in JSON or CSV.")
    List<Path> raters = new ArrayList<>();

    @Option(names = "--soft-reference", paramLabel = "Q",
            description = "With --reference: a soft reference q̂ in [0, 1] (a 4D map with one volume per class, or one 3D "
                    + "foreground map for two classes), e.g. the raters' mean. The usual keys stay against --reference; the "
                    + "rater keys are computed against q̂ (no per-rater lists).")
    Path softReference;

    /** --raters given (the majority vote replaces --reference). */
    boolean given() {
        return !raters.isEmpty();
    }

    /** Either form given: the report gets a "raters" section. */
    boolean any() {
        return given() || softReference != null;
    }
}
