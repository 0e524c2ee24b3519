# shellcheck shell=bash
# The scripts' one comparison of a report with the simulator's exact answer, the same check as the
# integration tests' ExactAnswer: the rows of `zonecost report -o json` against expected.json's
# (by source and destination workload and zone), then the cross-zone total. Source it, then:
#
#   compare_with_expected REPORT_JSON EXPECTED_JSON
#
# prints one line, e.g. "52 of 52 rows exact, 0 missing, 0 extra, worst row error 0.000000%;
# cross-zone bytes 13629715012, expected 13629715012", and returns 0 only when every row and the
# total are exact to the byte (the demo and the release test fail otherwise; the benchmarks print
# the line). Needs jq.

compare_with_expected() {
  local report=$1 expected=$2
  command -v jq >/dev/null || { echo "compare_with_expected: no jq on PATH" >&2; return 2; }
  local f
  for f in "$report" "$expected"; do
    jq -e '.rows and .totals' "$f" >/dev/null 2>&1 ||
      { echo "compare_with_expected: $f is not a report (no rows and totals)" >&2; return 2; }
  done
  local out
  out=$(jq -r -n --slurpfile got "$report" --slurpfile want "$expected" '
    def key: [.source_namespace, .source_workload_kind, .source_workload,
              .destination_namespace, .destination_workload_kind, .destination_workload,
              .source_zone, .destination_zone] | tojson;
    def rows: reduce .rows[] as $r ({}; .[$r | key] += ($r.bytes | tonumber));
    def abs: if . < 0 then -. else . end;
    ($got[0] | rows) as $g | ($want[0] | rows) as $w |
    ([$w | to_entries[] | select($g[.key] == .value)] | length) as $exact |
    ([$w | keys[] | select($g[.] == null)] | length) as $missing |
    ([$g | keys[] | select($w[.] == null)] | length) as $extra |
    ([$w | to_entries[] | select(.value != 0) | ((($g[.key] // 0) - .value) | abs) / .value]
      | max // 0) as $worst |
    ($got[0].totals["cross-zone"]) as $cg | ($want[0].totals["cross-zone"]) as $cw |
    [$exact, ($w | length), $missing, $extra, $worst * 100, $cg, $cw,
      (if $exact == ($w | length) and $extra == 0 and $cg == $cw then "exact" else "differs" end)]
    | @tsv
  ') || return 2
  local exact rows missing extra worst cg cw verdict
  IFS=$'\t' read -r exact rows missing extra worst cg cw verdict <<<"$out"
  printf '%s of %s rows exact, %s missing, %s extra, worst row error %.6f%%; cross-zone bytes %s, expected %s\n' \
    "$exact" "$rows" "$missing" "$extra" "$worst" "$cg" "$cw"
  [ "$verdict" = exact ]
}
