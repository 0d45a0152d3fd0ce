package org.dicelens.npz;

/**
 * A numeric NumPy array read as floats, split along its first axis: {@code slabs[a0]} holds the elements
 * {@code [a0, ...]} in C order (last axis fastest), whatever order the file stored them in. A 0-d array is one
 * slab of one value. Integers above 2^24 and float64 values are rounded to float.
 *
 * @param name  the array's name (the archive entry without ".npy", or the file name)
 * @param descr the dtype as the file wrote it, e.g. {@code <f4}
 * @param shape the shape as the file declared it
 * @param fortranOrder whether the file stored the elements in Fortran order (first axis fastest)
 */
public record NpyArray(String name, String descr, long[] shape, boolean fortranOrder, float[][] slabs) {
    public int ndim() {
        return shape.length;
    }

    /** The shape as Python prints it, e.g. {@code (5, 40, 30, 20)}. */
    public String shapeText() {
        return NpyHeader.text(shape);
    }
}
