package org.dicelens.phantom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dicelens.common.InputException;

/**
 * Reads back what {@link PhantomWriter} wrote in {@code phantom.json}: per class label the expected volume Σq·v, the
 * mean reference volume over raters, which one rater's V_ref can be far from.
 */
public final class PhantomDescription {
    public static final String FILE = "phantom.json";

    private PhantomDescription() {
    }

    /** Label → Σq·v in mL from {@code folder/phantom.json}; empty when the folder has no such file. */
    public static Map<Integer, Double> expectedMl(Path folder) throws InputException {
        Path f = folder.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(f.toFile());
        } catch (IOException e) {
            throw new InputException(f, null, "not readable JSON: " + e.getMessage(), e);
        }
        JsonNode classes = root == null ? null : root.get("classes");
        if (classes == null || !classes.isArray()) {
            throw new InputException(f, "classes", "missing or not a list");
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (JsonNode c : classes) {
            JsonNode label = c.get("label");
            JsonNode ml = c.get("expectedMl");
            if (label == null || !label.canConvertToInt() || ml == null || !ml.isNumber() || !Double.isFinite(ml.asDouble())
                    || ml.asDouble() < 0) {
                throw new InputException(f, "classes", "each class needs an integer label and a non-negative expectedMl: "
                        + c);
            }
            out.put(label.asInt(), ml.asDouble());
        }
        return Collections.unmodifiableMap(out);
    }
}
