/**
 * NumPy {@code .npy} arrays and {@code .npz} archives (a zip of {@code .npy} files), read without Python and without
 * ever unpickling anything: numeric dtypes only, every declared size checked against the real data before memory is
 * allocated. JDK and {@code common} only.
 */
package org.dicelens.npz;
