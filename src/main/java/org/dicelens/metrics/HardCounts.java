package org.dicelens.metrics;

/** Hard true positives and predicted voxels of one class under the settings' {@link HardRule}, from the statistics. */
final class HardCounts {
    private HardCounts() {
    }

    /** {TP, TP + FP} of class c inside level lv. */
    static long[] of(CaseStatistics st, Settings s, int c, int lv) {
        if (s.mode() == HardMode.THRESHOLD) {
            int k = s.thresholdSteps()[c];
            return HardRule.thresholdCounts(st.count(c, lv, 1, k), st.count(c, lv, 0, k));
        }
        HardRule.ArgmaxCounts n = new HardRule.ArgmaxCounts() {
            @Override
            public long all(int a, int k) {
                return st.argmaxAll(a, lv, k);
            }

            @Override
            public long ref(int a, int k) {
                return st.argmaxRef(a, lv, k);
            }

            @Override
            public long bg(int a, int k) {
                return st.argmaxBg(a, lv, k);
            }
        };
        return HardRule.argmaxCounts(n, c, st.classCount(), st.backgroundChannel(), s.confidenceFloorStep());
    }
}
