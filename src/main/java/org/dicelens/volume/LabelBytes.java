package org.dicelens.volume;

/**
 * A one-channel 8-bit label volume as stored (int8 when {@code signed}, else uint8; x fastest) and its grid: what
 * {@link CaseLoader.VolumeReader#readLabelBytes} gives so a label map costs a byte per voxel, not a float.
 */
public record LabelBytes(byte[] data, boolean signed, Geometry grid) {
}
