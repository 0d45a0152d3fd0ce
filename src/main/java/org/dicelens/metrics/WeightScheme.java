package org.dicelens.metrics;

/** Generalised Dice class weights: square 1/R² (Sudre's default), simple 1/R, uniform 1, or user values. */
public enum WeightScheme {
    SQUARE, SIMPLE, UNIFORM, CUSTOM
}
