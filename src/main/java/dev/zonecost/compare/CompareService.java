package dev.zonecost.compare;

import dev.zonecost.check.Baseline;
import dev.zonecost.check.Traffic;
import dev.zonecost.common.UsageException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportService;
import dev.zonecost.report.RowOrder;

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
   * same grouping and without {@code --top}, or its pairs could not be matched.
   */
  public Comparison against(EngineRequest later, Baseline saved, String savedName) {
    Report after = reports.report(later, RowOrder.SortBy.BYTES, null);
    if (!saved.groupBy().equals(after.metadata().groupBy().label())
        || saved.byCluster() != after.metadata().byCluster()
        || saved.folded()) {
      throw new UsageException(
          savedName
              + " was made with another --group-by, --by-cluster or with --top:"
              + " its pairs cannot be matched with this run's");
    }
    return Comparison.of(
            savedName + " (" + saved.window().toSeconds() + " s window)",
            label(after),
            saved.traffic(),
            Traffic.of(after))
        .withRollouts(reports.rollouts(later));
  }

  private static String label(Report r) {
    return r.metadata().start() + " .. " + r.metadata().end();
  }
}
