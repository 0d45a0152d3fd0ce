package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.dicelens.app.report.ReportSection;
import org.dicelens.app.report.Reporter;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.EmptyClasses;
import org.dicelens.metrics.EmptyRule;
import org.dicelens.metrics.GdlTerms;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.WeightScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporters write exactly the issue's keys, NaN as null (JSON) or empty (CSV), and pandas reads the CSV as it is. */
class ReportTest {
    private static final Reporter REPORTER = Reporter.standard();
    /** Copied from the issue "Command line" (not from the records), so a renamed component fails here. */
    static final List<String> CLASS_KEYS = List.of("label", "name", "threshold", "refVoxels", "softVoxels", "hardVoxels",
            "refMl", "softMl", "hardMl", "deltaSoftMl", "deltaHardMl", "softDice", "hardDice", "softJaccard", "hardJaccard",
            "precision", "recall", "specificity", "tp", "fp", "fn", "tn", "diceLoss", "diceSquaredLoss", "jaccardLoss",
            "tverskyLoss", "focalTverskyLoss", "ce", "wce", "ss", "focal", "logCoshDice", "combo", "ece", "brier", "gdlWeight",
            "gdlShare", "tBest", "tVol", "tCal", "diceOptimalK", "diceOptimalExpectedDice", "diceOptimalThreshold",
            "diceOptimalMl", "softDiceEmpty", "hardDiceEmpty");
    static final List<String> CASE_KEYS = List.of("case", "voxelMl", "regionVoxels", "foregroundFraction", "mode", "gdl",
            "gdlScore", "gdlWeights", "emptyRule", "meanSoftDice", "meanHardDice", "ceMulticlass", "expLog", "meanClasses",
            "meanSoftDiceForeground", "meanHardDiceForeground", "meanForegroundClasses", "emptyClasses", "clampedValues");

    /** A class record whose i-th numeric value is base + i, with precision undefined (NaN) when nanPrecision. */
    static ClassMetrics klass(int label, String name, double base, boolean nanPrecision) {
        double[] v = new double[44];
        for (int i = 0; i < v.length; i++) {
            v[i] = base + i;
        }
        return new ClassMetrics(label, name, v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14],
                nanPrecision ? Double.NaN : v[15], v[16], v[17], 18, 19, 20, 21, v[22], v[23], v[24], v[25], v[26], v[27], v[28],
                v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37], v[38], v[39], v[40], v[41], v[42],
                Double.POSITIVE_INFINITY);
    }

    static CaseMetrics sample(String caseName) {
        return new CaseMetrics(caseName, 0.001, 1000, 0.25, HardMode.THRESHOLD,
                List.of(klass(0, "background", 0.5, false), klass(2, "tumour, \"core\"", 100.5, true)), 0.3, 0.7,
                WeightScheme.SQUARE, EmptyRule.MAX, 0.8, 0.75, Double.NaN, 1.25, new boolean[2], new boolean[] {false, true}, 7,
                new GdlTerms(new double[] {1, 1}, new double[] {1, 1}, new double[] {2, 2}, 2, 4, 1e-5, 1e-5),
                EmptyClasses.ZERO,
                new int[] {0, 2}, 0.6, Double.NaN, new int[] {2});
    }

    @Test
    void jsonHasExactlyTheIssuesKeysAndNullForUndefined() throws Exception {
        JsonNode o = new ObjectMapper().readTree(REPORTER.json(sample("c1")));
        List<String> caseKeys = new ArrayList<>(CASE_KEYS);
        caseKeys.add(5, "classes");
        assertEquals(caseKeys, names(o));
        assertEquals("c1", o.get("case").asText());
        assertEquals(1000, o.get("regionVoxels").asLong());
        assertTrue(o.get("ceMulticlass").isNull(), "NaN is written as null");
        assertEquals(1.25, o.get("expLog").asDouble());
        assertEquals("[0,2]", o.get("meanClasses").toString(), "the labels the mean covers, as a list");
        assertEquals("[2]", o.get("meanForegroundClasses").toString());
        assertEquals(0.6, o.get("meanSoftDiceForeground").asDouble());
        assertTrue(o.get("meanHardDiceForeground").isNull());
        assertEquals("zero", o.get("emptyClasses").asText());
        assertEquals(7, o.get("clampedValues").asLong());
        assertEquals(2, o.get("classes").size());
        for (JsonNode c : o.get("classes")) {
            assertEquals(CLASS_KEYS, names(c));
            assertTrue(c.get("diceOptimalMl").isNull(), "infinity is written as null too");
        }
        JsonNode c2 = o.get("classes").get(1);
        assertEquals(2, c2.get("label").asInt());
        assertEquals("tumour, \"core\"", c2.get("name").asText());
        assertTrue(c2.get("precision").isNull());
        assertEquals(100.5 + 16, c2.get("recall").asDouble());
        assertEquals(21, c2.get("tn").asLong());
        assertTrue(c2.get("tn").isIntegralNumber());
        assertTrue(c2.get("hardDiceEmpty").asBoolean() && c2.get("hardDiceEmpty").isBoolean());
        assertFalse(o.get("classes").get(0).get("hardDiceEmpty").asBoolean());
    }

    @Test
    void batchJsonIsAListOfCaseObjects() throws Exception {
        JsonNode a = new ObjectMapper().readTree(REPORTER.json(List.of(sample("a"), sample("b"))));
        assertTrue(a.isArray());
        assertEquals("b", a.get(1).get("case").asText());
    }

    @Test
    void csvHasOneRowPerCaseAndClassWithTheSameKeys() {
        String csv = REPORTER.csv(List.of(sample("a"), sample("b")));
        List<String> lines = csv.lines().toList();
        List<String> header = new ArrayList<>(CASE_KEYS);
        header.addAll(CLASS_KEYS);
        assertEquals(String.join(",", header), lines.get(0));
        assertEquals(5, lines.size());
        // case a, class 2: the name is quoted (comma and quotes), precision empty, NaN case value empty
        String row = lines.get(2);
        assertTrue(row.startsWith("a,0.001,1000,0.25,threshold,0.3,0.7,square,max,0.8,0.75,,1.25,0 2,0.6,,2,zero,7,2,"
                + "\"tumour, \"\"core\"\"\","), row);
        assertTrue(row.endsWith(",false,true"), "softDiceEmpty, hardDiceEmpty: " + row);
        assertTrue(row.contains(",114.5,,116.5,117.5,"), "hardJaccard, empty precision, recall, specificity: " + row);
    }

    /**
     * Reads the CSV with pandas ({@code pandas.read_csv(path)}, no options) when a python3 with pandas is installed
     * (Debian's python3-pandas), else with Python's csv module; skips when neither is there. Checks the shape, the
     * columns, that numeric columns parse as numbers and that undefined values come back as NaN.
     */
    @Test
    void pandasReadsTheCsvAsItIs(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.csv");
        Files.writeString(f, REPORTER.csv(List.of(sample("a"), sample("b"))));
        String py = ExternalPython.find("pandas");
        if (py != null) {
            String script = String.join("\n", "import sys, pandas as pd", "df = pd.read_csv(sys.argv[1])",
                    "print(df.shape[0], df.shape[1])", "print(','.join(df.columns))",
                    "print(int(df['precision'].isna().sum()), int(df['ceMulticlass'].isna().sum()))",
                    "print(df['name'].iloc[1])", "print(str(df['hardDice'].dtype), str(df['tp'].dtype))",
                    "print(repr(float(df['recall'].iloc[3])))");
            ExternalPython.Result r = ExternalPython.run(py, script, f);
            assertEquals(0, r.exit(), r.out());
            List<String> out = r.out().lines().toList();
            assertEquals("4 65", out.get(0));
            List<String> header = new ArrayList<>(CASE_KEYS);
            header.addAll(CLASS_KEYS);
            assertEquals(String.join(",", header), out.get(1));
            assertEquals("2 4", out.get(2), "precision NaN for class 2 of both cases; ceMulticlass NaN on every row");
            assertEquals("tumour, \"core\"", out.get(3));
            assertEquals("float64 int64", out.get(4));
            assertEquals("116.5", out.get(5));
            return;
        }
        py = ExternalPython.find("csv");
        assumeTrue(py != null, "no python3 on this machine: skipping the external CSV check");
        ExternalPython.Result r = ExternalPython.run(py, "import sys, csv\nrows = list(csv.DictReader(open(sys.argv[1])))\n"
                + "print(len(rows), len(rows[0]))\nprint(rows[1]['name'])\nprint(repr(rows[1]['precision']))", f);
        assertEquals(0, r.exit(), r.out());
        List<String> out = r.out().lines().toList();
        assertEquals("4 65", out.get(0));
        assertEquals("tumour, \"core\"", out.get(1));
        assertEquals("''", out.get(2));
    }

    private static List<String> names(JsonNode o) {
        List<String> n = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            n.add(it.next());
        }
        return n;
    }

    /** A section's keys follow the catalogue's, in JSON and CSV; a value it lacks is null / an empty field. */
    @Test
    void aSectionAddsCaseAndClassKeysAfterTheCatalogues() throws Exception {
        ReportSection extra = new ReportSection() {
            @Override
            public List<String> caseKeys() {
                return List.of("hausdorff95Mean");
            }

            @Override
            public List<String> classKeys() {
                return List.of("hausdorff95", "lesionsFound");
            }

            @Override
            public Object caseValue(CaseMetrics m, String key) {
                return m.caseName().equals("a") ? 2.5 : null;
            }

            @Override
            public Object classValue(CaseMetrics m, int channel, String key) {
                if (key.equals("hausdorff95")) {
                    return channel == 0 ? Double.NaN : 3.0 + channel;
                }
                return Long.valueOf(channel);
            }
        };
        Reporter r = Reporter.with(List.of(extra));
        JsonNode a = new ObjectMapper().readTree(r.json(List.of(sample("a"), sample("b"))));
        List<String> caseKeys = new ArrayList<>(CASE_KEYS);
        caseKeys.add(5, "classes");
        caseKeys.add("hausdorff95Mean");
        assertEquals(caseKeys, names(a.get(0)));
        assertEquals(2.5, a.get(0).get("hausdorff95Mean").asDouble());
        assertTrue(a.get(1).get("hausdorff95Mean").isNull());
        List<String> classKeys = new ArrayList<>(CLASS_KEYS);
        classKeys.addAll(List.of("hausdorff95", "lesionsFound"));
        assertEquals(classKeys, names(a.get(0).get("classes").get(1)));
        assertEquals(4.0, a.get(0).get("classes").get(1).get("hausdorff95").asDouble());
        assertTrue(a.get(0).get("classes").get(0).get("hausdorff95").isNull());

        List<String> lines = r.csv(List.of(sample("a"), sample("b"))).lines().toList();
        List<String> header = new ArrayList<>(CASE_KEYS);
        header.add("hausdorff95Mean");
        header.addAll(classKeys);
        assertEquals(String.join(",", header), lines.get(0));
        assertTrue(lines.get(2).endsWith(",false,true,4.0,1"), lines.get(2));
        assertTrue(lines.get(3).startsWith("b,"), lines.get(3));
        String[] b0 = lines.get(3).split(",", -1);
        assertEquals("", b0[CASE_KEYS.size()], "no value: an empty field");

        assertThrows(IllegalArgumentException.class, () -> Reporter.with(List.of(new ReportSection() {
            @Override
            public List<String> classKeys() {
                return List.of("hardDice");
            }
        })), "a key of the catalogue cannot be taken again");
    }
}
