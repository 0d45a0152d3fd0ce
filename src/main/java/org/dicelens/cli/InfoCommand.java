package org.dicelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code info FILE [--json]}: a NIfTI file's header facts and its value statistics after scl_slope/scl_inter.
 * An unreadable file raises an InputException, which the root command prints as one line (exit 2); a .npz archive
 * is described by {@link NpzInfo}.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a NIfTI file's header facts and value statistics (after scl_slope/scl_inter), or a NumPy "
                + ".npz archive's arrays (dtype, shape, statistics).")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a .nii, .nii.gz, .hdr/.img (or gzipped) NIfTI-1/NIfTI-2 file, or a .npz archive")
    Path file;

    @Option(names = "--json", description = "print JSON with the keys format, byteOrder, datatype, dims, pixdim, voxelMl, "
            + "orientation, min, max, sum, mean, nonZero")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Statistics of every value of every channel; NaN values are left out of all of them. */
    static ValueStats stats(NiftiVolume v) {
        ValueStats.Builder b = new ValueStats.Builder();
        int n = v.voxelsPerChannel();
        for (int c = 0; c < v.channels(); c++) {
            Object a = v.channelArray(c);
            if (a instanceof float[] f) {
                for (int i = 0; i < n; i++) {
                    b.add(f[i]);
                }
            } else {
                double[] d = (double[]) a;
                for (int i = 0; i < n; i++) {
                    b.add(d[i]);
                }
            }
        }
        return b.build();
    }

    @Override
    public Integer call() throws org.dicelens.common.InputException {
        if (NpzInfo.isNpz(file)) {
            NpzInfo.print(file, json, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        }
        NiftiVolume v = NiftiReader.read(file);
        NiftiHeader h = v.header();
        Geometry g = Geometry.fromHeader(h);
        ValueStats s = stats(v);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(h, g, s));
        } else {
            text(out, h, g, s);
        }
        out.flush();
        return 0;
    }

    static String format(NiftiHeader h) {
        return "NIfTI-" + h.version;
    }

    static String byteOrder(NiftiHeader h) {
        return h.byteOrder == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian";
    }

    static String datatype(NiftiHeader h) {
        NiftiDatatype t = NiftiDatatype.of(h.datatype);
        return t == null ? "code " + h.datatype : t.name().toLowerCase(Locale.ROOT);
    }

    static List<Long> dims(NiftiHeader h) {
        List<Long> d = new ArrayList<>();
        for (int i = 1; i <= h.dim[0]; i++) {
            d.add(h.dim[i]);
        }
        return d;
    }

    static List<Double> pixdim(NiftiHeader h) {
        List<Double> d = new ArrayList<>();
        for (int i = 1; i <= h.dim[0]; i++) {
            d.add(h.pixdim[i]);
        }
        return d;
    }

    String json(NiftiHeader h, Geometry g, ValueStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format(h));
        m.put("byteOrder", byteOrder(h));
        m.put("datatype", datatype(h));
        m.put("dims", dims(h));
        m.put("pixdim", pixdim(h).stream().map(InfoCommand::finiteOrNull).toList());
        m.put("voxelMl", finiteOrNull(g.voxelMl()));
        m.put("orientation", g.orientation());
        m.put("min", finiteOrNull(s.count() == 0 ? Double.NaN : s.min()));
        m.put("max", finiteOrNull(s.count() == 0 ? Double.NaN : s.max()));
        m.put("sum", finiteOrNull(s.sum()));
        m.put("mean", finiteOrNull(s.mean()));
        m.put("nonZero", s.nonZero());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a map of strings, numbers and lists always serialises
        }
    }

    /** JSON has no NaN or infinity: such values are written as null. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private void text(PrintWriter out, NiftiHeader h, Geometry g, ValueStats s) {
        row(out, "file", file.toString());
        row(out, "format", format(h) + (h.singleFile ? ", single file" : ", header/image pair") + " (magic \"" + h.magic + "\")");
        row(out, "byte order", byteOrder(h));
        row(out, "datatype", datatype(h) + " (code " + h.datatype + ", " + h.bitpix + " bits)");
        row(out, "dims", join(dims(h).stream().map(String::valueOf).toList(), " x ")
                + (h.channels() > 1 ? "  (" + h.channels() + " volumes)" : ""));
        row(out, "pixdim", join(pixdim(h).stream().map(InfoCommand::num).toList(), " x ") + "  (qfac " + num(h.pixdim[0]) + ")");
        row(out, "units", units(h.xyzt_units));
        row(out, "qform", "code " + h.qform_code + " (" + xformName(h.qform_code) + ")");
        matrix(out, h.qformMatrix());
        row(out, "sform", "code " + h.sform_code + " (" + xformName(h.sform_code) + ")");
        matrix(out, h.sformMatrix());
        row(out, "scaling", "scl_slope " + num(h.scl_slope) + ", scl_inter " + num(h.scl_inter)
                + (h.hasScaling() ? "" : "  (none applied)"));
        row(out, "voxel volume", num(g.voxelMl()) + " mL  (affine from " + h.affineSource() + ")");
        row(out, "orientation", g.orientation());
        long total = s.count() + s.nan();
        row(out, "values", total + (h.hasScaling() ? " (after scaling)" : ""));
        row(out, "min", s.count() == 0 ? "-" : num(s.min()));
        row(out, "max", s.count() == 0 ? "-" : num(s.max()));
        row(out, "sum", num(s.sum()));
        row(out, "mean", num(s.mean()));
        row(out, "non-zero", s.nonZero() + " of " + total);
        if (s.nan() > 0) {
            row(out, "NaN", s.nan() + " values (left out of the statistics above)");
        }
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf(Locale.ROOT, "%-13s %s%n", key, value);
    }

    private static void matrix(PrintWriter out, double[] m) {
        for (int r = 0; r < 3; r++) {
            out.printf(Locale.ROOT, "%-13s [%12.6g %12.6g %12.6g %12.6g ]%n", "", m[4 * r], m[4 * r + 1], m[4 * r + 2],
                    m[4 * r + 3]);
        }
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) { // 2.20000 -> 2.2
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    private static String join(List<String> parts, String sep) {
        return String.join(sep, parts);
    }

    static String units(int xyzt) {
        String space = switch (xyzt & 0x07) {
            case 1 -> "m";
            case 2 -> "mm";
            case 3 -> "um";
            default -> "unknown (read as mm)";
        };
        String time = switch (xyzt & 0x38) {
            case 8 -> ", s";
            case 16 -> ", ms";
            case 24 -> ", us";
            case 32 -> ", Hz";
            case 40 -> ", ppm";
            case 48 -> ", rad/s";
            default -> "";
        };
        return space + time + "  (xyzt_units " + xyzt + ")";
    }

    static String xformName(int code) {
        return switch (code) {
            case 0 -> "unknown";
            case 1 -> "scanner_anat";
            case 2 -> "aligned_anat";
            case 3 -> "talairach";
            case 4 -> "mni_152";
            case 5 -> "template_other";
            default -> "not a nifti1.h code";
        };
    }
}
