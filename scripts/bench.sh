#!/usr/bin/env bash
# Benchmark (issue 8): zonecost against the PromQL it sends, the field write-up's query and the
# read-once floor, on the simulator's `large` cluster backfilled into a local Prometheus.
#
#   A  zonecost report -o json over the window, end to end (JVM start included): wall, peak RSS
#   B  every request A sent (Prometheus' query log of the warm-up run), posted with curl at
#      zonecost's parallelism (6): the server's share of A
#   B1 the same requests one at a time, each after the previous answer (issue 30's target: A ≤ 1.15 × B1)
#   C  the field write-up's query, as Grafana runs it: query_range at a 1 m step
#   C* the same query with its namespace and workload selectors removed (every pair, as A reports)
#   D  zonecost --version: start-up alone
#   E  one instant increase(...[window]) summed by pod pair: the price of reading the data once
#   L  (BENCH_ONLY=lookbehind) the look-behind's cost: A's instant queries one after another (server time), against the
#      same set in the form before the look-behind (5-minute lookback, no agents query)
#
# Then one untimed run of A with --timings (its table: each request's server time, wait, read and
# bytes, the report's own work, rendering), accuracy of A against the simulator's expected.json,
# and A's peak RSS per window length.
# Prints numbers; asserts nothing about time. Loopback only; Prometheus is stopped on exit.
#
# Profiles (BENCH_PROFILE, opt-in; the default run is 24 h of `large` at scale 1): the window is the
# whole simulated span, the data is simulated and backfilled in time slices (simulate
# --samples-from/--samples-to, one promtool block per slice, each slice's file deleted before the
# next: disk and promtool's memory stay bounded by one slice; expected.json computed once), and C,
# C*, L and the memory table are skipped. Prometheus gets --storage.tsdb.max-block-duration=2h so it
# does not compact the slices' blocks while the benchmark runs.
#   scale4  24 h of `large --scale 4` (~6,000 pods, ~52k Retina series), 6 h slices
#   week    7 days of `large`, 18 h slices
#   month   30 days of `large --scale 0.25`, 54 h slices
#   month1  30 days of `large` at scale 1 (~17k series, ~470 M samples), 18 h slices; about
#           40 minutes of both cores to make, 6 GB of promtool memory per slice
#   week4   7 days of `large --scale 4` (~68k series, ~470 M samples), 6 h slices; about an hour
#           of both cores to make, 8 GB of promtool memory per slice
#
# Environment (defaults in brackets):
#   BENCH_PROFILE []                 scale4, week, month, month1 or week4 (above); overrides
#                                    BENCH_SCALE
#   BENCH_DIR [/tmp/zonecost-bench]  work dir; datasets are reused when made with the same args
#   BENCH_REPS [3]                   repetitions per measurement; the median is printed
#   BENCH_CSTAR_REPS [1]             repetitions of C* (about 3 minutes each on 2 cores)
#   BENCH_SCALE [1]                  simulate --scale
#   BENCH_SEED [42]                  simulate --seed
#   BENCH_END [2026-11-01T00:00:00Z] the data's last sample; fixed so reruns reuse the dataset
#   BENCH_HOURS ["6 24"]             window lengths for the memory table; a length above 24 needs
#                                    a second, longer simulation (72 adds ~15 min on 2 cores)
#   BENCH_JAVA_OPTS []               JVM flags for A and D instead of the launcher's defaults
#                                    (A and D run scripts/zonecost, as users do)
#   BENCH_KEEP_OM [0]                1 keeps the OpenMetrics file after backfilling (GBs)
#   FIELD_QUERY_FILE [../shared/field-writeup-query.promql, relative to the repository]
#   BENCH_ONLY []                    lookbehind: only A and L (skips B, C, C*, D, E and memory);
#                                    prepare: only make (or find) the dataset, measure nothing
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
source scripts/lib/install.sh

source scripts/lib/bench-common.sh
source scripts/lib/expected.sh

BENCH_DIR=${BENCH_DIR:-/tmp/zonecost-bench}
BENCH_REPS=${BENCH_REPS:-3}
BENCH_CSTAR_REPS=${BENCH_CSTAR_REPS:-1}
BENCH_SCALE=${BENCH_SCALE:-1}
BENCH_SEED=${BENCH_SEED:-42}
BENCH_END=${BENCH_END:-2026-11-01T00:00:00Z}
BENCH_HOURS=${BENCH_HOURS:-6 24}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
BENCH_KEEP_OM=${BENCH_KEEP_OM:-0}
BENCH_ONLY=${BENCH_ONLY:-}
[[ -z $BENCH_ONLY || $BENCH_ONLY == lookbehind || $BENCH_ONLY == prepare ]] ||
  die "BENCH_ONLY must be empty, lookbehind or prepare"
FIELD_QUERY_FILE=${FIELD_QUERY_FILE:-$repo/../shared/field-writeup-query.promql}
BENCH_PROFILE=${BENCH_PROFILE:-}
MAIN_HOURS=24
# The slice length of a profile's backfill: one of promtool's block durations (2, 6, 18, 54, 162 h).
PART_HOURS=
prom_flags=()
case $BENCH_PROFILE in
  "") ;;
  scale4) BENCH_SCALE=4 PART_HOURS=6 ;;
  week) BENCH_SCALE=1 MAIN_HOURS=168 PART_HOURS=18 ;;
  month) BENCH_SCALE=0.25 MAIN_HOURS=720 PART_HOURS=54 ;;
  month1) BENCH_SCALE=1 MAIN_HOURS=720 PART_HOURS=18 ;;
  week4) BENCH_SCALE=4 MAIN_HOURS=168 PART_HOURS=6 ;;
  *) die "BENCH_PROFILE must be empty, scale4, week, month, month1 or week4, not '$BENCH_PROFILE'" ;;
esac
if [ -n "$BENCH_PROFILE" ]; then
  BENCH_HOURS=
  prom_flags=(--storage.tsdb.max-block-duration=2h)
fi
STEP=60
MAX_POINTS=11000

[[ $BENCH_REPS =~ ^[1-9][0-9]?$ ]] || die "BENCH_REPS must be 1..99, not '$BENCH_REPS'"
[[ $BENCH_CSTAR_REPS =~ ^[0-9][0-9]?$ ]] || die "BENCH_CSTAR_REPS must be 0..99"
for h in $BENCH_HOURS; do
  [[ $h =~ ^[0-9]+$ ]] && ((h >= 1 && h <= 168)) || die "BENCH_HOURS: '$h' is not 1..168"
done
[ -r "$FIELD_QUERY_FILE" ] || die "cannot read the field write-up's query at $FIELD_QUERY_FILE (set FIELD_QUERY_FILE)"

# /usr/bin/time (Debian's `time`), not the shell keyword, measures peak RSS.
[ -x /usr/bin/time ] || install_prerequisites time
install_prerequisites curl jq python3

bench_setup "$STEP"
results=$BENCH_DIR/results
rm -rf "$results"
mkdir -p "$results"

record() { echo "$2 $3 $4 $5 $6" >>"$results/$1.runs"; }

# post PATH QUERY_FILE OUT [extra curl args...]: one POST like zonecost's (form-encoded, gzip);
# prints "http_code wire_bytes".
post() {
  local path=$1 qfile=$2 out=$3
  shift 3
  curl -sS --compressed -o "$out" -w '%{http_code} %{size_download}\n' \
    --data-urlencode "query@$qfile" "$@" "$url$path"
}

check_ok() {
  local code=$1 out=$2
  [ "$code" = 200 ] || die "HTTP $code from Prometheus: $(head -c 400 "$out")"
}

# run_a LABEL START END: zonecost report, end to end.
log_lines() { if [ -f "$query_log" ]; then wc -l <"$query_log"; else echo 0; fi; }

run_a() {
  local label=$1 s=$2 e=$3 out=$results/$1.json
  local t0 t1 n0
  n0=$(log_lines)
  t0=$(ms_now)
  ZONECOST_JAVA_OPTS=$BENCH_JAVA_OPTS /usr/bin/time -f '%e %M' -o "$results/$label.time" \
    "$repo/scripts/zonecost" report \
    -o json --start "$s" --end "$e" --prometheus-url "$url" >"$out" 2>"$results/$label.err" ||
    die "zonecost report failed: $(tail -5 "$results/$label.err")"
  t1=$(ms_now)
  local rss requests
  rss=$(awk 'END { print $2 }' "$results/$label.time")
  sleep 0.5 # the query log is written as each query completes
  requests=$(($(log_lines) - n0 + 1)) # + buildinfo
  record "$label" $((t1 - t0)) "$rss" "$requests" 0 "$(stat -c %s "$out")"
}

# extract_queries REPORT_JSON DIR: writes the report's instant queries (its metadata) as
# q1.instant.promql ... in DIR, for the look-behind comparison (L, L0).
extract_queries() {
  python3 - "$1" "$2" <<'PY'
import json, sys, pathlib
doc = json.load(open(sys.argv[1]))
out = pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for old in out.glob("q*.promql"):
    old.unlink()
queries = [q for q in doc["metadata"]["queries"] if "sent only when" not in q["label"]]
for i, q in enumerate(queries, 1):
    (out / f"q{i}.instant.promql").write_text(q["promql"])
PY
}

# extract_requests FROM_LINE DIR: every query Prometheus logged from line FROM_LINE of its query
# log on (one report's requests: each read by name and each located reset, with its own evaluation
# time), as qN.promql and qN.time in DIR, in the order they were logged.
extract_requests() {
  python3 - "$query_log" "$1" "$2" <<'PY'
import datetime, json, pathlib, sys
log, first, out = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
for old in out.glob("q*"):
    old.unlink()
n = 0
with open(log) as f:
    for i, line in enumerate(f, 1):
        if i < first:
            continue
        p = json.loads(line)["params"]
        t = datetime.datetime.fromisoformat(p["end"].replace("Z", "+00:00")).timestamp()
        n += 1
        (out / f"q{n}.promql").write_text(p["query"])
        (out / f"q{n}.time").write_text("%.3f" % t)
if n == 0:
    sys.exit("bench: the query log holds no query of the warm-up report")
PY
}

# run_b RDIR: every request of the report (its query log), posted with curl at zonecost's default
# parallelism (6) in the order logged. Later requests do not wait for the answers they depend on
# in zonecost, so B is the server's share of A or less.
run_b() {
  local rdir=$1 t0 t1 n=0 wire=0 body=0 code size i
  t0=$(ms_now)
  export -f post
  export url results
  ls "$rdir"/q*.promql | sort -V | xargs -P 6 -I{} bash -c '
    f={}; i=$(basename "$f" .promql)
    post /api/v1/query "$f" "$results/b$i.out" --data-urlencode "time=$(cat "${f%.promql}.time")" \
      >"$results/b$i.code"'
  t1=$(ms_now)
  for f in "$rdir"/q*.promql; do
    i=$(basename "$f" .promql)
    n=$((n + 1))
    read -r code size <"$results/b$i.code"
    check_ok "$code" "$results/b$i.out"
    wire=$((wire + size))
    body=$((body + $(stat -c %s "$results/b$i.out")))
  done
  record B $((t1 - t0)) 0 "$n" "$wire" "$body"
}

# run_b1 RDIR: the same requests one at a time, in the order logged: what a client that waits for
# each answer before the next (a script) spends on the server and the wire.
run_b1() {
  local rdir=$1 t0 t1 n=0 wire=0 body=0 code size f i
  t0=$(ms_now)
  for f in $(ls "$rdir"/q*.promql | sort -V); do
    i=$(basename "$f" .promql)
    read -r code size < <(post /api/v1/query "$f" "$results/b1$i.out" \
      --data-urlencode "time=$(cat "${f%.promql}.time")")
    check_ok "$code" "$results/b1$i.out"
    n=$((n + 1))
    wire=$((wire + size))
    body=$((body + $(stat -c %s "$results/b1$i.out")))
  done
  t1=$(ms_now)
  record B1 $((t1 - t0)) 0 "$n" "$wire" "$body"
}

# run_serial LABEL QDIR TIME: the instant queries one after another; the sum is their server time
# (loopback, nothing else in flight).
run_serial() {
  local label=$1 qdir=$2 t=$3 f t0 t1 code size total=0 n=0
  for f in "$qdir"/q*.instant.promql; do
    t0=$(ms_now)
    read -r code size < <(post /api/v1/query "$f" "$results/$label.out" --data-urlencode "time=$t")
    t1=$(ms_now)
    check_ok "$code" "$results/$label.out"
    total=$((total + t1 - t0))
    n=$((n + 1))
  done
  record "$label" "$total" 0 "$n" 0 0
}

# before_look_behind QDIR OUT: the same queries as before the look-behind existed: the first values
# of series seen in the 5 minutes before the window (an instant selector), no agents query.
before_look_behind() {
  python3 - "$1" "$2" <<'PY'
import pathlib, re, sys
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for old in out.glob("q*.promql"):
    old.unlink()
for f in sorted(src.glob("q*.instant.promql")):
    q = f.read_text()
    if q.startswith("count by") and "last_over_time" in q:
        continue
    q = re.sub(r"and last_over_time\((.*)\[[0-9ms]+\] @ ([0-9.]+)\)$", r"and \1 @ \2", q)
    # since issue 30 the look-behind is a query of its own: the 5-minute lookback instead
    q = re.sub(r"^last_over_time\((.*)\[[0-9ms]+\] @ ([0-9.]+)\) \* 1$", r"\1 @ \2", q)
    (out / f.name).write_text(q)
PY
}

# run_range LABEL QUERY_FILE START END: query_range at a 1 m step, in chunks of <= 11,000 points.
run_range() {
  local label=$1 qfile=$2 s=$3 e=$4 t0 t1 n=0 wire=0 body=0 from=$3 to code size
  t0=$(ms_now)
  while ((from <= e)); do
    to=$((from + (MAX_POINTS - 1) * STEP))
    ((to <= e)) || to=$e
    n=$((n + 1))
    read -r code size < <(post /api/v1/query_range "$qfile" "$results/$label.$n.out" \
      --data-urlencode "start=$from" --data-urlencode "end=$to" --data-urlencode "step=$STEP")
    check_ok "$code" "$results/$label.$n.out"
    wire=$((wire + size))
    body=$((body + $(stat -c %s "$results/$label.$n.out")))
    from=$((to + STEP))
  done
  t1=$(ms_now)
  record "$label" $((t1 - t0)) 0 "$n" "$wire" "$body"
}

run_instant() {
  local label=$1 qfile=$2 t=$3 t0 t1 code size
  t0=$(ms_now)
  read -r code size < <(post /api/v1/query "$qfile" "$results/$label.out" --data-urlencode "time=$t")
  t1=$(ms_now)
  check_ok "$code" "$results/$label.out"
  record "$label" $((t1 - t0)) 0 1 "$size" "$(stat -c %s "$results/$label.out")"
}

run_d() {
  local t0 t1
  t0=$(ms_now)
  ZONECOST_JAVA_OPTS=$BENCH_JAVA_OPTS /usr/bin/time -f '%e %M' -o "$results/D.time" \
    "$repo/scripts/zonecost" --version >/dev/null
  t1=$(ms_now)
  record D $((t1 - t0)) "$(awk 'END { print $2 }' "$results/D.time")" 0 0 0
}

# median LABEL FIELD(1-based): the median of one column of a label's runs.
median() {
  sort -n -k"$2","$2" "$results/$1.runs" | awk -v f="$2" '{ v[NR] = $f } END { print v[int((NR + 1) / 2)] }'
}

# ------------------------------------------------------------------ the run

main_dir=$(prepare_dataset "$MAIN_HOURS" $PART_HOURS)
if [ "$BENCH_ONLY" = prepare ]; then
  echo "bench: dataset ready in $main_dir" >&2
  exit 0
fi
E=$end_epoch
S=$((E - MAIN_HOURS * 3600))
start_prometheus "$main_dir" "${prom_flags[@]}"

# The field write-up's query as printed lacks one closing parenthesis; Grafana's $__rate_interval
# becomes 4m. C* drops its namespace and workload selectors so it covers every pair, as A does.
field=$(<"$FIELD_QUERY_FILE")
field=${field%"${field##*[![:space:]]}"}
field=${field//\$__rate_interval/4m}
printf '%s)\n' "$field" >"$results/C.promql"
python3 - "$results/C.promql" "$results/Cstar.promql" <<'PY'
import re, sys
q = open(sys.argv[1]).read()
q = re.sub(r'(networkobservability_adv_forward_bytes|kube_pod_info)\{[^}]*\}', r'\1', q)
open(sys.argv[2], 'w').write(q)
PY
# E reads every series the default rule needs once: with --dedupe auto that is both directions.
printf '%s\n' "sum by (source_namespace, source_podname, destination_namespace, destination_podname) (increase(networkobservability_adv_forward_bytes[${MAIN_HOURS}h]))" \
  >"$results/E.promql"

echo "bench: warming up (one untimed run of A and E: the first read maps the blocks)" >&2
from_line=$(($(log_lines) + 1))
run_a warmup "$S" "$E"
extract_requests "$from_line" "$results/requests"
extract_queries "$results/warmup.json" "$results/queries"
run_instant warmupE "$results/E.promql" "$E"

before_look_behind "$results/queries" "$results/queries-before"

for rep in $(seq 1 "$BENCH_REPS"); do
  echo "bench: repetition $rep of $BENCH_REPS" >&2
  run_a A "$S" "$E"
  if [ "$BENCH_ONLY" = lookbehind ]; then
    run_serial L "$results/queries" "$E"
    run_serial L0 "$results/queries-before" "$E"
  fi
  [ "$BENCH_ONLY" = lookbehind ] && continue
  run_b "$results/requests"
  run_b1 "$results/requests"
  if [ -z "$BENCH_PROFILE" ]; then
    run_range C "$results/C.promql" "$S" "$E"
    if ((rep <= BENCH_CSTAR_REPS)); then
      run_range Cstar "$results/Cstar.promql" "$S" "$E"
    fi
  fi
  run_d
  run_instant E "$results/E.promql" "$E"
done

# Where A's time goes: one more run with --timings (untimed; it asks the server for stats=all).
ZONECOST_JAVA_OPTS=$BENCH_JAVA_OPTS "$repo/scripts/zonecost" report -o json --start "$S" --end "$E" \
  --prometheus-url "$url" --timings >/dev/null 2>"$results/timings.txt" ||
  die "zonecost report --timings failed: $(tail -5 "$results/timings.txt")"

# Accuracy: A's rows against the simulator's exact answer for the same window.
accuracy=$(compare_with_expected "$results/A.json" "$main_dir/expected.json") || (($? == 1)) ||
  die "cannot compare A's report with $main_dir/expected.json"

# Memory: A's peak RSS per window length, each window ending at the data's end.
max_hours=$MAIN_HOURS
[ "$BENCH_ONLY" = lookbehind ] && BENCH_HOURS=
for h in $BENCH_HOURS; do ((h > max_hours)) && max_hours=$h; done
mem_dir=$main_dir
if ((max_hours > MAIN_HOURS)); then
  prom_stop
  mem_dir=$(prepare_dataset "$max_hours")
  start_prometheus "$mem_dir"
  run_a warmupM $((E - max_hours * 3600)) "$E"
fi
for h in $BENCH_HOURS; do
  for rep in $(seq 1 "$BENCH_REPS"); do
    run_a "M$h" $((E - h * 3600)) "$E"
  done
done
prom_stop

# ------------------------------------------------------------------ report

{
  echo
  echo "zonecost benchmark: large cluster, scale $BENCH_SCALE, seed $BENCH_SEED, window" \
    "$(date -u -d "@$S" +%FT%TZ) .. $(date -u -d "@$E" +%FT%TZ) (${MAIN_HOURS} h${BENCH_PROFILE:+, profile $BENCH_PROFILE}), median of $BENCH_REPS (C*: of $BENCH_CSTAR_REPS)"
  echo "dataset: $(grep -ho '[0-9]* series, [0-9]* samples' "$main_dir/simulate.log")" \
    "(simulate $(awk 'END{print $1}' "$main_dir/simulate.time") s," \
    "promtool $(awk 'END{print $1}' "$main_dir/promtool.time") s," \
    "$(find "$main_dir/data" -name meta.json | wc -l) blocks, $(du -sh "$main_dir/data" | cut -f1))"
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB;" \
    "$(java -version 2>&1 | head -1); $(prometheus --version 2>&1 | head -1)"
  echo
  printf '%-4s %-52s %10s %10s %9s %14s %14s\n' "" "measurement" "wall s" "RSS MiB" "requests" \
    "wire bytes" "body bytes"
  for label in A B B1 C Cstar D E L L0; do
    [ -f "$results/$label.runs" ] || continue
    case $label in
      A) what="zonecost report -o json (end to end)" ;;
      B) what="zonecost's requests via curl, 6 at a time" ;;
      B1) what="zonecost's requests via curl, one at a time" ;;
      C) what="field write-up, query_range 1m step" ;;
      Cstar) what="field write-up widened to every pair" ;;
      D) what="zonecost --version" ;;
      E) what="read-once floor: increase[${MAIN_HOURS}h] by pod pair" ;;
      L) what="A's instant queries, serially (server time)" ;;
      L0) what="the same without the look-behind (5m lookback)" ;;
    esac
    wall=$(median "$label" 1)
    rss=$(median "$label" 2)
    printf '%-4s %-52s %10.3f %10s %9s %14s %14s\n' "${label/star/*}" "$what" \
      "$(div "$wall" 1000)" "$( ((rss > 0)) && echo $((rss / 1024)) || echo -)" \
      "$(median "$label" 3)" "$(median "$label" 4)" "$(median "$label" 5)"
  done
  a=$(median A 1)
  echo
  for other in B B1 C Cstar E; do
    [ -f "$results/$other.runs" ] || continue
    printf 'A/%-6s %6.2f\n' "${other/star/*}" "$(div "$a" "$(median $other 1)")"
  done
  if [ -f "$results/L.runs" ]; then
    echo
    printf 'look-behind: %s s of server time against %s s without it (L/L0 %.3f)\n' \
      "$(div "$(median L 1)" 1000)" "$(div "$(median L0 1)" 1000)" "$(div "$(median L 1)" "$(median L0 1)")"
  fi
  echo
  echo "accuracy of A against expected.json: $accuracy"
  echo
  echo "where A's time went (one run of report --timings, not among the medians):"
  grep -v '^zonecost: timings' "$results/timings.txt" || true
  echo
  [ -z "$BENCH_HOURS" ] && exit 0
  echo "peak RSS of A by window (data: $(basename "$mem_dir"))"
  printf '%-8s %10s %10s %8s\n' "window" "wall s" "RSS MiB" "rows"
  for h in $BENCH_HOURS; do
    rows=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["rows"]))' \
      "$results/M$h.json")
    printf '%-8s %10.3f %10s %8s\n' "${h}h" "$(div "$(median "M$h" 1)" 1000)" \
      $(($(median "M$h" 2) / 1024)) "$rows"
  done
} | tee "$results/summary.txt"
echo "bench: raw runs and responses in $results" >&2
