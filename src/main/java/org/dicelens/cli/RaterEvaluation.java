package org.dicelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.metrics.raters.RaterStatistics;
import org.dicelens.volume.Case;

/**
 * {@code evaluate --raters}: the case is loaded with the first rater as its reference (which fixes the grid and the
 * classes), every rater is read onto it, the reference becomes the raters' majority vote, and the report is the usual
 * one plus the "raters" section ({@link RaterSection}). {@code --soft-reference} keeps --reference for the usual keys
 * and computes the section against q̂.
 */
final class RaterEvaluation {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RaterEvaluation() {
    }

    static String json(org.dicelens.app.cases.CaseFiles in, RaterOptions opts, SettingsOptions options, Progress progress) throws InputException {
        Case loaded = Backend.load(in, progress);
        Case c = loaded;
        RaterReference ref;
        if (opts.given()) {
            ref = org.dicelens.app.cases.RaterFiles.labelMaps(opts.raters, loaded, progress);
            byte[] majority = ref.majorityLabels(loaded.classes().backgroundChannel());
            c = new Case(loaded.name(), loaded.geometry(), loaded.image(), majority, loaded.prediction(), loaded.classes(),
                    loaded.warnings(), loaded.predictionKind());
        } else {
            ref = org.dicelens.app.cases.RaterFiles.soft(opts.softReference, loaded);
        }
        Settings s = options.toSettings(c.classes());
        Engine e = Backend.engine(c, progress);
        CaseMetrics m = Backend.named(Backend.evaluate(e, s, progress), in.displayName());
        RaterMetrics rm = RaterStatistics.compute(ref, c.prediction().channels(), c.classes(), e.voxelMl(), s, e.region());
        ObjectNode o = org.dicelens.app.report.Reporter.standard().toNode(m);
        o.set("raters", RaterSection.of(rm));
        try {
            return MAPPER.writeValueAsString(o) + System.lineSeparator();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("JSON serialisation failed", ex);
        }
    }
}
