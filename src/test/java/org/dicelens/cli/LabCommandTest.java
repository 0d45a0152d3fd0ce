package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The lab command on a tiny configuration: Markdown on stdout, three CSV files, options reaching the config. */
class LabCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = DiceLensCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new String[] {Integer.toString(rc), out.toString(), err.toString()};
    }

    @Test
    void writesMarkdownAndCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sub/lab.csv");
        String[] r = run("lab", "--dims", "24x24x12", "--lesions", "2", "--radius", "3", "--width", "4", "--train", "1",
                "--test", "2", "--iterations", "5", "--losses", "ce,dice", "--theory-widths", "0,2", "--seed", "4",
                "--no-progress", "--out", csv.toString());
        assertEquals("0", r[0], r[2]);
        String md = r[1];
        assertTrue(md.startsWith("Volume bias on 2 held-out cases (synthetic lesions: 24x24x12 voxels of 1x1x2 mm; 2 lesions"
                + " of radius 3 mm, linear uncertain band 4 mm wide;"), md);
        assertTrue(md.contains("seed 4."), md);
        assertTrue(md.contains("| cross-entropy | logistic regression |"), md);
        assertTrue(md.contains("| soft Dice | logistic regression |"), md);
        assertTrue(md.contains("| 2 | "), "theory row for width 2: " + md);
        assertTrue(!md.contains("Added differentiated op"), "ND4J's stray println stays off stdout");

        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size(), "header, q, Dice-optimal, ce, dice");
        assertTrue(rows.get(0).startsWith("prediction,model,cases,delta_soft_ref_ml_mean,"));
        int columns = rows.get(0).split(",").length;
        for (String row : rows) {
            assertEquals(columns, row.split(",", -1).length, row);
        }
        assertTrue(rows.get(3).startsWith("cross-entropy,logistic regression,2,"));
        List<String> theory = Files.readAllLines(dir.resolve("sub/lab-theory.csv"));
        assertEquals(3, theory.size());
        assertTrue(theory.get(1).startsWith("0.0,2,0.0,"), theory.get(1));
        List<String> curves = Files.readAllLines(dir.resolve("sub/lab-curves.csv"));
        assertEquals("iteration,ce,dice", curves.get(0));
        assertEquals(7, curves.size(), "header and 5 + 1 loss values");
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        String[] r = run("lab", "--losses", "ce,hinge");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown loss 'hinge'"), r[2]);
        r = run("lab", "--dims", "24x24");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--dims needs three sizes"), r[2]);
        r = run("lab", "--dims", "8x8x8", "--lesions", "3", "--no-progress");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("does not fit"), r[2]);
    }

    @Test
    void siblingNames() {
        assertEquals(Path.of("a/b-theory.csv"), LabCommand.sibling(Path.of("a/b.csv"), "-theory"));
        assertEquals(Path.of("b-x"), LabCommand.sibling(Path.of("b"), "-x"));
    }
}
