#!/usr/bin/env bash
# The main job end to end on a fresh machine: build zonecost, simulate the `edge` cluster (with
# traffic to and from nodes and a managed database in a known subnet) ending
# now, backfill it into a real Prometheus on a loopback port, print `zonecost report` over
# it, compare with the simulator's exact answer, then stop the server (or keep it running).
#
#   scripts/demo.sh [--port N] [--keep] [--dir DIR]
#   scripts/demo.sh --reopen DIR [--port N]
#
# --port N      Prometheus listens on 127.0.0.1:N (default: a free port in 19090..19989)
# --keep        leave Prometheus running at the end and print `export PROMETHEUS_URL=...`, so
#               `zonecost doctor` and `zonecost report` can be tried on it
# --dir DIR     where the data goes (default: a new /tmp/zonecost-demo.XXXXXX; ZONECOST_DEMO_DIR)
# --reopen DIR  start Prometheus again on the data an earlier run left in DIR and keep it running
#               (nothing is built or simulated); its window is the one that run printed
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }
port=
keep=false
reopen=
dir=${ZONECOST_DEMO_DIR:-}
while [ $# -gt 0 ]; do
  case $1 in
    --port) port=${2:-}; shift 2 || { echo "demo.sh: --port needs a number" >&2; exit 2; } ;;
    --keep) keep=true; shift ;;
    --dir) dir=${2:-}; shift 2 || { echo "demo.sh: --dir needs a directory" >&2; exit 2; } ;;
    --reopen) reopen=${2:-}; shift 2 || { echo "demo.sh: --reopen needs the demo's directory" >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    *) echo "demo.sh: unknown argument $1 (see scripts/demo.sh --help)" >&2; exit 2 ;;
  esac
done
if [ -n "$port" ] && ! [[ $port =~ ^[0-9]+$ && $port -ge 1 && $port -le 65535 ]]; then
  echo "demo.sh: --port wants a port number 1..65535, not '$port'" >&2
  exit 2
fi
export PROM_FIXED_PORT=$port

source scripts/lib/install.sh
source scripts/lib/prometheus.sh
source scripts/lib/expected.sh

# What --keep and --reopen print: the URL to export, how to stop, how to come back later.
kept() {
  echo "== Prometheus keeps running on the demo's data (pid $PROM_PID, log $PROM_LOG). Try:" >&2
  echo "export PROMETHEUS_URL=$PROM_URL"
  local window=
  [ ! -f "$1/window" ] || read -r window <"$1/window"
  echo "== then: scripts/zonecost doctor${window:+ $window}; scripts/zonecost report${window:+ $window} --subnets $1/subnets.yaml" >&2
  echo "== stop it with: kill $PROM_PID" >&2
  echo "== reopen the saved data later with: scripts/demo.sh --reopen $1${port:+ --port $port}" >&2
}

if [ -n "$reopen" ]; then
  [ -d "$reopen/data" ] || { echo "demo.sh: $reopen/data is not there: run scripts/demo.sh --keep first" >&2; exit 2; }
  install_prerequisites curl
  reopen=$(cd "$reopen" && pwd)
  prom_start "$reopen/data"
  kept "$reopen"
  exit 0
fi

install_prerequisites curl jq

echo "== building zonecost" >&2
# jansi.noreset: Maven 3.8 writes colour resets (ESC[0m) even with style.color=never.
MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" \
  mvn -B -ntp -q -Dstyle.color=never package -DskipTests \
  -Dzonecost.commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)" >&2
jar=target/zonecost.jar
dir=${dir:-$(mktemp -d /tmp/zonecost-demo.XXXXXX)}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

end=$(( $(date +%s) / 60 * 60 ))
start=$(( end - 2 * 3600 ))
echo "== simulating the edge cluster (2 h ending $(date -u -d "@$end" +%FT%TZ)) into $dir" >&2
java -jar "$jar" simulate --scenario edge --host-traffic --hours 2 --end "$end" --out-dir "$dir"

echo "--start $start --end $end" >"$dir/window"

echo "== backfilling it with promtool" >&2
rm -rf "$dir/data"
promtool tsdb create-blocks-from openmetrics --max-block-duration=24h -q "$dir/cluster.om" "$dir/data" >/dev/null

$keep || trap prom_stop EXIT
prom_start "$dir/data"

echo "== zonecost report --start $start --end $end --subnets $dir/subnets.yaml" >&2
java -jar "$jar" report --prometheus-url "$PROM_URL" --start "$start" --end "$end" \
  --subnets "$dir/subnets.yaml"
java -jar "$jar" report --prometheus-url "$PROM_URL" --start "$start" --end "$end" \
  --subnets "$dir/subnets.yaml" \
  -o json --output-file "$dir/report.json" 2>/dev/null

echo "== the report against the simulator's expected answer" >&2
compare_with_expected "$dir/report.json" "$dir/expected.json" >&2 || {
  echo "zonecost demo: the report does not match the expected answer" >&2
  prom_stop
  exit 1
}
if $keep; then
  kept "$dir"
  echo "== the data, expected.json and report.json are in $dir" >&2
else
  prom_stop
  echo "== stopped Prometheus; the data, expected.json and report.json are in $dir" >&2
  echo "== reopen it with: scripts/demo.sh --reopen $dir (or run scripts/demo.sh --keep)" >&2
fi
