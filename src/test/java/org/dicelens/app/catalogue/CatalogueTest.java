package org.dicelens.app.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicelens.app.report.Reporter;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.EmptyClasses;
import org.dicelens.metrics.EmptyRule;
import org.dicelens.metrics.GdlTerms;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.WeightScheme;
import org.junit.jupiter.api.Test;

/** The catalogue is complete, points at real definitions, reads the right record component, and is the report's keys. */
class CatalogueTest {
    @Test
    void everyAnchorIsADefinitionInTheFormulaSheet() throws Exception {
        String sheet = Files.readString(Path.of("docs/FORMULAS.md"));
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>").matcher(sheet);
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "anchor twice in the sheet: " + m.group(1));
        }
        for (Quantity q : Catalogue.all()) {
            assertTrue(ids.contains(q.anchor()), q.key() + " points at #" + q.anchor() + ", not in docs/FORMULAS.md");
            assertFalse(q.label().isBlank() || q.header().isBlank() || q.tooltip().isBlank(), q.key());
        }
    }

    @Test
    void theReportsKeysAreTheCataloguesKeys() {
        Reporter r = Reporter.standard();
        assertEquals(Catalogue.caseQuantities().stream().map(Quantity::key).toList(), r.caseKeys());
        assertEquals(Catalogue.classQuantities().stream().map(Quantity::key).toList(), r.classKeys());
        Set<String> keys = new HashSet<>();
        Catalogue.all().forEach(q -> assertTrue(keys.add(q.key()), "key twice: " + q.key()));
    }

    /** A record component without a catalogue entry would be computed and never shown or written. */
    @Test
    void everyClassMetricsComponentIsCatalogued() {
        List<String> classKeys = Catalogue.classQuantities().stream().map(Quantity::key).toList();
        for (RecordComponent rc : ClassMetrics.class.getRecordComponents()) {
            assertTrue(classKeys.contains(rc.getName()), rc.getName() + " is not in the catalogue");
        }
    }

    /**
     * Each class quantity named like a record component reads that component (not a neighbour): on a record whose
     * components all hold different values, the catalogue's value equals the component's, found by reflection.
     */
    @Test
    void eachQuantityReadsItsOwnComponent() throws Exception {
        RecordComponent[] rcs = ClassMetrics.class.getRecordComponents();
        Object[] values = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            values[i] = types[i] == int.class ? (Object) (1000 + i) : types[i] == long.class ? (Object) (2000L + i)
                    : types[i] == String.class ? "s" + i : (Object) (i + 0.5);
        }
        ClassMetrics k = ClassMetrics.class.getDeclaredConstructor(types).newInstance(values);
        CaseMetrics m = new CaseMetrics("c", 1, 1, 0, HardMode.THRESHOLD, List.of(k), 0, 0, WeightScheme.SQUARE, EmptyRule.MAX, 0,
                0, 0, 0,
                new boolean[] {true}, new boolean[] {false}, 0, new GdlTerms(new double[1], new double[1], new double[1], 0,
                        0, 0, 0), EmptyClasses.ZERO, new int[] {0}, 0, 0, new int[0]);
        for (RecordComponent rc : rcs) {
            assertEquals(rc.getAccessor().invoke(k), Catalogue.get(rc.getName()).of(m, 0), rc.getName());
        }
        assertEquals(true, Catalogue.get("softDiceEmpty").of(m, 0));
        assertEquals(false, Catalogue.get("hardDiceEmpty").of(m, 0));
    }

    @Test
    void theLossesPanelsListIsTheSheetsLosses() {
        assertEquals(List.of("diceLoss", "diceSquaredLoss", "jaccardLoss", "tverskyLoss", "focalTverskyLoss", "ce", "wce", "ss",
                "focal", "logCoshDice", "combo"), Catalogue.classLosses().stream().map(Quantity::key).toList());
        assertEquals("soft\nDice", Catalogue.get("softDice").columnHeader());
        assertEquals("V_ref\nmL", Catalogue.get("refMl").columnHeader());
    }
}
