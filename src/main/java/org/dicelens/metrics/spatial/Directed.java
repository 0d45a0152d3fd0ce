package org.dicelens.metrics.spatial;

/**
 * Distances from the border voxels of one mask to the border of the other, summarised: how many border voxels, the
 * largest distance, the 95th percentile (numpy's linear interpolation), the mean, and how many lie within the NSD
 * tolerance. Distances in mm.
 */
public record Directed(int borderVoxels, double max, double p95, double mean, int withinTolerance) {
    static Directed of(double[] d, double toleranceMm) {
        double max = 0;
        double sum = 0;
        int within = 0;
        for (double v : d) {
            max = Math.max(max, v);
            sum += v;
            if (v <= toleranceMm) {
                within++;
            }
        }
        double p95 = Percentile.of(d.clone(), 95);
        return new Directed(d.length, max, p95, sum / d.length, within);
    }

    double sum() {
        return mean * borderVoxels;
    }
}
