package org.dicelens.app.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Case;

/**
 * K raters × the foreground classes of binary masks (a non-zero voxel is marked), named as {@link RaterMaskNames}
 * reads them: the i-th class number is the i-th foreground channel, and each rater needs a mask for every class. A
 * rater's background is what it marks for no foreground class; masks of one rater may overlap (each class is judged
 * one against the rest).
 */
final class RaterMasks {
    private RaterMasks() {
    }

    static RaterFiles.Read read(List<Path> files, Case c, Progress progress) throws InputException {
        TreeMap<Integer, TreeMap<Integer, Path>> byRater = new TreeMap<>();
        TreeMap<Integer, Boolean> classNumbers = new TreeMap<>();
        for (Path f : files) {
            RaterMaskNames.Parsed p = RaterMaskNames.parse(f);
            Path twice = byRater.computeIfAbsent(p.raterNumber(), k -> new TreeMap<>()).put(p.classNumber(), f);
            if (twice != null) {
                throw new InputException(f, "name", "rater " + p.raterNumber() + " class " + p.classNumber()
                        + " is also " + twice.getFileName());
            }
            classNumbers.put(p.classNumber(), true);
        }
        int bg = c.classes().backgroundChannel();
        List<Integer> foreground = new ArrayList<>();
        for (int ch = 0; ch < c.classCount(); ch++) {
            if (ch != bg) {
                foreground.add(ch);
            }
        }
        if (classNumbers.size() != foreground.size()) {
            throw new InputException(files.get(0), "name", "the masks name " + classNumbers.size() + " classes "
                    + classNumbers.keySet() + "; the case has " + foreground.size() + " foreground classes");
        }
        RaterFiles.checkCount(byRater.size());
        int k = byRater.size();
        int n = c.voxelCount();
        byte[][][] masks = new byte[c.classCount()][k][];
        List<byte[]> labels = new ArrayList<>();
        int r = 0;
        for (Map.Entry<Integer, TreeMap<Integer, Path>> rater : byRater.entrySet()) {
            if (rater.getValue().size() != classNumbers.size()) {
                throw new InputException(rater.getValue().firstEntry().getValue(), "name", "rater " + rater.getKey()
                        + " has masks of classes " + rater.getValue().keySet() + ", not of every class "
                        + classNumbers.keySet());
            }
            progress.checkCancelled();
            progress.update(r / (double) k, "reading rater " + (r + 1) + " of " + k);
            byte[] label = new byte[n];
            java.util.Arrays.fill(label, (byte) (bg >= 0 ? bg : 0xFF));
            byte[] none = new byte[n]; // 1 where this rater marks no foreground class
            java.util.Arrays.fill(none, (byte) 1);
            int j = 0;
            for (Path f : rater.getValue().values()) {
                int ch = foreground.get(j++);
                byte[] m = mask(f, c);
                masks[ch][r] = m;
                for (int i = 0; i < n; i++) {
                    if (m[i] != 0) {
                        none[i] = 0;
                        if (label[i] == (byte) (bg >= 0 ? bg : 0xFF)) {
                            label[i] = (byte) ch; // the first foreground class the rater marks
                        }
                    }
                }
            }
            if (bg >= 0) {
                masks[bg][r] = none;
            }
            labels.add(label);
            r++;
        }
        return new RaterFiles.Read(RaterReference.ofClassMasks(masks), labels);
    }

    private static byte[] mask(Path file, Case c) throws InputException {
        NiftiVolume v = RaterFiles.oneVolume(file, c, "a rater's mask");
        int n = c.voxelCount();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            double x = v.get(0, i);
            if (Double.isNaN(x)) {
                throw new InputException(file, "voxel " + i, "a mask holds numbers, not NaN");
            }
            out[i] = x != 0 ? (byte) 1 : 0;
        }
        return out;
    }
}
