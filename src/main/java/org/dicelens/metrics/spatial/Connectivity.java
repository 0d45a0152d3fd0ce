package org.dicelens.metrics.spatial;

/** Which neighbours join two foreground voxels into one connected component (lesion). */
public enum Connectivity {
    /** Face neighbours only. */
    SIX(6),
    /** Faces and edges. */
    EIGHTEEN(18),
    /** Faces, edges and corners (the default, as scipy.ndimage.label with a full structure and Metrics Reloaded). */
    TWENTY_SIX(26);

    private final int neighbours;

    Connectivity(int neighbours) {
        this.neighbours = neighbours;
    }

    public int neighbours() {
        return neighbours;
    }

    /** The connectivity with that many neighbours (6, 18 or 26). */
    public static Connectivity of(int neighbours) {
        for (Connectivity c : values()) {
            if (c.neighbours == neighbours) {
                return c;
            }
        }
        throw new IllegalArgumentException("connectivity must be 6, 18 or 26, not " + neighbours);
    }
}
