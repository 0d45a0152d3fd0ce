package org.dicelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code evaluate}'s several-raters options (one case, JSON output). */
public final class RaterOptions {
    @Option(names = "--raters", paramLabel = "RATER", arity = "1..*",
            description = "Instead of --reference: K label maps of several raters on one grid. The usual keys are computed "
                    + "against their majority vote (ties to the foreground); a \"raters\" section adds, per class, q̂-based "
                    + "and per-rater numbers (expectedMl, raterMl, semimetricDice, qubiq, consensusDice, ...). JSON only.")
    List<Path> raters = new ArrayList<>();

    boolean given() {
        return !raters.isEmpty();
    }
}
