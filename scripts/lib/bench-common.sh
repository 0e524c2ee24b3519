# Shared by the benchmarks (scripts/bench.sh, scripts/bench-recording-rules.sh): the dataset
# (the simulator's `large` cluster backfilled by promtool, reused when made with the same
# arguments) and a Prometheus on a free loopback port (scripts/lib/prometheus.sh), stopped on
# exit. The caller sets BENCH_DIR, BENCH_SCALE, BENCH_SEED, BENCH_KEEP_OM, jar and end_epoch
# before calling prepare_dataset.

die() {
  echo "bench: $*" >&2
  exit 1
}

ms_now() { date +%s%3N; }

# bench_setup STEP_SECONDS: the jar (built when missing), BENCH_END as end_epoch on the grid, the
# work dir.
bench_setup() {
  jar=$repo/target/zonecost.jar
  if [ ! -f "$jar" ]; then
    echo "bench: building $jar" >&2
    mvn -q -B package -DskipTests
  fi
  end_epoch=$(date -u -d "$BENCH_END" +%s) || die "BENCH_END '$BENCH_END' is not a date"
  ((end_epoch % $1 == 0)) || die "BENCH_END must be on a multiple of $1 seconds"
  mkdir -p "$BENCH_DIR"
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b == 0 ? 0 : a / b) }'; }

# ------------------------------------------------------------------ datasets

# prepare_dataset HOURS [PART_HOURS]: simulates `large` over HOURS ending at BENCH_END and
# backfills it, unless a dataset made with the same arguments is already there. Prints its
# directory. With PART_HOURS (2, 6, 18, 54 or 162: promtool's block durations) the data is written
# and backfilled in time slices on multiples of PART_HOURS from the epoch (promtool's block grid), one
# block each, each slice's file deleted before the next is written: disk and promtool's memory are
# bounded by one slice. expected.json (the whole window's answer) is computed once.
prepare_dataset() {
  local hours=$1 part=${2:-}
  local args="scenario=large hours=$hours scale=$BENCH_SCALE seed=$BENCH_SEED end=$end_epoch"
  local dir=$BENCH_DIR/large-${hours}h-x${BENCH_SCALE}-seed${BENCH_SEED}-${end_epoch}
  if [ -n "$part" ]; then
    args="$args parts=${part}h"
    dir=$dir-parts${part}h
  fi
  if [ -f "$dir/complete" ] && [ "$(cat "$dir/args")" = "$args" ]; then
    echo "bench: reusing $dir" >&2
    echo "$dir"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "$args" >"$dir/args"
  local sim=(java -jar "$jar" simulate --scenario large --hours "$hours" --scale "$BENCH_SCALE"
    --seed "$BENCH_SEED" --end "$end_epoch" --out-dir "$dir")
  if [ -z "$part" ]; then
    echo "bench: simulating large, ${hours} h, scale $BENCH_SCALE into $dir" >&2
    /usr/bin/time -f '%e %M' -o "$dir/simulate.time" "${sim[@]}" 2>"$dir/simulate.log" ||
      die "simulate failed: $(tail -5 "$dir/simulate.log")"
    cat "$dir/simulate.log" >&2
    echo "bench: backfilling with promtool ($(du -h "$dir/cluster.om" | cut -f1))" >&2
    # One block per week at most: promtool re-reads the whole file for every block it cuts.
    /usr/bin/time -f '%e %M' -o "$dir/promtool.time" \
      promtool tsdb create-blocks-from openmetrics --max-block-duration=168h -q \
      "$dir/cluster.om" "$dir/data" >"$dir/promtool.log" 2>&1 ||
      die "promtool failed: $(tail -5 "$dir/promtool.log")"
    [ "$BENCH_KEEP_OM" = 1 ] || rm -f "$dir/cluster.om"
  else
    prepare_parts "$dir" "$hours" "$part" "${sim[@]}"
  fi
  touch "$dir/complete"
  echo "$dir"
}

# prepare_parts DIR HOURS PART_HOURS SIMULATE...: expected.json once, then each slice of the data
# (the window plus simulate's default hour of history) simulated, backfilled and deleted. Totals of
# all parts go to simulate.time and promtool.time (seconds, the largest RSS), the per-part lines to
# parts.log.
prepare_parts() {
  local dir=$1 hours=$2 part=$3
  shift 3
  local step=$((part * 3600)) first last from to n=0 sim_s=0 sim_kb=0 pt_s=0 pt_kb=0 s kb size
  first=$((end_epoch - hours * 3600 - 3600))
  last=$((end_epoch + 60))
  echo "bench: simulating large, ${hours} h, scale $BENCH_SCALE into $dir in ${part} h parts" >&2
  /usr/bin/time -f '%e %M' -o "$dir/expected.time" "$@" --only expected.json 2>"$dir/simulate.log" ||
    die "simulate failed: $(tail -5 "$dir/simulate.log")"
  cat "$dir/simulate.log" >&2
  : >"$dir/parts.log"
  for ((from = first / step * step; from < last; from += step)); do
    to=$((from + step))
    n=$((n + 1))
    /usr/bin/time -f '%e %M' -o "$dir/part.time" "$@" --only cluster.om \
      --samples-from "$from" --samples-to "$to" 2>"$dir/part.log" ||
      die "simulate part $n failed: $(tail -5 "$dir/part.log")"
    read -r s kb <"$dir/part.time"
    sim_s=$(awk -v a="$sim_s" -v b="$s" 'BEGIN { print a + b }')
    ((kb > sim_kb)) && sim_kb=$kb
    size=$(stat -c %s "$dir/cluster.om")
    /usr/bin/time -f '%e %M' -o "$dir/part.time" \
      promtool tsdb create-blocks-from openmetrics --max-block-duration="${part}h" -q \
      "$dir/cluster.om" "$dir/data" >>"$dir/promtool.log" 2>&1 ||
      die "promtool failed on part $n: $(tail -5 "$dir/promtool.log")"
    rm -f "$dir/cluster.om"
    read -r s2 kb2 <"$dir/part.time"
    pt_s=$(awk -v a="$pt_s" -v b="$s2" 'BEGIN { print a + b }')
    ((kb2 > pt_kb)) && pt_kb=$kb2
    echo "part $n $(date -u -d "@$from" +%FT%TZ) .. $(date -u -d "@$to" +%FT%TZ): $size bytes;" \
      "simulate $s s $kb KB; promtool $s2 s $kb2 KB; $(grep -o '([0-9]* in' "$dir/part.log" | tr -d '(' | cut -d' ' -f1) samples" |
      tee -a "$dir/parts.log" >&2
  done
  read -r s kb <"$dir/expected.time"
  echo "$(awk -v a="$sim_s" -v b="$s" 'BEGIN { print a + b }') $sim_kb" >"$dir/simulate.time"
  echo "$pt_s $pt_kb" >"$dir/promtool.time"
}

# ------------------------------------------------------------------ Prometheus

# shellcheck source=scripts/lib/prometheus.sh
source "$(dirname "${BASH_SOURCE[0]}")/prometheus.sh"
# The benchmarks' URL of the running Prometheus, and its query log.
url=
query_log=
trap prom_stop EXIT
trap 'exit 130' INT TERM

# start_prometheus DIR [FLAG...]: Prometheus on DIR/data (scripts/lib/prometheus.sh), the extra
# flags passed on; sets url and query_log.
start_prometheus() {
  local dir=$1
  shift
  # The query log records every query zonecost sends, with its evaluation time: B replays them.
  query_log=$dir/query.log
  # max-samples: a read-once query over days of this cluster passes the 50M default.
  PROM_QUERY_LOG=$query_log prom_start "$dir/data" \
    --query.max-samples=1000000000 --query.timeout=10m "$@" || die "Prometheus did not start"
  # shellcheck disable=SC2034 # read by the benchmarks
  url=$PROM_URL
}

# ------------------------------------------------------------------ measurements

# Each measurement appends "wall_ms rss_kb requests wire_bytes body_bytes" to a file per label.
