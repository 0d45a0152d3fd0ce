package org.dicelens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;

/**
 * The report section of several raters: {@code "raters": {count, soft, reference, regionVoxels, consensusVoxels,
 * classes: [...]}} with the keys of {@link RaterClassMetrics}; undefined numbers as null. Kept apart so the reporter
 * can place it as one section.
 */
final class RaterSection {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RaterSection() {
    }

    static ObjectNode of(RaterMetrics m) {
        ObjectNode o = F.objectNode();
        o.put("count", m.raters());
        o.put("soft", m.soft());
        o.put("reference", m.soft() ? "the usual keys above use --reference; this section the soft reference q̂"
                : "the usual keys above use the raters' majority vote as the reference");
        o.put("regionVoxels", m.regionVoxels());
        o.put("consensusVoxels", m.consensusVoxels());
        ArrayNode classes = o.putArray("classes");
        for (RaterClassMetrics c : m.classes()) {
            ObjectNode k = classes.addObject();
            k.put("label", c.label());
            k.put("name", c.name());
            num(k, "expectedMl", c.expectedMl());
            list(k, "raterMl", c.raterMl());
            num(k, "raterMlMin", c.raterMlMin());
            num(k, "raterMlMax", c.raterMlMax());
            num(k, "raterMlSd", c.raterMlSd());
            num(k, "semimetricDice", c.semimetricDice());
            num(k, "semimetricLoss", c.semimetricLoss());
            num(k, "softDiceVsMean", c.softDiceVsMean());
            k.put("softEmpty", c.softEmpty());
            list(k, "raterDice", c.raterDice());
            list(k, "raterSoftDice", c.raterSoftDice());
            num(k, "interRaterDice", c.interRaterDice());
            num(k, "qubiq", c.qubiq());
            k.put("qubiqEmpty", c.qubiqEmpty());
            num(k, "consensusDice", c.consensusDice());
            k.put("consensusVoxels", c.consensusVoxels());
            num(k, "deltaSoftVsExpectedMl", c.deltaSoftVsExpectedMl());
            num(k, "deltaHardVsExpectedMl", c.deltaHardVsExpectedMl());
            num(k, "eceVsMean", c.eceVsMean());
        }
        return o;
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void list(ObjectNode o, String key, double[] values) {
        ArrayNode a = o.putArray(key);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }
}
