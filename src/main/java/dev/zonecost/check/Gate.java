package dev.zonecost.check;

import dev.zonecost.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The CI gate as a service: a report in, a verdict out. Checks the coverage first (too little
 * attributable traffic is not enough data, not a breach), then the thresholds, then the baseline.
 *
 * @param thresholds the limits on today's traffic
 * @param minCoverage least attributable share to judge at all, or {@code null}
 * @param baseline the saved report and the growth allowed over it, or {@code null}
 * @param allowClippedWindow judge a window that starts before the data instead of exit 5
 */
public record Gate(
    Thresholds thresholds, Double minCoverage, Against baseline, boolean allowClippedWindow) {
  /** The usage error of a gate that would check nothing. */
  public static final String NOTHING_TO_CHECK =
      "check has nothing to check: give a limit (--max-cross-zone-bytes, --max-cross-zone-ratio,"
          + " --max-cross-zone-cost, --max-unknown-ratio, --max-avoidable-cost), --min-coverage"
          + " or --baseline (--allow-empty runs anyway)";

  /** A baseline and how today is compared with it. */
  public record Against(Baseline saved, BaselineComparison comparison) {}

  public Verdict judge(Report report) {
    WindowCoverage.require(report.metadata().edges(), allowClippedWindow);
    Traffic today = Traffic.of(report);
    Coverage.require(today, minCoverage);
    List<CheckResult> checks = new ArrayList<>(thresholds.evaluate(today));
    List<String> notes = new ArrayList<>(report.metadata().setUpNotes());
    if (baseline != null) {
      baseline.saved().requireComparableTo(report);
      checks.addAll(baseline.comparison().compare(today));
      for (Pair p : baseline.comparison().newCrossZonePairs(today)) {
        notes.add("new cross-zone pair since the baseline: " + p.label());
      }
    }
    return new Verdict(checks, notes);
  }
}
