#!/bin/bash
# Cohort loading bench (docs/perf/cohort.md). Run from the repository root after
#   mvn -q -o -B package -DskipTests test-compile
# and  java -cp target/test-classes:target/classes:target/dicelens.jar org.dicelens.cli.CohortLoadBench generate DIR 100
#
#   cohort-bench.sh rounds R DIR OUT   R interleaved rounds of cohort --jobs 2, --jobs 1, each case alone; -Xmx1g
#   cohort-bench.sh minheap LO HI ARGS smallest -Xmx (MB, 8 MB step) at which `java -XmxN ARGS` exits 0
set -u
CP=target/test-classes:target/classes:target/dicelens.jar
case "$1" in
rounds)
  R=$2; D=$3; O=$4; mkdir -p "$O"
  for r in $(seq 1 "$R"); do
    for mode in j2 j1 single; do
      la0=$(cut -d' ' -f1 /proc/loadavg)
      if [ $mode = single ]; then
        /usr/bin/time -f "%e %U %S %M" -o "$O/$mode-$r.time" java -Xmx1g -Xlog:gc:file="$O/gc-$mode-$r.log" -cp $CP \
          org.dicelens.cli.CohortLoadBench single "$D" > "$O/$mode-$r.out" 2> "$O/$mode-$r.err"
      else
        /usr/bin/time -f "%e %U %S %M" -o "$O/$mode-$r.time" java -Xmx1g -Xlog:gc:file="$O/gc-$mode-$r.log" \
          -jar target/dicelens.jar cohort --reference-dir "$D/labels" --prediction-dir "$D/preds" --jobs "${mode#j}" \
          --format csv --out "$O/$mode-$r.csv" > "$O/$mode-$r.out" 2> "$O/$mode-$r.err"
      fi
      # wall s, user s, sys s, max RSS kB; load average before -> after
      echo "$mode round $r: $(tail -1 "$O/$mode-$r.time") load $la0 -> $(cut -d' ' -f1 /proc/loadavg)" >> "$O/summary.txt"
    done
  done ;;
minheap)
  lo=$2; hi=$3; shift 3
  while [ $((hi - lo)) -gt 8 ]; do
    mid=$(((lo + hi) / 2))
    if java -Xmx${mid}m "$@" > /dev/null 2>&1; then hi=$mid; else lo=$mid; fi
  done
  echo "smallest -Xmx between $lo and $hi MB" ;;
*) echo "usage: $0 rounds R DIR OUT | minheap LO HI JAVA-ARGS..." >&2; exit 2 ;;
esac
