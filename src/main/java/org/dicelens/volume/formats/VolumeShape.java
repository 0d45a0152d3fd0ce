package org.dicelens.volume.formats;

/** A file's voxel grid size and channel count, known from its header alone (no voxel data read). */
public record VolumeShape(int nx, int ny, int nz, long channels) {
}
