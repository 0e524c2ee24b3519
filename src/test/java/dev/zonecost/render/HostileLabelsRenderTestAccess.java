package dev.zonecost.render;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A report whose workload in namespace app is named {@code name}, for other packages' tests. */
public final class HostileLabelsRenderTestAccess {
  private HostileLabelsRenderTestAccess() {}

  public static Report report(String name) {
    WorkloadRef evil = new WorkloadRef("app", "Deployment", name);
    WorkloadRef db = new WorkloadRef("app", "Deployment", "db");
    return of(
        List.of(new TrafficRow(new TrafficKey(evil, db, "us-east-1a", "us-east-1b"), 3_000L)));
  }

  /** A two-hour report of these rows, priced by the shipped AWS rule. */
  public static Report of(List<TrafficRow> rows) {
    ReportMetadata md =
        new ReportMetadata(
            1,
            "test",
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-01T02:00:00Z"),
            "window",
            "egress",
            "low",
            "kube-state-metrics",
            "2.42.0",
            10,
            1,
            4,
            1,
            0,
            List.of(new LabelledQuery("q", "up")),
            List.of(),
            List.of("a note"),
            GroupBy.WORKLOAD,
            Selection.ALL,
            false,
            new WindowEdges(
                Instant.parse("2026-11-01T00:00:00Z"), null, Duration.ofHours(1), 2, 0, 0),
            null);
    return Report.of(
        md, rows, new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), "aws", null)));
  }
}
