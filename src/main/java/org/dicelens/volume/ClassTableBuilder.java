package org.dicelens.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.common.InputException;

/** Collects class-table entries while parsing, refusing duplicate labels and empty tables with the line at fault. */
final class ClassTableBuilder {
    private final Path file;
    private final List<ClassInfo> entries = new ArrayList<>();
    private final Map<Integer, Integer> lineOfLabel = new HashMap<>();

    ClassTableBuilder(Path file) {
        this.file = file;
    }

    /** @param name null or blank for the default name; @param argb null for the default colour */
    void add(int line, int label, String name, Integer argb) throws InputException {
        Integer first = lineOfLabel.putIfAbsent(label, line);
        if (first != null) {
            throw error(line, "label " + label + " appears twice (first on line " + first + ")");
        }
        String n = name == null || name.isBlank() ? (label == 0 ? "background" : "class " + label) : name.strip();
        entries.add(new ClassInfo(label, n, argb == null ? ClassTable.defaultColour(label) : argb));
    }

    ClassTable build() throws InputException {
        if (entries.isEmpty()) {
            throw new InputException(file, null, "no classes found (the class table is empty)");
        }
        if (entries.size() > CaseLoader.MAX_CLASSES) {
            throw new InputException(file, null, entries.size() + " classes: DiceLens handles at most " + CaseLoader.MAX_CLASSES);
        }
        return new ClassTable(entries);
    }

    InputException error(int line, String problem) {
        return new InputException(file, "line " + line, problem);
    }
}
