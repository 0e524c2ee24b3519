package dev.zonecost.compare;

import dev.zonecost.check.Baseline;
import dev.zonecost.check.Traffic;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportService;
import dev.zonecost.report.RowOrder;
import java.time.Duration;

/**
 * {@code report --compare-to}: the later window's report against an earlier window's or a saved
 * report, with the later window's rollouts attached to the top movers.
 */
public final class CompareService {
  private final ReportService reports;

  public CompareService(ReportService reports) {
    this.reports = reports;
  }

  /** Against an earlier window of the same back end. */
  public Comparison against(EngineRequest later, EngineRequest earlier) {
    Report after = reports.report(later, RowOrder.SortBy.BYTES, null);
    Report before = reports.report(earlier, RowOrder.SortBy.BYTES, null);
    return Comparison.of(label(before), label(after), Traffic.of(before), Traffic.of(after))
        .withRollouts(reports.rollouts(later));
  }

  /**
   * Against a saved report ({@code -o json} or {@code yaml}), which must have been made with the
   * same dedupe, level, price rule, selection and grouping and without {@code --top}, or its pairs
   * and costs could not be matched; a window of another length is compared as totals, and said so.
   */
  public Comparison against(EngineRequest later, Baseline saved, String savedName) {
    Report after = reports.report(later, RowOrder.SortBy.BYTES, null);
    return of(after, saved, savedName).withRollouts(reports.rollouts(later));
  }

  /** The comparison of today's report with a saved one, refused when they cannot be compared. */
  static Comparison of(Report after, Baseline saved, String savedName) {
    saved.requireComparableAsSaved(after, savedName);
    long seconds = saved.window().toSeconds();
    long today = Duration.between(after.metadata().start(), after.metadata().end()).toSeconds();
    return Comparison.of(
        savedName
            + " ("
            + seconds
            + " s window"
            + (seconds == today ? "" : "; this run's is " + today + " s: totals, not rates")
            + ")",
        label(after),
        saved.traffic(),
        Traffic.of(after));
  }

  private static String label(Report r) {
    return r.metadata().start() + " .. " + r.metadata().end();
  }
}
