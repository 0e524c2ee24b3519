package dev.zonecost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowOrderTest {
  private static final CostEstimator AWS =
      new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), "aws", null));

  private static TrafficRow row(String src, String dst, String sz, String dz, long bytes) {
    return new TrafficRow(
        new TrafficKey(
            new WorkloadRef("ns", "Deployment", src),
            new WorkloadRef("ns", "Deployment", dst),
            sz,
            dz),
        bytes);
  }

  private static final List<TrafficRow> ROWS =
      List.of(
          row("a", "b", "z1", "z1", 1000), // same-zone, biggest
          row("a", "b", "z1", "z2", 10),
          row("c", "d", "z1", "z2", 500), // c->d all cross
          row("e", "f", "z2", "unknown", 300),
          row("g", "h", "z2", "z1", 200));

  @Test
  void should_fold_rows_past_top_into_one_others_row_per_zone_pair_keeping_all_totals() {
    List<TrafficRow> out = RowOrder.apply(ROWS, RowOrder.SortBy.BYTES, 2, AWS);
    assertEquals(List.of(ROWS.get(0), ROWS.get(2)), out.subList(0, 2));
    assertEquals(Totals.of(ROWS), Totals.of(out));
    assertEquals(ZoneMatrix.of(ROWS), ZoneMatrix.of(out));
    assertEquals(5, out.size(), "others: z2->unknown, z2->z1, z1->z2");
    out.subList(2, 5).forEach(r -> assertEquals(RowOrder.OTHERS, r.key().source()));
  }

  @Test
  void should_sort_by_cost_then_by_bytes() {
    List<TrafficRow> out = RowOrder.apply(ROWS, RowOrder.SortBy.COST, null, AWS);
    assertEquals(List.of(ROWS.get(2), ROWS.get(4), ROWS.get(1), ROWS.get(0), ROWS.get(3)), out);
  }

  @Test
  void should_sort_by_the_workload_pairs_cross_zone_share() {
    List<TrafficRow> out = RowOrder.apply(ROWS, RowOrder.SortBy.CROSS_RATIO, null, AWS);
    // c->d and g->h cross entirely (ratio 1), a->b 10/1010, e->f 0
    assertEquals(List.of(ROWS.get(2), ROWS.get(4), ROWS.get(0), ROWS.get(1), ROWS.get(3)), out);
  }
}
