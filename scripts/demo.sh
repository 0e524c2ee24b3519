#!/usr/bin/env bash
# The main job end to end on a fresh machine: build zonecost, simulate the `edge` cluster (with
# traffic to and from nodes and a managed database in a known subnet) ending
# now, backfill it into a real Prometheus on a free loopback port, print `zonecost report` over
# it, compare with the simulator's exact answer, then stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/install.sh
source scripts/lib/prometheus.sh
source scripts/lib/expected.sh
install_prerequisites curl jq

echo "== building zonecost" >&2
mvn -B -ntp -q -Dstyle.color=never package -DskipTests >&2
jar=target/zonecost.jar
dir=${ZONECOST_DEMO_DIR:-$(mktemp -d /tmp/zonecost-demo.XXXXXX)}
mkdir -p "$dir"

end=$(( $(date +%s) / 60 * 60 ))
start=$(( end - 2 * 3600 ))
echo "== simulating the edge cluster (2 h ending $(date -u -d "@$end" +%FT%TZ)) into $dir" >&2
java -jar "$jar" simulate --scenario edge --host-traffic --hours 2 --end "$end" --out-dir "$dir"

echo "== backfilling it with promtool" >&2
rm -rf "$dir/data"
promtool tsdb create-blocks-from openmetrics --max-block-duration=24h -q "$dir/cluster.om" "$dir/data" >/dev/null

trap prom_stop EXIT
prom_start "$dir/data"

echo "== zonecost report --start $start --end $end --subnets $dir/subnets.yaml" >&2
java -jar "$jar" report --prometheus-url "$PROM_URL" --start "$start" --end "$end" \
  --subnets "$dir/subnets.yaml"
java -jar "$jar" report --prometheus-url "$PROM_URL" --start "$start" --end "$end" \
  --subnets "$dir/subnets.yaml" \
  -o json --output-file "$dir/report.json" 2>/dev/null

echo "== the report against the simulator's expected answer" >&2
compare_with_expected "$dir/report.json" "$dir/expected.json" >&2 ||
  { echo "zonecost demo: the report does not match the expected answer" >&2; exit 1; }
prom_stop
echo "== stopped Prometheus; the data, expected.json and report.json are in $dir" >&2
