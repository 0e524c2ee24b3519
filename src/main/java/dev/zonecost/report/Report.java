package dev.zonecost.report;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.Sources;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.CostSummary;
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
    Map<TrafficKey, BigDecimal> rowCosts,
    Map<List<String>, BigDecimal> zoneCosts,
    Map<TrafficKey, Sources> sources) {

  public static Report of(ReportMetadata metadata, List<TrafficRow> rows, CostEstimator prices) {
    return of(metadata, rows, prices, Map.of());
  }

  /**
   * @param sources under {@code --dedupe auto}, where each printed row's bytes came from (empty
   *     otherwise)
   */
  public static Report of(
      ReportMetadata metadata,
      List<TrafficRow> rows,
      CostEstimator prices,
      Map<TrafficKey, Sources> sources) {
    Totals totals = Totals.of(rows);
    Map<TrafficKey, BigDecimal> costs = new HashMap<>();
    rows.forEach(r -> costs.put(r.key(), prices.rowCost(r)));
    CostSummary cost =
        prices.summarize(
            totals.crossZone(),
            totals.unknownZone(),
            Duration.between(metadata.start(), metadata.end()));
    ZoneMatrix zones = ZoneMatrix.of(rows);
    Map<List<String>, BigDecimal> zoneCosts = new HashMap<>();
    for (String src : zones.zones()) {
      for (String dst : zones.zones()) {
        zoneCosts.put(List.of(src, dst), prices.cost(Locality.of(src, dst), zones.cell(src, dst)));
      }
    }
    return new Report(
        metadata,
        List.copyOf(rows),
        totals,
        zones,
        cost,
        Map.copyOf(costs),
        Map.copyOf(zoneCosts),
        Map.copyOf(sources));
  }

  /** The exact cost of the bytes from one zone to another (zero unless they differ). */
  public BigDecimal zoneCost(String sourceZone, String destinationZone) {
    return zoneCosts.getOrDefault(List.of(sourceZone, destinationZone), BigDecimal.ZERO);
  }

  /** The exact cost of all bytes leaving one zone for the others. */
  public BigDecimal costFromZone(String sourceZone) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String dst : zones.zones()) {
      sum = sum.add(zoneCost(sourceZone, dst));
    }
    return sum;
  }

  /** The exact cost of one printed row (zero unless it crossed zones). */
  public BigDecimal costOf(TrafficRow row) {
    return rowCosts.getOrDefault(row.key(), BigDecimal.ZERO);
  }
}
