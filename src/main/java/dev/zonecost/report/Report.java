package dev.zonecost.report;

import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.CostSummary;
import dev.zonecost.traffic.TrafficKey;
import dev.zonecost.traffic.TrafficRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every renderer prints: built once, never recomputed by a renderer. */
public record Report(
    ReportMetadata metadata,
    List<TrafficRow> rows,
    Totals totals,
    ZoneMatrix zones,
    CostSummary cost,
    Map<TrafficKey, BigDecimal> rowCosts) {

  public static Report of(ReportMetadata metadata, List<TrafficRow> rows, CostEstimator prices) {
    Totals totals = Totals.of(rows);
    Map<TrafficKey, BigDecimal> costs = new HashMap<>();
    rows.forEach(r -> costs.put(r.key(), prices.rowCost(r)));
    CostSummary cost =
        prices.summarize(
            totals.crossZone(),
            totals.unknownZone(),
            Duration.between(metadata.start(), metadata.end()));
    return new Report(
        metadata, List.copyOf(rows), totals, ZoneMatrix.of(rows), cost, Map.copyOf(costs));
  }

  /** The exact cost of one printed row (zero unless it crossed zones). */
  public BigDecimal costOf(TrafficRow row) {
    return rowCosts.getOrDefault(row.key(), BigDecimal.ZERO);
  }
}
