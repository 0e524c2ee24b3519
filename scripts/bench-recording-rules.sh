#!/usr/bin/env bash
# Benchmark (issue 16): `zonecost report --use-recording-rules` over a 30-day window of the
# simulator's `large` cluster, against the exact report of one day.
#
# A 30-day raw `large` does not fit this machine's disk, and the recorded series are all that
# --use-recording-rules reads, so the 30 days are made the way a Prometheus would hold them after
# running the rules for a month of the same traffic:
#   1. simulate `large` over 24 h, backfill it (scripts/lib/bench-common.sh);
#   2. backfill the per-pair rule of `zonecost rules --interval 5m` over that day with promtool
#      (`tsdb create-blocks-from rules`, evaluated against the raw data as the rule would have been),
#      then its hourly roll-up on the recorded series;
#   3. copy the recorded day forward with promtool and the rules `R offset Kd` for K = 1, 2, 4, 8,
#      16 (each round doubles the recorded span), restarting Prometheus on the new blocks each time.
# Prometheus then compacts the blocks, as it would have over the month. Then, medians of
# BENCH_REPS end-to-end runs (JVM start included):
#   R30  report --use-recording-rules over the 30 copied days
#   R1   report --use-recording-rules over the simulated day
#   A1   report (exact, raw counters) over the same day
# and the recorded day's cross-zone bytes against the exact report's: the rules' approximation.
# Prints numbers; asserts nothing about time. Loopback only; Prometheus is stopped on exit.
#
# Environment (defaults in brackets): BENCH_DIR [/tmp/zonecost-bench], BENCH_REPS [3],
# BENCH_SCALE [1], BENCH_SEED [42], BENCH_END [2026-11-01T00:00:00Z] (the raw day's end; on a
# multiple of 5 minutes), BENCH_KEEP_OM [0].
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
source scripts/lib/install.sh
source scripts/lib/bench-common.sh
source scripts/lib/expected.sh

BENCH_DIR=${BENCH_DIR:-/tmp/zonecost-bench}
BENCH_REPS=${BENCH_REPS:-3}
BENCH_SCALE=${BENCH_SCALE:-1}
BENCH_SEED=${BENCH_SEED:-42}
BENCH_END=${BENCH_END:-2026-11-01T00:00:00Z}
BENCH_KEEP_OM=${BENCH_KEEP_OM:-0}
INTERVAL=300
RULE=zonecost:retina_pair_zone_bytes:increase5m
ROLLUP=${RULE}_sum1h

[[ $BENCH_REPS =~ ^[1-9][0-9]?$ ]] || die "BENCH_REPS must be 1..99, not '$BENCH_REPS'"
[ -x /usr/bin/time ] || install_prerequisites time
install_prerequisites curl jq

bench_setup "$INTERVAL"

raw=$(prepare_dataset 24)
work=$BENCH_DIR/recorded-$(basename "$raw")
day=86400
# The whole day from E - 1 d (the data's hour of history gives the first evaluation its sample 5
# minutes back). Every round is backfilled from one file and group name, so promtool evaluates all
# of them on one grid (its evaluation offset comes from the group's name and file), and each round
# starts where the last ended: the copies join without a gap, which the copy rule's 5-minute
# lookback would otherwise fill with a repeated sample.
first=$((end_epoch - day))

# backfill_rule FILE START END: promtool evaluates FILE's rules against the running server every
# 5 m in [START, END], then the server is restarted on the raw and the new blocks.
backfill_rule() {
  local file=$1 from=$2 to=$3 out
  out=$work/blocks-$from
  rm -rf "$out"
  /usr/bin/time -f '%e' -o "$work/promtool-rules.time" \
    promtool tsdb create-blocks-from rules -q --url="$url" --start="$from" --end="$to" \
    --eval-interval=${INTERVAL}s --output-dir="$out" "$file" >"$work/promtool-rules.log" 2>&1 ||
    die "promtool rules backfill failed: $(tail -5 "$work/promtool-rules.log")"
  echo "bench: recorded $(date -u -d @"$from" +%FT%TZ) .. $(date -u -d @"$to" +%FT%TZ) in $(cat "$work/promtool-rules.time") s" >&2
  prom_stop
  mv "$out"/* "$work/data/"
  rm -rf "$out"
  start_prometheus "$work"
}

rule_file() { # FILE GROUP INTERVAL RECORD EXPR: a rules file with one recording rule
  printf 'groups:\n- name: %s\n  interval: %s\n  rules:\n  - record: %s\n    expr: |-\n' "$2" "$3" "$4" >"$1"
  printf '%s\n' "$5" | sed 's/^/      /' >>"$1"
}

if [ ! -f "$work/complete" ]; then
  rm -rf "$work"
  mkdir -p "$work"
  cp -a "$raw/data" "$work/data"
  start_prometheus "$work"
  # The per-pair rule exactly as `zonecost rules` prints it (its first recording rule).
  java -jar "$jar" rules --interval 5m >"$work/rules.yml"
  grep -q "record: $RULE" "$work/rules.yml" || die "zonecost rules has no $RULE"
  {
    printf 'groups:\n- name: zonecost.recording\n  interval: 5m\n  rules:\n'
    awk '/^  - record: /{n++} n==1' "$work/rules.yml"
  } >"$work/backfill.yml"
  promtool check rules "$work/backfill.yml" >/dev/null || die "the extracted rule does not parse: $work/backfill.yml"
  backfill_rule "$work/backfill.yml" "$first" "$end_epoch"
  # The hourly roll-up group as `zonecost rules` prints it (its last group), on the recorded day.
  sed -n '/^- name: zonecost.rollup/,$p' "$work/rules.yml" | sed '1i groups:' >"$work/rollup.yml"
  grep -q "record: $ROLLUP" "$work/rollup.yml" || die "zonecost rules has no $ROLLUP"
  backfill_rule "$work/rollup.yml" "$first" "$end_epoch"
  covered=1 # days recorded, ending at end_epoch + (covered - 1) days
  while ((covered < 31)); do
    # Only a sample exactly K days back: promtool writes no staleness markers, so the 5-minute
    # lookback would otherwise repeat a series' last sample into its gaps.
    age="timestamp(\$1 offset ${covered}d) > time() - $((covered * day + 1))"
    rule_file "$work/backfill.yml" zonecost.recording 5m "$RULE" \
      "$RULE offset ${covered}d and (${age//\$1/$RULE})"
    rule_file "$work/rollup.yml" zonecost.rollup 1h "$ROLLUP" \
      "$ROLLUP offset ${covered}d and (${age//\$1/$ROLLUP})"
    from=$((end_epoch + (covered - 1) * day))
    to=$((end_epoch + (2 * covered - 1) * day))
    backfill_rule "$work/backfill.yml" "$from" "$to"
    backfill_rule "$work/rollup.yml" "$from" "$to"
    covered=$((covered * 2))
  done
  prom_stop
  touch "$work/complete"
fi
start_prometheus "$work"
# promtool writes 2-hour blocks (hundreds for a month); a Prometheus that recorded the month itself
# would have compacted them long ago. Wait until it has (the block count stops changing).
if [ ! -f "$work/compacted" ]; then
  # Prometheus compacts on a one-minute timer: wait for the count to fall, then to hold.
  first_count=$(ls "$work/data" | wc -l)
  last=$first_count
  for _ in $(seq 1 60); do
    sleep 15
    now=$(ls "$work/data" | wc -l)
    echo "bench: $now blocks (from $first_count), waiting for compaction" >&2
    if ((now < first_count && now == last)); then
      break
    fi
    last=$now
  done
  touch "$work/compacted"
fi

run_report() { # LABEL ARGS...: one timed end-to-end run, wall ms to $work/LABEL.runs
  local label=$1 t0 t1
  shift
  t0=$(ms_now)
  "$repo/scripts/zonecost" report --prometheus-url "$url" -q -o json "$@" >"$work/$label.json" 2>"$work/$label.err" ||
    die "$label failed: $(cat "$work/$label.err")"
  t1=$(ms_now)
  echo $((t1 - t0)) >>"$work/$label.runs"
}
median_of() { sort -n "$work/$1.runs" | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

iso() { date -u -d @"$1" +%FT%TZ; }
rm -f "$work"/*.runs
for _ in $(seq 1 "$BENCH_REPS"); do
  run_report R30 --use-recording-rules --start "$(iso $((end_epoch + day)))" --end "$(iso $((end_epoch + 31 * day)))"
  run_report R1 --use-recording-rules --start "$(iso "$first")" --end "$(iso "$end_epoch")"
  run_report A1 --start "$(iso "$first")" --end "$(iso "$end_epoch")"
done
cross() { jq '.totals["cross-zone"]' "$work/$1.json"; }
rows() { jq '.rows | length' "$work/$1.json"; }
echo
echo "zonecost report --use-recording-rules, large x$BENCH_SCALE (medians of $BENCH_REPS, end to end)"
printf '%-4s %-44s %9s %16s %6s\n' "" "what" "wall ms" "cross-zone bytes" "rows"
printf '%-4s %-44s %9s %16s %6s\n' R30 "recorded, 30-day window" "$(median_of R30)" "$(cross R30)" "$(rows R30)"
printf '%-4s %-44s %9s %16s %6s\n' R1 "recorded, the simulated day" "$(median_of R1)" "$(cross R1)" "$(rows R1)"
printf '%-4s %-44s %9s %16s %6s\n' A1 "exact report (raw counters), the same day" "$(median_of A1)" "$(cross A1)" "$(rows A1)"
accuracy=$(compare_with_expected "$work/A1.json" "$raw/expected.json") || (($? == 1)) ||
  die "cannot compare A1's report with $raw/expected.json"
echo "A1 against the simulator's expected answer: $accuracy"
awk -v r="$(cross R1)" -v a="$(cross A1)" -v m="$(cross R30)" 'BEGIN {
  printf "recorded day vs exact: %+.2f%% cross-zone bytes; 30 days / recorded day: %.3f\n", 100 * (r - a) / a, m / r }'
