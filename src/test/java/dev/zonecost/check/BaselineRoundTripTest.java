package dev.zonecost.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadRef;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A baseline written by {@code report -o json} from the very same data must pass the gate. */
class BaselineRoundTripTest {
  @TempDir Path tmp;

  /** Byte counts whose costs have more than 9 decimals under every rule. */
  static Report report(String cloud, GroupBy groupBy, Integer top) {
    List<TrafficRow> rows = new ArrayList<>();
    String[] zones = {"z-a", "z-b", "z-c"};
    long bytes = 3_000_000_001L;
    for (int i = 0; i < 5; i++) {
      WorkloadRef src =
          groupBy.of(new WorkloadRef("ns" + i, "Deployment", "src" + i), "src" + i + "-p");
      WorkloadRef dst = groupBy.of(new WorkloadRef("db", "StatefulSet", "db"), "db-0");
      for (String sz : zones) {
        for (String dz : zones) {
          bytes = bytes * 7 / 5 + 123_457;
          rows.add(new TrafficRow(new TrafficKey(src, dst, sz, dz), bytes % 9_999_999_967L));
        }
      }
    }
    ReportMetadata md =
        new ReportMetadata(
            1,
            "test",
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-02T00:00:00Z"),
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
            List.of(),
            groupBy,
            Selection.ALL,
            false,
            WindowEdges.unclipped(Instant.parse("2026-11-01T00:00:00Z")),
            null);
    CostEstimator prices =
        new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), cloud, null));
    return Report.of(md, RowOrder.apply(rows, RowOrder.SortBy.BYTES, top, prices), prices);
  }

  private Baseline written(Report report) throws Exception {
    Path file = tmp.resolve("base.json");
    try (var w = Files.newBufferedWriter(file)) {
      new JsonRenderer().render(report, w);
    }
    return Baseline.read(file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void should_pass_unchanged_data_against_its_own_report(String cloud) throws Exception {
    for (CostBasis basis : CostBasis.values()) {
      Report today = report(cloud, GroupBy.WORKLOAD, null);
      Baseline base = written(today);
      base.requireComparableTo(today);
      List<CheckResult> results =
          new BaselineComparison(base, Increase.percent(0), basis).compare(Traffic.of(today));
      assertFalse(results.isEmpty());
      for (CheckResult r : results) {
        assertTrue(r.passed(), cloud + " " + basis + ": " + r);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = GroupBy.class,
      names = {"NAMESPACE", "POD"})
  void should_read_a_baseline_of_another_grouping_and_compare_like_with_like(GroupBy g)
      throws Exception {
    Report today = report("aws", g, null);
    Baseline base = written(today);
    base.requireComparableTo(today);
    assertTrue(
        new BaselineComparison(base, Increase.percent(0), CostBasis.WINDOW)
            .compare(Traffic.of(today)).stream().allMatch(CheckResult::passed));

    UsageException e =
        assertThrows(
            UsageException.class,
            () -> base.requireComparableTo(report("aws", GroupBy.WORKLOAD, null)));
    assertTrue(
        e.getMessage().contains("--group-by " + g.label() + ", today workload"), e.getMessage());
  }

  @Test
  void should_refuse_a_baseline_made_with_top() throws Exception {
    Baseline base = written(report("aws", GroupBy.WORKLOAD, 3));
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> base.requireComparableTo(report("aws", GroupBy.WORKLOAD, null)));
    assertTrue(e.getMessage().contains("--top"), e.getMessage());
  }

  @Test
  void should_say_plainly_when_the_baseline_is_missing_or_not_json() throws Exception {
    UsageException missing =
        assertThrows(UsageException.class, () -> Baseline.read(tmp.resolve("nope.json")));
    assertEquals("baseline " + tmp.resolve("nope.json") + " does not exist", missing.getMessage());
    Path garbage = Files.writeString(tmp.resolve("g.json"), "{\n  \"a\": nope");
    UsageException notJson = assertThrows(UsageException.class, () -> Baseline.read(garbage));
    assertTrue(notJson.getMessage().contains("not JSON (line 2)"), notJson.getMessage());
    assertFalse(notJson.getMessage().contains("Exception"), notJson.getMessage());
    UsageException dir = assertThrows(UsageException.class, () -> Baseline.read(tmp));
    assertTrue(dir.getMessage().endsWith("it is a directory"), dir.getMessage());
  }
}
