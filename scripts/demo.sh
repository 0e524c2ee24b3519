#!/usr/bin/env bash
# The main job end to end on a fresh machine: build zonecost, simulate the `edge` cluster ending
# now, backfill it into a real Prometheus on a free loopback port, print `zonecost report` over
# it, compare with the simulator's exact answer, then stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/install.sh
install_prerequisites

echo "== building zonecost" >&2
mvn -B -ntp -q -Dstyle.color=never package -DskipTests >&2
jar=target/zonecost.jar
dir=${ZONECOST_DEMO_DIR:-$(mktemp -d /tmp/zonecost-demo.XXXXXX)}
mkdir -p "$dir"

end=$(( $(date +%s) / 60 * 60 ))
start=$(( end - 2 * 3600 ))
echo "== simulating the edge cluster (2 h ending $(date -u -d "@$end" +%FT%TZ)) into $dir" >&2
java -jar "$jar" simulate --scenario edge --hours 2 --end "$end" --out-dir "$dir"

echo "== backfilling it with promtool" >&2
rm -rf "$dir/data"
promtool tsdb create-blocks-from openmetrics --max-block-duration=24h -q "$dir/cluster.om" "$dir/data" >/dev/null

port=19090
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
printf 'global:\n  scrape_interval: 1m\n' > "$dir/prometheus.yml"
prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
  --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$port" \
  > "$dir/prometheus.log" 2>&1 &
prom_pid=$!
trap 'kill "$prom_pid" 2>/dev/null; wait "$prom_pid" 2>/dev/null || true' EXIT
echo "== Prometheus on http://127.0.0.1:$port (pid $prom_pid)" >&2
ready() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /-/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  local status
  read -r _ status _ <&3
  exec 3<&-
  [ "$status" = 200 ]
}
for i in $(seq 1 300); do
  if ready 2>/dev/null; then break; fi
  kill -0 "$prom_pid" 2>/dev/null || { cat "$dir/prometheus.log" >&2; exit 1; }
  [ "$i" -lt 300 ] || { echo "zonecost demo: Prometheus not ready after 60 s" >&2; exit 1; }
  sleep 0.2
done

echo "== zonecost report --start $start --end $end" >&2
java -jar "$jar" report --prometheus-url "http://127.0.0.1:$port" --start "$start" --end "$end"
java -jar "$jar" report --prometheus-url "http://127.0.0.1:$port" --start "$start" --end "$end" \
  -o json --output-file "$dir/report.json" 2>/dev/null

got=$(grep -o '"cross-zone" : [0-9]*' "$dir/report.json" | head -1 | grep -o '[0-9]*$')
want=$(grep -o '"cross-zone" : [0-9]*' "$dir/expected.json" | head -1 | grep -o '[0-9]*$')
echo "== cross-zone bytes: report $got, simulator's expected answer $want" >&2
if [ "$got" != "$want" ]; then
  echo "zonecost demo: the report does not match the expected answer" >&2
  exit 1
fi
echo "== stopped Prometheus; the data, expected.json and report.json are in $dir" >&2
