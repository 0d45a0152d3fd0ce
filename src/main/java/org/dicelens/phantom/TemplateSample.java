package org.dicelens.phantom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dicelens.common.AtomicFiles;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.volume.NiftiHeaders;

/**
 * Writes a {@link TemplateBrain} case as the phantom's files ({@link PhantomWriter}), adds to {@code phantom.json}
 * where the maps came from (folder name, block size, crop), and bundles the template's licence notice
 * ({@code LICENSE}, which permissive templates such as ICBM 2009a require in every copy) with a {@code SOURCE}
 * line. Only derived, resampled data is written; the template's own files are never copied.
 */
public final class TemplateSample {
    /** File names copied verbatim from the template folder when present (notices, not data). */
    static final List<String> NOTICES = List.of("LICENSE");

    private TemplateSample() {
    }

    /** What was written: the phantom's files and the notices; the maps it was built on (for other cases of them). */
    public record Written(Phantom phantom, PhantomWriter.Written files, List<Path> notices, TemplateMaps maps) {
    }

    public static Written write(Path templateDir, int factor, PhantomSpec spec, Path out,
            Collection<PhantomPrediction> kinds) throws InputException {
        if (!Files.isRegularFile(templateDir.resolve("LICENSE"))) {
            throw new InputException(templateDir, "LICENSE", "no licence notice beside the template: a derived sample "
                    + "must carry it, so add the template's LICENSE file first");
        }
        TemplateMaps maps = TemplateMaps.read(templateDir, factor);
        Phantom p = TemplateBrain.generate(maps, spec);
        List<PhantomPrediction> exact = new ArrayList<>(kinds);
        boolean overconfident = exact.remove(PhantomPrediction.OVERCONFIDENT);
        PhantomWriter.Written w = PhantomWriter.write(p, out, exact);
        if (overconfident) {
            w.predictions().put(PhantomPrediction.OVERCONFIDENT, writeRounded(p, out, PhantomPrediction.OVERCONFIDENT));
        }
        describe(w.description(), templateDir, maps);
        List<Path> notices = new ArrayList<>();
        for (String name : NOTICES) {
            Path from = templateDir.resolve(name);
            if (Files.isRegularFile(from)) {
                Path to = out.resolve(name);
                try {
                    AtomicFiles.writeString(to, Files.readString(from));
                } catch (IOException e) {
                    throw new InputException(to, null, "cannot copy " + from.getFileName() + ": " + e.getMessage(), e);
                }
                notices.add(to);
            }
        }
        Path source = out.resolve("SOURCE"); // no extension: a case folder's .txt files are read as class tables
        String text = "Derived from the tissue template in '" + templateDir.getFileName() + "' (T1, grey- and white-matter "
                + "probability maps; licence notice in LICENSE beside this file): cropped to the head, block-averaged over "
                + factor + "x" + factor + "x" + factor + " voxels, with synthetic white-matter lesions, sampled raters and "
                + "predictions made by DiceLens (phantom --from-template). No original template file is included.\n";
        try {
            AtomicFiles.writeString(source, text);
        } catch (IOException e) {
            throw new InputException(source, null, "cannot write: " + e.getMessage(), e);
        }
        notices.add(source);
        return new Written(p, w, notices, maps);
    }

    /**
     * A prediction whose values are smooth functions of q (p ∝ q^k) with its mantissas rounded to the lab's
     * {@link ProbabilityRounding#MANTISSA_BITS} bits (relative error ≤ 2⁻¹², unbiased): the noisy low bits would double
     * the file. q itself (the calibrated prediction) is written exactly.
     */
    private static Path writeRounded(Phantom p, Path out, PhantomPrediction kind) throws InputException {
        float[][] v = p.prediction(kind);
        for (float[] channel : v) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = ProbabilityRounding.round(channel[i]);
            }
        }
        Path f = out.resolve("prediction_" + kind.fileTag() + ".nii.gz");
        NiftiWriter.write(f, NiftiHeaders.of(p.geometry(), v.length, "DiceLens phantom prediction " + kind.fileTag()
                + " seed " + p.spec().seed()), NiftiDatatype.FLOAT32, (Object[]) v);
        return f;
    }

    /** Adds a "template" object to the phantom's description (folder name, block, crop origin in source voxels). */
    private static void describe(Path json, Path templateDir, TemplateMaps maps) throws InputException {
        try {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = (ObjectNode) m.readTree(json.toFile());
            ObjectNode t = m.createObjectNode();
            t.put("folder", templateDir.getFileName().toString());
            t.put("blockVoxels", maps.factor());
            ArrayNode origin = t.putArray("cropOriginVoxel");
            for (int o : maps.origin()) {
                origin.add(o);
            }
            t.put("rounding", "tissue maps rounded to multiples of 1/2048");
            root.set("template", t);
            AtomicFiles.writeString(json, m.writeValueAsString(root) + "\n");
        } catch (IOException | ClassCastException e) {
            throw new InputException(json, null, "cannot add the template's description: " + e.getMessage(), e);
        }
    }
}
