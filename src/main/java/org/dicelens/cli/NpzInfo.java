package org.dicelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicelens.common.InputException;
import org.dicelens.npz.NpyArray;
import org.dicelens.npz.NpzReader;

/**
 * {@code info CASE.npz}: each array of a NumPy archive (nnU-Net's {@code probabilities} or {@code softmax}) with its
 * dtype, shape and value statistics. Arrays are read by the npz reader under its memory cap and never unpickled, so a
 * hostile archive is one error line like any bad input.
 */
final class NpzInfo {
    private NpzInfo() {
    }

    static boolean isNpz(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz");
    }

    /** Statistics over every value; NaN left out (as for NIfTI). */
    static ValueStats stats(NpyArray a) {
        ValueStats.Builder b = new ValueStats.Builder();
        for (float[] slab : a.slabs()) {
            for (float x : slab) {
                b.add(x);
            }
        }
        return b.build();
    }

    /** Prints nothing unless every array reads (a failure is one error line, as for any bad input). */
    static void print(Path file, boolean json, PrintWriter target) throws InputException {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(text);
        Map<String, Object> arrays = new LinkedHashMap<>();
        List<String> keys = NpzReader.keys(file);
        if (!json) {
            out.printf(Locale.ROOT, "%-13s %s%n", "file", file);
            out.printf(Locale.ROOT, "%-13s %s%n", "format", "NumPy .npz, " + keys.size() + " array(s)");
        }
        for (String key : keys) {
            NpyArray a = NpzReader.read(file, key, null);
            ValueStats s = stats(a);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("descr", a.descr());
                m.put("shape", a.shape());
                m.put("fortranOrder", a.fortranOrder());
                m.put("min", s.count() == 0 || !Double.isFinite(s.min()) ? null : s.min());
                m.put("max", s.count() == 0 || !Double.isFinite(s.max()) ? null : s.max());
                m.put("sum", Double.isFinite(s.sum()) ? s.sum() : null);
                m.put("nonZero", s.nonZero());
                m.put("nan", s.nan());
                arrays.put(key, m);
            } else {
                out.printf(Locale.ROOT, "%-13s %s%n", "array", key + ": " + a.descr() + " " + a.shapeText()
                        + (a.fortranOrder() ? ", Fortran order" : ", C order"));
                out.printf(Locale.ROOT, "%-13s min %s, max %s, sum %s, non-zero %d of %d%s%n", "", s.count() == 0 ? "-"
                        : fmt(s.min()), s.count() == 0 ? "-" : fmt(s.max()), fmt(s.sum()), s.nonZero(), s.count() + s.nan(),
                        s.nan() > 0 ? ", NaN " + s.nan() : "");
            }
        }
        out.flush();
        target.print(text);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", "npz");
            m.put("arrays", arrays);
            try {
                target.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e); // strings, numbers and arrays always serialise
            }
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
