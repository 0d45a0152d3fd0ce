package org.dicelens.volume;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.dicelens.common.InputException;

/**
 * JSON class tables: an array of objects {@code {"label": 1, "name": "tumour", "color": "#ff0000"}} in channel
 * order; {@code name} and {@code color} (or {@code colour}: "#rrggbb", "#rgb" or [r, g, b]) are optional.
 * Read with Jackson's streaming parser so errors can name the line of the entry at fault.
 */
final class JsonClassTableParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FORM = "[{\"label\": 1, \"name\": \"tumour\", \"color\": \"#ff0000\"}, ...]";

    private JsonClassTableParser() {
    }

    static ClassTable parse(String text, Path file) throws InputException {
        ClassTableBuilder b = new ClassTableBuilder(file);
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw b.error(line(p), "expected a JSON array of classes like " + FORM);
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int line = line(p);
                if (t != JsonToken.START_OBJECT) {
                    throw b.error(line, "expected an object like {\"label\": 1, \"name\": \"tumour\"}, found " + p.getText());
                }
                JsonNode node = MAPPER.readTree(p);
                entry(b, line, node);
            }
            if (p.nextToken() != null) {
                throw b.error(line(p), "unexpected content after the closing ]");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, "line " + line, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read JSON: " + e.getMessage(), e);
        }
        return b.build();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static void entry(ClassTableBuilder b, int line, JsonNode node) throws InputException {
        JsonNode label = node.get("label");
        if (label == null) {
            throw b.error(line, "entry has no \"label\": " + node);
        }
        if (!label.isIntegralNumber() || !label.canConvertToInt()) {
            throw b.error(line, "\"label\" " + label + " is not an integer");
        }
        JsonNode name = node.get("name");
        if (name != null && !name.isTextual() && !name.isNull()) {
            throw b.error(line, "\"name\" " + name + " is not a string");
        }
        JsonNode colour = node.has("color") ? node.get("color") : node.get("colour");
        b.add(line, label.intValue(), name == null || name.isNull() ? null : name.textValue(), colour(b, line, colour));
    }

    private static Integer colour(ClassTableBuilder b, int line, JsonNode c) throws InputException {
        if (c == null || c.isNull()) {
            return null;
        }
        if (c.isTextual()) {
            try {
                return ClassTableReader.parseHexColour(c.textValue());
            } catch (IllegalArgumentException e) {
                throw b.error(line, e.getMessage());
            }
        }
        if (c.isArray() && c.size() == 3) {
            int argb = 0xFF000000;
            for (int i = 0; i < 3; i++) {
                JsonNode v = c.get(i);
                if (!v.isIntegralNumber() || v.intValue() < 0 || v.intValue() > 255) {
                    throw b.error(line, "colour " + c + " must be [r, g, b] with integers 0..255");
                }
                argb |= v.intValue() << (16 - 8 * i);
            }
            return argb;
        }
        throw b.error(line, "colour " + c + " must be \"#rrggbb\" or [r, g, b]");
    }
}
