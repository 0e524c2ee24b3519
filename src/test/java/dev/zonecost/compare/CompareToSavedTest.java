package dev.zonecost.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.check.Baseline;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.render.JsonRenderer;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import dev.zonecost.report.RowOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29 row 10: {@code report --compare-to FILE} refuses a saved report made with another
 * dedupe, level, price rule or selection, as {@code check --baseline} does, and says when the
 * windows differ in length.
 */
class CompareToSavedTest {
  private static final Instant END = Instant.parse("2026-11-02T00:00:00Z");

  @TempDir Path tmp;

  static Report report(
      String cloud, String dedupe, String level, Selection selection, Duration window) {
    WorkloadRef src = new WorkloadRef("shop", "Deployment", "api");
    WorkloadRef dst = new WorkloadRef("db", "StatefulSet", "db");
    List<TrafficRow> rows =
        List.of(
            new TrafficRow(new TrafficKey(src, dst, "z-a", "z-b"), 5_000_000_000L),
            new TrafficRow(new TrafficKey(src, dst, "z-a", "z-a"), 7_000_000_000L));
    ReportMetadata md =
        new ReportMetadata(
            1,
            "test",
            END.minus(window),
            END,
            "window",
            dedupe,
            level,
            "kube-state-metrics",
            "2.42.0",
            10,
            1,
            4,
            1,
            0,
            List.of(new LabelledQuery("q", "up")),
            List.of(),
            List.of(),
            GroupBy.WORKLOAD,
            selection,
            false,
            WindowEdges.unclipped(END.minus(window)),
            null);
    CostEstimator prices =
        new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), cloud, null));
    return Report.of(md, RowOrder.apply(rows, RowOrder.SortBy.BYTES, null, prices), prices);
  }

  static Report report(String cloud, String dedupe, String level, Selection selection) {
    return report(cloud, dedupe, level, selection, Duration.ofDays(1));
  }

  private Baseline saved(Report r) throws Exception {
    Path file = tmp.resolve("saved.json");
    try (var w = Files.newBufferedWriter(file)) {
      new JsonRenderer().render(r, w);
    }
    return Baseline.read(file);
  }

  private static String refused(Baseline saved, Report today) {
    return assertThrows(UsageException.class, () -> CompareService.of(today, saved, "saved.json"))
        .getMessage();
  }

  @Test
  void should_compare_a_saved_report_made_the_same_way() throws Exception {
    Report today = report("aws", "egress", "low", Selection.ALL);
    Comparison c = CompareService.of(today, saved(today), "saved.json");
    assertEquals("saved.json (86400 s window)", c.before());
  }

  @Test
  void should_refuse_a_saved_report_of_another_dedupe_level_price_rule_or_selection()
      throws Exception {
    Baseline saved = saved(report("aws", "egress", "low", Selection.ALL));
    String dedupe = refused(saved, report("aws", "ingress", "low", Selection.ALL));
    assertTrue(dedupe.contains("dedupe egress, today ingress"), dedupe);
    assertTrue(dedupe.startsWith("saved.json is not comparable"), dedupe);
    String level = refused(saved, report("aws", "egress", "high", Selection.ALL));
    assertTrue(level.contains("data aggregation level low, today high"), level);
    String rule = refused(saved, report("gcp", "egress", "low", Selection.ALL));
    assertTrue(rule.contains("price rule"), rule);
    Selection shop = new Selection("shop", null, null, null, null, null, null, null, null);
    String selection = refused(saved, report("aws", "egress", "low", shop));
    assertTrue(selection.contains("today --from-namespace shop"), selection);
  }

  @Test
  void should_say_when_the_saved_window_has_another_length() throws Exception {
    Baseline saved = saved(report("aws", "egress", "low", Selection.ALL));
    Comparison c =
        CompareService.of(
            report("aws", "egress", "low", Selection.ALL, Duration.ofHours(1)), saved, "s.json");
    assertEquals("s.json (86400 s window; this run's is 3600 s: totals, not rates)", c.before());
  }
}
