package org.dicelens.volume;

/** One segmentation class: its label value in the reference, a display name and an opaque ARGB colour. */
public record ClassInfo(int label, String name, int argb) {
}
