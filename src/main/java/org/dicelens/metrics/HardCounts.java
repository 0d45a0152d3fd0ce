package org.dicelens.metrics;

/** Hard true positives and predicted voxels of one class under the settings' hard segmentation, from the statistics. */
final class HardCounts {
    private HardCounts() {
    }

    /** {TP, TP + FP} of class c inside level lv. */
    static long[] of(CaseStatistics st, Settings s, int c, int lv) {
        if (s.mode() == HardMode.THRESHOLD) {
            int k = s.thresholdSteps()[c];
            long tp = st.count(c, lv, 1, k);
            return new long[] {tp, tp + st.count(c, lv, 0, k)};
        }
        int k = s.confidenceFloorStep();
        int bg = st.backgroundChannel();
        if (c != bg) {
            // argmax is c and max p ≥ floor
            return new long[] {st.argmaxRef(c, lv, k), st.argmaxAll(c, lv, k)};
        }
        // background: its own argmax voxels, plus every other voxel whose max p is below the floor
        long pred = st.argmaxAll(bg, lv, 0);
        long tp = st.argmaxBg(bg, lv, 0);
        for (int a = 0; a < st.classCount(); a++) {
            if (a != bg) {
                pred += st.argmaxAll(a, lv, 0) - st.argmaxAll(a, lv, k);
                tp += st.argmaxBg(a, lv, 0) - st.argmaxBg(a, lv, k);
            }
        }
        return new long[] {tp, pred};
    }
}
