package org.dicelens.lab.training;

import java.util.List;
import java.util.Map;
import org.dicelens.phantom.LabCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model the {@link Trainer} can fit: it declares its variables in a SameDiff graph (initial values from a fixed
 * seed), maps a list of cases to the graph's placeholders, and gives the foreground logit of every voxel of those
 * cases as one vector of shape [N], cases one after the other in voxel order. After training it becomes a
 * {@link Predictor}.
 */
public interface TrainableModel {

    String name();

    DataType dataType();

    /** Declares the variables and placeholders; returns the logits, shape [N]. */
    SDVariable logits(SameDiff sd);

    /** Names of the trainable variables. */
    List<String> parameters();

    /** Placeholder values for these cases (not including the reference). */
    Map<String, INDArray> inputs(List<LabCase> cases);

    /** A predictor holding a copy of the trained variables of {@code sd}. */
    Predictor trained(SameDiff sd);
}
