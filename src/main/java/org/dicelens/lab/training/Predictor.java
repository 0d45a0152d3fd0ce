package org.dicelens.lab.training;

import org.dicelens.phantom.LabCase;
import org.dicelens.volume.Geometry;

/** A trained model: the foreground probability of every voxel of an image. */
public interface Predictor {

    /**
     * p per voxel, in [0, 1], in voxel order, for any image on any grid (features are in mm): the viewer can apply a
     * trained model to the case it has loaded.
     */
    float[] predict(Geometry g, float[] image);

    /** p for a lab case. */
    default float[] predict(LabCase c) {
        return predict(c.geometry(), c.image());
    }

    /** A one-line description of the trained parameters (for logs and reports). */
    String describe();
}
