#!/bin/bash
# Issue 20's figures side by side in one run (docs/PERFORMANCE.md, "Seventh session"), from the repository root after
#   mvn -P package-app -DskipTests package && mvn -q -o -B test-compile   (the first also writes target/dicelens.args)
# Inputs (never committed; /tmp):
#   /tmp/ph/{ref.nii,pred.nii,prediction_calibrated.nii.gz}  256³ × 4 phantom (recipe in docs/perf/evaluate.md)
#   (FLOOR=1 adds ScriptFloorBench, the script's numbers from a bare JVM program: docs/perf/evaluate.md, "Fifth session")
#   /tmp/base.jar    the jar of a8dc5aa (when the issue was filed)
#   /tmp/b128/{ref,pred}/caseNN.nii.gz   20 copies of `phantom --size 128,128,128 --spacing 1,1,1 --predictions calibrated`
#   /tmp/bbig/{ref,pred}/caseNN.nii.gz   20 copies of a 240×240×155×5 case from CohortLoadBench (docs/perf/load.md)
#   /tmp/hB/{A,B}/{reference,prediction}.nii.gz   two such cases (docs/perf/load.md)
# Needs a display (Xvfb :99) for the viewer benches.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd); cd "$root"
IMG=$PWD/target/dist/DiceLens/bin/dicelens
# the README's route: `java @target/dicelens.args` from the repository's folder (the build's argument file and archive)
ARGS=/tmp/dicelens-args
printf '#!/bin/sh\ncd %s && exec java @target/dicelens.args "$@"\n' "$root" > $ARGS; chmod +x $ARGS
cp target/dicelens.jar /tmp/new.jar
rm -f /tmp/new.jsa; java -Xshare:dump -XX:SharedClassListFile=src/package/dicelens.classlist -XX:SharedArchiveFile=/tmp/new.jsa -cp /tmp/new.jar >/dev/null 2>&1
echo "### evaluate vs script $(date -u +%H:%M) load $(cut -d' ' -f1 /proc/loadavg)"
FLOOR=1 GZ=/tmp/ph/prediction_calibrated.nii.gz docs/perf/evaluate-vs-script.sh 5 /tmp/ph/ref.nii /tmp/ph/pred.nii "" "" /tmp/base.jar /tmp/new.jar $IMG $ARGS
md5sum /tmp/evs-out-*.json
echo "### startup $(date -u +%H:%M)"
rm -f /tmp/bench.jar; jar cf /tmp/bench.jar -C target/test-classes org/dicelens/ui/bench
# the README's route (target/dicelens.args: C1, huge pages, the jar's archive; -Xshare:on fails loudly on a mismatch),
# which are also the app image's options, and the plain jar; rounds interleaved
for r in 1 2 3; do
  for opts in "-Xshare:on $(grep -v -e '^-jar' -e 'dicelens.jar' target/dicelens.args | tr '\n' ' ')" ""; do
    echo "== startup r$r [$opts]"
    DISPLAY=:99 java -Dbench.maxload=2 -Dbench.maxwait=30 -Dbench.cli=false -Dbench.cp=target/dicelens.jar:/tmp/bench.jar "-Dbench.childopts=$opts" -cp target/dicelens.jar:/tmp/bench.jar 'org.dicelens.ui.bench.StartupBench$Launcher' 3 2>&1 | grep -E "^run|window shown|case loaded|first metrics|CPU time of the whole"
  done
done
echo "### latency vs floor $(date -u +%H:%M)"
mkdir -p /tmp/lat2; cd /tmp/lat2
for r in 1 2 3; do
  DISPLAY=:99 timeout 200 java -Djavafx.animation.pulse=120 -XX:TieredStopAtLevel=1 -cp /tmp/new.jar:/tmp/bench.jar 'org.dicelens.ui.bench.FloorBench$Launcher' 2>&1 | tail -1
  DISPLAY=:99 timeout 300 java -Xmx8g -XX:+UseTransparentHugePages -XX:TieredStopAtLevel=1 -cp /tmp/new.jar:/tmp/bench.jar 'org.dicelens.ui.bench.UiLatencyBench$Launcher' 256 120 2>&1 | grep -E "load average|on screen|next scene pulse"
done
cd "$root"
echo "### batch $(date -u +%H:%M)"
for d in b128 bbig; do for r in 1 2; do for cpus in 0 0,1; do
  /usr/bin/time -f "batch $d cpus=$cpus %e s wall %U user %S sys load=$(cut -d' ' -f1 /proc/loadavg)" taskset -c $cpus $IMG evaluate --reference-dir /tmp/$d/ref --prediction-dir /tmp/$d/pred -q --out /tmp/bb-$d.json 2>&1 | grep wall
done; done; done
echo "### viewer load (.nii.gz 240x240x155x5) $(date -u +%H:%M)"
(cd target/test-classes && jar cf /tmp/lb.jar org/dicelens/ui/bench/ViewerLoadBench*.class)
docs/perf/load-bench.sh 5 /tmp/hB/A /tmp/hB/B /tmp/lb.jar base=/tmp/base.jar new=/tmp/new.jar "newopts=/tmp/new.jar@-XX:TieredStopAtLevel=1,-XX:+UseTransparentHugePages,-XX:SharedArchiveFile=/tmp/new.jsa"
echo "### done $(date -u +%H:%M)"
