package dev.zonecost.report;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.cost.CostEstimator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row order ({@code --sort-by}) and focus ({@code --top}). Rows past the top are folded into one
 * "(others)" row per zone pair, so the localities, the zone matrix and every total still add up.
 */
public final class RowOrder {
  public enum SortBy {
    BYTES,
    COST,
    CROSS_RATIO
  }

  public static final WorkloadRef OTHERS = new WorkloadRef("*", "*", "(others)");

  private RowOrder() {}

  public static List<TrafficRow> apply(
      List<TrafficRow> rows, SortBy sortBy, Integer top, CostEstimator prices) {
    List<TrafficRow> sorted = new ArrayList<>(rows);
    sorted.sort(comparator(rows, sortBy, prices));
    if (top == null || sorted.size() <= top) {
      return sorted;
    }
    List<TrafficRow> kept = new ArrayList<>(sorted.subList(0, top));
    Map<TrafficKey, Long> others = new LinkedHashMap<>();
    for (TrafficRow r : sorted.subList(top, sorted.size())) {
      TrafficKey k =
          new TrafficKey(OTHERS, OTHERS, r.key().sourceZone(), r.key().destinationZone());
      others.merge(k, r.bytes(), Long::sum);
    }
    List<TrafficRow> folded = new ArrayList<>();
    others.forEach((k, b) -> folded.add(new TrafficRow(k, b)));
    folded.sort(TrafficRow.DEFAULT_ORDER);
    kept.addAll(folded);
    return kept;
  }

  private static Comparator<TrafficRow> comparator(
      List<TrafficRow> rows, SortBy sortBy, CostEstimator prices) {
    return switch (sortBy) {
      case BYTES -> TrafficRow.DEFAULT_ORDER;
      case COST ->
          Comparator.comparing(prices::rowCost).reversed().thenComparing(TrafficRow.DEFAULT_ORDER);
      case CROSS_RATIO -> {
        // The share of a workload pair's bytes that crossed zones, over all its zone pairs.
        Map<List<WorkloadRef>, long[]> pairs = new HashMap<>();
        for (TrafficRow r : rows) {
          long[] s = pairs.computeIfAbsent(pair(r), k -> new long[2]);
          s[0] += r.locality() == Locality.CROSS_ZONE ? r.bytes() : 0;
          s[1] += r.bytes();
        }
        Comparator<TrafficRow> byRatio =
            Comparator.comparingDouble(
                r -> {
                  long[] s = pairs.get(pair(r));
                  return s[1] == 0 ? 0 : (double) s[0] / s[1];
                });
        yield byRatio.reversed().thenComparing(TrafficRow.DEFAULT_ORDER);
      }
    };
  }

  private static List<WorkloadRef> pair(TrafficRow r) {
    return List.of(r.key().source(), r.key().destination());
  }
}
