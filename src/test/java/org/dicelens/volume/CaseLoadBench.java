package org.dicelens.volume;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dicelens.common.Progress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What CaseLoader adds on top of reading the files, for a 256^3 case with 4 classes in float32 (268 MB of
 * probabilities): label compaction and mapping, the NaN/range scan, clamping, derived background or softmax,
 * and the sum check. Volumes come from memory, so file decoding is not counted (docs/perf/volume.md).
 * Run: java -cp target/test-classes:target/classes:$(cat cp.txt) (cp.txt from mvn dependency:build-classpath -Dmdep.outputFile=cp.txt) org.openjdk.jmh.Main CaseLoadBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class CaseLoadBench {
    /** FOUR_CHANNELS: a 4D softmax; THREE_FILES: 3 channels + derived background; SOFTMAX: 4D logits. */
    @Param({"FOUR_CHANNELS", "THREE_FILES", "SOFTMAX"})
    public String layout;

    private Vols.MapReader reader;
    private CaseSpec spec;
    private float[][] probabilities;

    @Setup(Level.Trial)
    public void setUp() {
        int n = 256;
        Geometry g = Geometry.ofSpacing(n, n, n, 1, 1, 1);
        int voxels = g.voxelCount();
        SplittableRandom rnd = new SplittableRandom(1);
        float[] labels = new float[voxels];
        float[][] p = new float[4][voxels];
        for (int i = 0; i < voxels; i++) {
            int l = rnd.nextInt(10) < 7 ? 0 : 1 + rnd.nextInt(3);
            labels[i] = l == 3 ? 4 : l; // BraTS-like values 0/1/2/4
            float a = (float) rnd.nextDouble(0.5, 0.9);
            for (int k = 0; k < 4; k++) {
                p[k][i] = k == l ? a : (1 - a) / 3;
            }
        }
        probabilities = p;
        Path ref = Path.of("ref.nii");
        reader = new Vols.MapReader().put(Vols.vol(ref, g, (Object) labels));
        switch (layout) {
            case "THREE_FILES" -> {
                Path[] files = {Path.of("p1.nii"), Path.of("p2.nii"), Path.of("p3.nii")};
                for (int k = 0; k < 3; k++) {
                    reader.put(Vols.vol(files[k], g, (Object) p[k + 1]));
                }
                spec = CaseSpec.of(ref, files);
            }
            case "SOFTMAX" -> {
                reader.put(Vols.vol(Path.of("logits.nii"), g, (Object[]) p));
                spec = CaseSpec.of(ref, Path.of("logits.nii")).withPredictionKind(PredictionKind.LOGITS_SOFTMAX);
            }
            default -> {
                reader.put(Vols.vol(Path.of("softmax.nii"), g, (Object[]) p));
                spec = CaseSpec.of(ref, Path.of("softmax.nii"));
            }
        }
    }

    @Benchmark
    public Case load() throws Exception {
        return CaseLoader.load(spec, Progress.NONE, reader);
    }

    /** Baseline on the same machine and moment: one sequential sum over the 268 MB of probabilities. */
    @Benchmark
    public double onePass() {
        double s = 0;
        for (float[] ch : probabilities) {
            for (float v : ch) {
                s += v;
            }
        }
        return s;
    }
}
