package org.dicelens.volume;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes of a case in channel order: entry c describes prediction channel c and the reference
 * label value that channel predicts.
 */
public final class ClassTable {
    private static final int[] PALETTE = {0xFF000000, 0xFFE6194B, 0xFF3CB44B, 0xFF4363D8, 0xFFFFE119, 0xFFF58231,
        0xFF911EB4, 0xFF46F0F0, 0xFFF032E6, 0xFFBCF60C, 0xFFFABEBE, 0xFF008080};

    private final List<ClassInfo> classes;

    public ClassTable(List<ClassInfo> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Default names ("background" for label 0, else "class N") and palette colours for these labels. */
    public static ClassTable forLabels(int... labels) {
        List<ClassInfo> list = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            list.add(new ClassInfo(l, l == 0 ? "background" : "class " + l, defaultColour(l)));
        }
        return new ClassTable(list);
    }

    public static int defaultColour(int label) {
        return PALETTE[Math.floorMod(label, PALETTE.length)];
    }

    public int size() {
        return classes.size();
    }

    public ClassInfo get(int channel) {
        return classes.get(channel);
    }

    public List<ClassInfo> all() {
        return classes;
    }

    /** Channel index of a label value, or -1. */
    public int channelOf(int label) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).label() == label) {
                return i;
            }
        }
        return -1;
    }

    /** Channel of label 0 (the background), or -1 when no class has label 0. */
    public int backgroundChannel() {
        return channelOf(0);
    }
}
