package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.RealData;
import org.dicelens.common.InputException;
import org.dicelens.volume.ClassTableReader.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassTableReaderTest {
    @TempDir
    Path dir;

    /** The header ITK-SNAP writes, with three labels. */
    static final String ITK = """
            ################################################
            # ITK-SnAP Label Description File
            # File format:
            # IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL
            # Fields:
            #    IDX:   Zero-based index
            #    -R-:   Red color component (0..255)
            #    -G-:   Green color component (0..255)
            #    -B-:   Blue color component (0..255)
            #    -A-:   Label transparency (0.00 .. 1.00)
            #    VIS:   Label visibility (0 or 1)
            #    IDX:   Label mesh visibility (0 or 1)
            #  LABEL:   Label description
            ################################################
                0     0    0    0        0  0  0    "Clear Label"
                1   255    0    0        1  1  1    "Necrotic core"
                2     0  255    0      0.5  1  0    "Oedema"
                4    10   20  255        1  1  1    "Enhancing tumour"
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private InputException fails(String name, String text) throws IOException {
        Path p = write(name, text);
        InputException e = assertThrows(InputException.class, () -> ClassTableReader.read(p));
        assertEquals(p, e.file());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        return e;
    }

    @Test
    void readsAnItkSnapLabelFileInFileOrder() throws Exception {
        ClassTable t = ClassTableReader.read(write("labels.txt", ITK));
        assertEquals(4, t.size());
        assertEquals(new ClassInfo(0, "Clear Label", 0xFF000000), t.get(0));
        assertEquals(new ClassInfo(1, "Necrotic core", 0xFFFF0000), t.get(1));
        assertEquals(new ClassInfo(2, "Oedema", 0xFF00FF00), t.get(2));
        assertEquals(new ClassInfo(4, "Enhancing tumour", 0xFF0A14FF), t.get(3));
        assertEquals(3, t.channelOf(4));
        assertEquals(0, t.backgroundChannel());
    }

    @Test
    void itkSnapNamesMayBeUnquotedOrMissing() throws Exception {
        ClassTable t = ClassTableReader.read(write("l.label", "0 0 0 0 0 0 0\n7 1 2 3 1 1 1 grey matter\n"));
        assertEquals("background", t.get(0).name());
        assertEquals(new ClassInfo(7, "grey matter", 0xFF010203), t.get(1));
    }

    @Test
    void itkSnapErrorsNameTheLineAndTheField() throws Exception {
        InputException e = fails("a.txt", "# c\n1 255 0 0 1 1 1 \"a\"\n2 300 0 0 1 1 1 \"b\"\n");
        assertEquals("line 3", e.field());
        assertTrue(e.getMessage().contains("-R- 300 is outside 0..255"), e.getMessage());

        e = fails("b.txt", "1 255 0 0 1 1 1 \"a\"\n\n2 0 0 \"b\"\n");
        assertEquals("line 3", e.field());
        assertTrue(e.getMessage().contains("found 3 fields"), e.getMessage());

        e = fails("c.txt", "x 0 0 0 1 1 1 \"a\"\n");
        assertTrue(e.getMessage().contains("IDX \"x\" is not an integer"), e.getMessage());

        e = fails("d.txt", "1 0 0 0 1.5 1 1 \"a\"\n");
        assertTrue(e.getMessage().contains("-A- (transparency) 1.5 is outside 0..1"), e.getMessage());

        e = fails("e.txt", "1 0 0 0 1 2 1 \"a\"\n");
        assertTrue(e.getMessage().contains("VIS 2 is outside 0..1"), e.getMessage());

        e = fails("f.txt", "1 0 0 0 1 1 1 \"a\n");
        assertTrue(e.getMessage().contains("no closing quote"), e.getMessage());

        e = fails("g.txt", "1 0 0 0 1 1 1 \"a\"\n5 0 0 0 1 1 1 \"b\"\n1 9 9 9 1 1 1 \"c\"\n");
        assertEquals("line 3", e.field());
        assertTrue(e.getMessage().contains("label 1 appears twice (first on line 1)"), e.getMessage());

        e = fails("h.txt", "# only comments\n\n");
        assertTrue(e.getMessage().endsWith("no classes found (the class table is empty)"), e.getMessage());
    }

    @Test
    void readsJsonWithOptionalNameAndColourForms() throws Exception {
        Path p = write("classes.json", """
                [
                  {"label": 0, "name": "background"},
                  {"label": 1, "name": "tumour", "color": "#ff0000"},
                  {"label": 3, "colour": "#0f0"},
                  {"label": 2, "name": "cyst", "color": [0, 128, 255], "extra": true}
                ]
                """);
        ClassTable t = ClassTableReader.read(p);
        assertEquals(4, t.size());
        assertEquals(new ClassInfo(0, "background", ClassTable.defaultColour(0)), t.get(0));
        assertEquals(new ClassInfo(1, "tumour", 0xFFFF0000), t.get(1));
        assertEquals(new ClassInfo(3, "class 3", 0xFF00FF00), t.get(2));
        assertEquals(new ClassInfo(2, "cyst", 0xFF0080FF), t.get(3));
    }

    @Test
    void jsonErrorsNameTheLine() throws Exception {
        InputException e = fails("a.json", "[\n {\"label\": 1},\n {\"name\": \"x\"}\n]");
        assertEquals("line 3", e.field());
        assertTrue(e.getMessage().contains("entry has no \"label\""), e.getMessage());

        e = fails("b.json", "[\n {\"label\": 1.5}\n]");
        assertTrue(e.getMessage().contains("\"label\" 1.5 is not an integer"), e.getMessage());

        e = fails("c.json", "[\n {\"label\": 1,\n  \"name\": \"x\"\n");
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        e = fails("d.json", "[\n {\"label\": 1 \"name\": \"x\"}\n]");
        assertEquals("line 2", e.field());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        e = fails("e.json", "{\"label\": 1}");
        assertTrue(e.getMessage().contains("expected a JSON array"), e.getMessage());

        e = fails("f.json", "[{\"label\": 1, \"color\": \"red\"}]");
        assertTrue(e.getMessage().contains("colour \"red\" is not #rrggbb or #rgb"), e.getMessage());

        e = fails("g.json", "[{\"label\": 1, \"color\": [0, 300, 0]}]");
        assertTrue(e.getMessage().contains("must be [r, g, b] with integers 0..255"), e.getMessage());

        e = fails("h.json", "[\n{\"label\": 2},\n{\"label\": 2}\n]");
        assertEquals("line 3", e.field());
        assertTrue(e.getMessage().contains("label 2 appears twice (first on line 2)"), e.getMessage());

        e = fails("i.json", "[]");
        assertTrue(e.getMessage().contains("no classes found"), e.getMessage());

        e = fails("j.json", "[{\"label\": 1}] x");
        assertTrue(e.getMessage().contains("JSON"), e.getMessage());
    }

    @Test
    void readsCsvWithAndWithoutHeader() throws Exception {
        ClassTable t = ClassTableReader.read(write("c.csv", "label,name,color\n0,background,#000000\n1,\"tumour, core\","
                + "#FF8000\n# a comment\n\n2,\"the \"\"edge\"\"\",\n"));
        assertEquals(3, t.size());
        assertEquals(new ClassInfo(1, "tumour, core", 0xFFFF8000), t.get(1));
        assertEquals(new ClassInfo(2, "the \"edge\"", ClassTable.defaultColour(2)), t.get(2));

        ClassTable u = ClassTableReader.read(write("d.csv", "3,grey\n1\n"));
        assertEquals(new ClassInfo(3, "grey", ClassTable.defaultColour(3)), u.get(0));
        assertEquals(new ClassInfo(1, "class 1", ClassTable.defaultColour(1)), u.get(1));

        // header columns in any order, extra columns ignored
        ClassTable v = ClassTableReader.read(write("e.csv", "name,volume,colour,value\nwm,12.5,#00f,2\n"));
        assertEquals(new ClassInfo(2, "wm", 0xFF0000FF), v.get(0));
    }

    @Test
    void csvErrorsNameTheLine() throws Exception {
        InputException e = fails("a.csv", "label,name,color\n1,a,#ff0000\n2,b,blue\n");
        assertEquals("line 3", e.field());
        assertTrue(e.getMessage().contains("colour \"blue\" is not #rrggbb or #rgb"), e.getMessage());

        e = fails("b.csv", "1,a\nx2,b\n");
        assertEquals("line 2", e.field());
        assertTrue(e.getMessage().contains("label \"x2\" is not an integer"), e.getMessage());

        e = fails("c.csv", "1,a,#fff,extra\n");
        assertTrue(e.getMessage().contains("expected label,name,color; found 4 fields"), e.getMessage());

        e = fails("d.csv", "name,colour\nx,#fff\n");
        assertTrue(e.getMessage().contains("has no \"label\" column"), e.getMessage());

        e = fails("e.csv", "1,\"open\n");
        assertTrue(e.getMessage().contains("unterminated quote"), e.getMessage());

        e = fails("f.csv", "1,a\n1,b\n");
        assertTrue(e.getMessage().contains("label 1 appears twice"), e.getMessage());
    }

    @Test
    void detectsTheFormByExtensionThenContent() throws Exception {
        assertEquals(Format.JSON, ClassTableReader.detect(Path.of("x.json"), "0,a"));
        assertEquals(Format.CSV, ClassTableReader.detect(Path.of("x.CSV"), "[]"));
        assertEquals(Format.JSON, ClassTableReader.detect(Path.of("x.txt"), "  \n[{\"label\":1}]"));
        assertEquals(Format.ITK_SNAP, ClassTableReader.detect(Path.of("x.txt"), ITK));
        assertEquals(Format.CSV, ClassTableReader.detect(Path.of("x.txt"), "# c\nlabel,name\n1,a\n"));
        assertEquals(Format.ITK_SNAP, ClassTableReader.detect(Path.of("x"), "1 a b"));
        // and the content decides when reading a file without a telling extension
        assertEquals("a", ClassTableReader.read(write("t.txt", "label,name\n1,a\n")).get(0).name());
        assertEquals("b", ClassTableReader.read(write("t2.txt", "[{\"label\":1,\"name\":\"b\"}]")).get(0).name());
        assertEquals(Format.ITK_SNAP, ClassTableReader.detect(null, ITK));
    }

    @Test
    void anExplicitFormatOverridesDetection() throws Exception {
        Path p = write("x.json", "1 255 0 0 1 1 1 \"a\"\n");
        assertThrows(InputException.class, () -> ClassTableReader.read(p));
        assertEquals("a", ClassTableReader.read(p, Format.ITK_SNAP).get(0).name());
    }

    @Test
    void anSctLabelListIsNotAClassTable() throws Exception {
        // SCT's info_label.txt is "ID, name, file": read as CSV, its third column is no colour (first data line: 4)
        Path p = RealData.file("sct_spinalcord/mt/label/template/info_label.txt");
        InputException e = assertThrows(InputException.class, () -> ClassTableReader.read(p));
        assertEquals("line 4", e.field());
        assertTrue(e.getMessage().contains("colour \" PAM50_t1.nii.gz\" is not #rrggbb or #rgb"), e.getMessage());
    }

    @Test
    void nonTextMissingAndHugeFilesAreRefused() throws Exception {
        Path bin = dir.resolve("labels.nii");
        Files.write(bin, new byte[] {0x5c, 0x01, 0, 0, 0x03, 0});
        InputException e = assertThrows(InputException.class, () -> ClassTableReader.read(bin));
        assertTrue(e.getMessage().contains("is a binary file"), e.getMessage());

        Path missing = dir.resolve("nope.txt");
        e = assertThrows(InputException.class, () -> ClassTableReader.read(missing));
        assertEquals(missing + ": file not found", e.getMessage());

        e = assertThrows(InputException.class, () -> ClassTableReader.read(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());

        Path huge = dir.resolve("huge.txt");
        Files.write(huge, new byte[(int) ClassTableReader.MAX_BYTES + 1]);
        e = assertThrows(InputException.class, () -> ClassTableReader.read(huge));
        assertTrue(e.getMessage().contains("too big for a class table"), e.getMessage());
    }

    @Test
    void latin1NamesAndAByteOrderMarkAreRead() throws Exception {
        Path p = dir.resolve("latin.txt");
        Files.write(p, "3 1 2 3 1 1 1 \"Cervelet gris \u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Cervelet gris \u00e9", ClassTableReader.read(p).get(0).name());
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, "\uFEFFlabel,name\n1,x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(new ClassInfo(1, "x", ClassTable.defaultColour(1)), ClassTableReader.read(bom).get(0));
    }
}
