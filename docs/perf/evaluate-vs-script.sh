#!/bin/sh
# Whole-process timings, interleaved: evaluate (one or more jars) vs the nibabel+numpy script (docs/perf/user_dice.py),
# then batch evaluate with --jobs 1 and --jobs 2. Usage (see docs/perf/evaluate.md for making the inputs):
#   docs/perf/evaluate-vs-script.sh ROUNDS REF.nii PRED.nii BATCH_REF_DIR BATCH_PRED_DIR JAR_OR_LAUNCHER...
# (an argument not ending in .jar is run as a launcher, e.g. the app image's bin/dicelens; an empty BATCH_REF_DIR skips
# the batch runs; GZ=file.nii.gz in the environment adds the `gzip -dc` floor on that file to each round; FLOOR=1 adds
# the script's numbers computed by a bare JVM program, ScriptFloorBench, plain and with --ce: run `mvn test-compile` first)
# Prints one line per run: label, wall s, user s, sys s, and the 1-minute load average before the run.
rounds=$1; ref=$2; pred=$3; bref=$4; bpred=$5; shift 5
script=$(dirname "$0")/user_dice.py
t() { label=$1; shift; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -o /tmp/evs-time -f "$label %e %U %S load=$load" "$@" >/dev/null 2>>/tmp/evs-stderr.txt || echo "$label failed"
  cat /tmp/evs-time; }
for r in $(seq "$rounds"); do
  for jar in "$@"; do
    case $jar in *.jar) run="java -jar $jar";; *) run=$jar;; esac
    t "evaluate:$(basename "$jar")" $run evaluate --reference "$ref" --prediction "$pred" -q --out "/tmp/evs-out-$(basename "$jar").json"
  done
  if [ -n "${GZ:-}" ]; then t "gzip-dc" gzip -dc "$GZ"; fi
  if [ -n "${FLOOR:-}" ]; then
    floor="java -cp $(dirname "$0")/../../target/test-classes org.dicelens.metrics.bench.ScriptFloorBench"
    t "floor" $floor "$ref" "$pred"
    t "floor+ce" $floor "$ref" "$pred" --ce
  fi
  t "script" /usr/bin/python3 "$script" "$ref" "$pred"
  t "script+ce" /usr/bin/python3 "$script" "$ref" "$pred" --ce
  if [ -n "$bref" ]; then
    for jar in "$@"; do for j in 1 2; do
      t "batch-jobs$j:$(basename "$jar")" java -jar "$jar" evaluate --reference-dir "$bref" --prediction-dir "$bpred" --jobs $j -q --out /tmp/evs-batch.json
    done; done
  fi
done 2>&1
