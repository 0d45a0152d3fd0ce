package org.dicelens.lab;

/** A trained model: the foreground probability of every voxel of a case. */
public interface Predictor {

    /** p per voxel, in [0, 1], in the case's voxel order. */
    float[] predict(LabCase c);

    /** A one-line description of the trained parameters (for logs and reports). */
    String describe();
}
