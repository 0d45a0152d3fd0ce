/**
 * The on-demand tier for metrics that need voxel neighbourhoods (borders, surface distances, lesion components):
 * computed only when asked, off the UI thread, cancellable, cached by their inputs, each with its own result record
 * and report section. {@code Engine.evaluate} stays instant because nothing here runs in it.
 */
package org.dicelens.metrics.voxel;
