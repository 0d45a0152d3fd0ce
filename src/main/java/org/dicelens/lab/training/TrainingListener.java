package org.dicelens.lab.training;

/** Hears each training iteration's loss value: a live loss curve. Called on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = (loss, model, iteration, of, value) -> {
    };

    /**
     * @param iteration 0-based
     * @param of        the number of iterations of this run
     * @param value     the loss on the training set before this iteration's update
     */
    void onIteration(LabLoss loss, String model, int iteration, int of, double value);
}
