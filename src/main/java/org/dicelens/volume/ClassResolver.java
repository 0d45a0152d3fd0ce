package org.dicelens.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.dicelens.common.InputException;

/**
 * Decides the classes of a case (in channel order) and how reference values and prediction channels map to them.
 * <ul>
 * <li>With a class table: its entries, in its order, are the channels; when it has no label 0 but the data
 * hold 0, a background class is put first.</li>
 * <li>Without one: the sorted distinct reference values plus 0; when the prediction has more channels and every
 * value fits in 0..C-1, the labels become 0..C-1 (a class absent from the reference). BraTS 0/1/2/4 with 4
 * channels stays [0, 1, 2, 4]. A single channel against a reference of only 0 is the foreground class 1.</li>
 * <li>A prediction with one channel fewer than there are classes has its background derived: 1 - sum of the
 * others (a single foreground map is the binary case). Softmax logits need every channel.</li>
 * </ul>
 */
final class ClassResolver {
    /** More labels than this absent from the reference (and more than it has) mark an intensity image. */
    static final int MAX_EXTRA_LABELS = 16;

    /**
     * @param refCodeToChannel  channel of each reference code
     * @param predCodeToChannel channel of each hard-prediction code (null unless hard labels)
     * @param derivedBackground channel to compute as 1 - sum of the others, or -1
     * @param givenToChannel    class channel of each given prediction channel (null for hard labels)
     */
    record Result(ClassTable classes, byte[] refCodeToChannel, byte[] predCodeToChannel, int derivedBackground,
            int[] givenToChannel) {
    }

    // inputs, set by CaseLoader
    int[] refCodeLabels;
    long[] refCodeCounts;
    Path refFile;
    ClassTable table;
    Path tableFile;
    /** True when the classes are fixed already (masks): no extension, no background prepending. */
    boolean fixedClasses;
    PredictionKind kind;
    int givenChannels;
    String predictionDescription;
    Path predictionFile;
    int[] predCodeLabels;
    long[] predCodeCounts;

    /**
     * Classes for one mask per foreground class: background first, then one class per mask. With a table holding
     * label 0 its other entries name the masks in order; a table without 0 names exactly the masks.
     */
    static ClassTable forMasks(List<Path> masks, ClassTable table, Path tableFile) throws InputException {
        int k = masks.size();
        if (table == null) {
            int[] labels = new int[k + 1];
            for (int i = 0; i <= k; i++) {
                labels[i] = i;
            }
            return ClassTable.forLabels(labels);
        }
        boolean hasBackground = table.channelOf(0) >= 0;
        int foreground = hasBackground ? table.size() - 1 : table.size();
        if (foreground != k) {
            throw new InputException(tableFile, "classes", "the class table has " + foreground + " classes besides background but "
                    + k + " reference masks were given (" + names(masks) + "): give one mask per foreground class");
        }
        if (hasBackground) {
            return table;
        }
        List<ClassInfo> list = new ArrayList<>();
        list.add(new ClassInfo(0, "background", ClassTable.defaultColour(0)));
        list.addAll(table.all());
        return new ClassTable(list);
    }

    Result resolve() throws InputException {
        boolean hard = kind == PredictionKind.HARD_LABELS;
        ClassTable classes;
        if (fixedClasses) {
            classes = table;
        } else if (table != null) {
            classes = table;
            boolean dataHasZero = contains(refCodeLabels, 0) || hard && contains(predCodeLabels, 0);
            if (classes.channelOf(0) < 0 && dataHasZero) {
                List<ClassInfo> list = new ArrayList<>();
                list.add(new ClassInfo(0, "background", ClassTable.defaultColour(0)));
                list.addAll(table.all());
                classes = new ClassTable(list);
            }
        } else {
            TreeSet<Integer> labels = new TreeSet<>();
            labels.add(0);
            for (int v : refCodeLabels) {
                labels.add(v);
            }
            if (hard) {
                refuseIntensityImage();
                for (int v : predCodeLabels) {
                    labels.add(v);
                }
            } else if (givenChannels > labels.size() && labels.first() >= 0 && labels.last() <= givenChannels - 1) {
                labels.clear();
                for (int i = 0; i < givenChannels; i++) {
                    labels.add(i);
                }
            } else if (givenChannels == 1 && labels.size() == 1) {
                labels.add(1); // a foreground map against an empty reference (a healthy case): still a binary task
            }
            classes = ClassTable.forLabels(labels.stream().mapToInt(Integer::intValue).toArray());
        }
        if (classes.size() > CaseLoader.MAX_CLASSES) {
            throw new InputException(tableFile != null ? tableFile : refFile, "classes",
                    classes.size() + " classes: DiceLens handles at most " + CaseLoader.MAX_CLASSES);
        }
        byte[] refMap = codeToChannel(classes, refCodeLabels, refCodeCounts, refFile, "reference");
        if (hard) {
            byte[] predMap = codeToChannel(classes, predCodeLabels, predCodeCounts, predictionFile, "prediction");
            return new Result(classes, refMap, predMap, -1, null);
        }
        return channels(classes, refMap);
    }

    private Result channels(ClassTable classes, byte[] refMap) throws InputException {
        int c = classes.size();
        int n = givenChannels;
        int[] given = new int[n];
        if (n == c) {
            for (int j = 0; j < n; j++) {
                given[j] = j;
            }
            return new Result(classes, refMap, null, -1, given);
        }
        int bg = classes.backgroundChannel();
        if (n == c - 1 && bg >= 0 && kind != PredictionKind.LOGITS_SOFTMAX) {
            for (int j = 0; j < n; j++) {
                given[j] = j < bg ? j : j + 1;
            }
            return new Result(classes, refMap, null, bg, given);
        }
        StringBuilder why = new StringBuilder();
        why.append(n).append(" prediction channel").append(n == 1 ? "" : "s").append(" (").append(predictionDescription)
                .append(") but ").append(c).append(" classes (labels ").append(labels(classes)).append(", from ")
                .append(classSource()).append(")");
        if (kind == PredictionKind.LOGITS_SOFTMAX && n == c - 1) {
            why.append("; softmax logits need one channel per class, background included");
        } else {
            why.append("; expected ").append(c).append(" channels, or ").append(c - 1)
                    .append(" with the background derived as 1 - sum of the others");
        }
        throw new InputException(predictionFile, "channels", why.toString());
    }

    private String classSource() {
        if (tableFile != null) {
            return "class table " + tableFile;
        }
        return "reference " + refFile;
    }

    private byte[] codeToChannel(ClassTable classes, int[] codeLabels, long[] counts, Path file, String what)
            throws InputException {
        byte[] map = new byte[256];
        List<Integer> missing = new ArrayList<>();
        long missingVoxels = 0;
        for (int k = 0; k < codeLabels.length; k++) {
            int ch = classes.channelOf(codeLabels[k]);
            if (ch < 0) {
                if (counts == null || counts[k] > 0) {
                    missing.add(codeLabels[k]);
                    missingVoxels += counts == null ? 0 : counts[k];
                }
                continue;
            }
            map[k] = (byte) ch;
        }
        if (!missing.isEmpty()) {
            int[] m = missing.stream().mapToInt(Integer::intValue).toArray();
            throw new InputException(file, "labels", "the " + what + " holds label value" + (m.length == 1 ? " " : "s ")
                    + LabelCodes.list(m) + " (" + missingVoxels + " voxels) with no class in " + classSource() + " (labels "
                    + labels(classes) + ")");
        }
        return map;
    }

    static String labels(ClassTable classes) {
        int[] l = new int[classes.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = classes.get(i).label();
        }
        return LabelCodes.list(l);
    }

    private static boolean contains(int[] a, int v) {
        if (a == null) {
            return false;
        }
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static String names(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(p.getFileName() == null ? p : p.getFileName());
        }
        return sb.toString();
    }

    /**
     * A hard prediction whose labels the reference mostly lacks is an intensity image given as a prediction (a uint8
     * scan has ~250 "labels"): refused here, naming the prediction, before one-hot channels for each fill the heap.
     * A model that predicts a few classes absent from this case's reference is kept (their classes are added).
     */
    private void refuseIntensityImage() throws InputException {
        List<Integer> extra = new ArrayList<>();
        for (int v : predCodeLabels) {
            if (!contains(refCodeLabels, v)) {
                extra.add(v);
            }
        }
        if (extra.size() > MAX_EXTRA_LABELS && extra.size() > refCodeLabels.length) {
            throw new InputException(predictionFile, "values", "the prediction, read as a label map, holds "
                    + extra.size() + " labels that the reference does not (" + extra.subList(0, 5).stream()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ", …): it looks like "
                    + "an intensity image, not a segmentation; give the model's output (or --labels naming its classes)");
        }
    }
}
