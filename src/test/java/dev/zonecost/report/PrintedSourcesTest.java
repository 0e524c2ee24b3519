package dev.zonecost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.Sources;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-row sources follow the printed rows, and an (others) row sums the rows it folded. */
class PrintedSourcesTest {
  private static final WorkloadRef A = new WorkloadRef("ns", "Deployment", "a");
  private static final WorkloadRef B = new WorkloadRef("ns", "Deployment", "b");
  private static final WorkloadRef C = new WorkloadRef("ns", "Deployment", "c");

  @Test
  void should_sum_the_sources_of_the_rows_an_others_row_folds() {
    TrafficKey ab = new TrafficKey(A, B, "z1", "z2");
    TrafficKey ac = new TrafficKey(A, C, "z1", "z2");
    TrafficKey cb = new TrafficKey(C, B, "z1", "z2");
    TrafficKey others = new TrafficKey(RowOrder.OTHERS, RowOrder.OTHERS, "z1", "z2");
    Map<TrafficKey, Sources> all =
        Map.of(
            ab, new Sources(10, 0, 0),
            ac, new Sources(3, 4, 0),
            cb, new Sources(0, 1, 2));
    Map<TrafficKey, Sources> printed =
        ReportBuilder.printedSources(
            all, List.of(new TrafficRow(ab, 10), new TrafficRow(others, 10)));
    assertEquals(Map.of(ab, new Sources(10, 0, 0), others, new Sources(3, 5, 2)), printed);
    assertEquals(Map.of(), ReportBuilder.printedSources(Map.of(), List.of()));
  }
}
