#!/bin/sh
# The viewer's load of a 240x240x155x5 .nii.gz case, old jar vs new (docs/perf/load.md). Interleaved rounds:
# each configuration in turn, then gzip -dc of the same prediction. One line per run:
#   <label> <load1> cold loaded <ms> metrics <ms> cpu-loaded <ms> cpu-metrics <ms> | warm ... | time <wall> <user> <sys>
# usage: load-bench.sh ROUNDS CASE_A CASE_B BENCH_JAR LABEL=JAR[@JVM options] ...
rounds=$1; a=$2; b=$3; bench=$4; shift 4
for r in $(seq "$rounds"); do
  for spec in "$@"; do
    label=${spec%%=*}; rest=${spec#*=}; jar=${rest%%@*}; opts=""
    [ "$rest" != "$jar" ] && opts=$(echo "${rest#*@}" | tr ',' ' ')
    load=$(cut -d' ' -f1 /proc/loadavg)
    out=$( { /usr/bin/time -f 'time %e %U %S' java $opts -cp "$jar:$bench" org.dicelens.ui.bench.ViewerLoadBench "$a" "$b"; } 2>&1 | grep -v '^jvm' | tr '\n' ' ')
    echo "$label $load $out"
  done
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "gzip $load $( { /usr/bin/time -f 'time %e %U %S' sh -c "gzip -dc $a/prediction.nii.gz > /dev/null"; } 2>&1 | tr '\n' ' ')"
done
