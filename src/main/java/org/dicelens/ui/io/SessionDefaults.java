package org.dicelens.ui.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.Settings;

/**
 * The documented default of every control, for sessions written before that control existed: a missing key gets the
 * value of {@link Settings#defaults(int)} and {@link LossParams#defaults()} (the formula sheet's, as the command line's
 * options), never Java's 0. Per-class thresholds have no default here: a session without them is refused.
 */
final class SessionDefaults {
    private static final ObjectNode DEFAULTS = defaults();

    private SessionDefaults() {
    }

    private static ObjectNode defaults() {
        ObjectNode d = SessionFile.mapper().valueToTree(Settings.defaults(0));
        d.remove("thresholdSteps");
        return d;
    }

    /** Adds to {@code settings} every key of the defaults it lacks (also inside {@code losses}). */
    static void fill(ObjectNode settings) {
        fill(settings, DEFAULTS);
    }

    private static void fill(ObjectNode target, ObjectNode defaults) {
        for (Iterator<Map.Entry<String, JsonNode>> it = defaults.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode present = target.get(e.getKey());
            if (present == null || (present.isNull() && !e.getValue().isNull())) {
                target.set(e.getKey(), e.getValue().deepCopy());
            } else if (present.isObject() && e.getValue().isObject()) {
                fill((ObjectNode) present, (ObjectNode) e.getValue());
            }
        }
    }
}
